"""dist= / grid_shape=: every form SCRIPT_LANGUAGE.md allows is accepted on
every creation function, and every invalid one is rejected with a clear
ValueError (dac.DistributionError)."""

import unittest

import numpy
import support  # noqa: F401  (puts dac on sys.path)
from support import ranks

import dac
import dac.numpy as np


class AcceptedForms(unittest.TestCase):
    FORMS_2D = [
        ("bn", ("b", "n")),
        ("bc", ("b", "c")),
        ("nb", ("n", "b")),
        ("b", ("b", "n")),                   # short: the rest is 'n'
        (("b", ("c", 2)), ("b", ("c", 2))),
        (["c", ["c", 3]], ("c", ("c", 3))),
        (("b", ("c", 1)), ("b", "c")),
        ({0: "b"}, ("b", "n")),
        ({1: "c"}, ("n", "c")),
        ({-1: ("c", 2)}, ("n", ("c", 2))),
        ({}, ("n", "n")),
        ((("b", {"halo": (1, 2), "periodic": True}), "n"),
         (("b", {"halo": (1, 2), "periodic": True}), "n")),
        ((("b", {"halo": 1}), "n"), (("b", {"halo": (1, 1)}), "n")),
        ((("b", {"padding": [0, 1]}), "n"), (("b", {"halo": (0, 1)}), "n")),
        ((("b", {"periodic": False}), "n"), ("b", "n")),
        ((("b", {"bounds": [0, 2, 6, 7, 9]}),),
         (("b", {"bounds": [0, 2, 6, 7, 9]}), "n")),
        ((("b", {"bounds": (0, 9)}), "b"), (("b", {"bounds": [0, 9]}), "b")),
        ((("b", {"bounds": [0, 0, 9]}),), (("b", {"bounds": [0, 0, 9]}), "n")),
        ((("b", {"bounds": [0, 4, 9], "halo": 1}),),
         (("b", {"bounds": [0, 4, 9], "halo": (1, 1)}), "n")),
        ((("u", {"indices": [[4, 0, 8], [1, 3, 2], [5, 6, 7]]}),),
         (("u", {"indices": [[4, 0, 8], [1, 3, 2], [5, 6, 7]]}), "n")),
        ((("c", {"block_size": 2}), "n"), (("c", 2), "n")),
        ((("c", {"k": 3}), "n"), (("c", 3), "n")),
        (("n", ("n", {})), ("n", "n")),
        ("nn", ("n", "n")),
    ]

    def test_forms(self):
        for dist, normal in self.FORMS_2D:
            with self.subTest(dist=dist):
                a = np.zeros((9, 4), dist=dist)
                self.assertEqual(dac.layout(a).dist(), normal)
                self.assertIsInstance(a, numpy.ndarray)

    def test_numpy_integer_parameters(self):
        a = np.zeros((9, 4), dist=(("c", numpy.int64(2)), "n"),
                       grid_shape=(numpy.int32(1),))
        self.assertEqual(dac.layout(a).dist(), (("c", 2), "n"))

    def test_grid_shape_forms(self):
        with ranks(4):
            for grid in [(2, 2), [4, 1], (1, 4)]:
                a = np.zeros((6, 6), dist="bc", grid_shape=grid)
                self.assertEqual(dac.grid_shape(a), tuple(grid))
            self.assertEqual(dac.grid_shape(np.zeros(6, grid_shape=4)), (4,))
            self.assertEqual(dac.grid_shape(np.zeros(6, grid_shape=(4,))),
                             (4,))
            # grid_shape alone: the default dist (block on axis 0).
            self.assertEqual(dac.layout(np.zeros((6, 6), grid_shape=(4,))).
                             dist(), ("b", "n"))
            self.assertEqual(np.zeros((6, 6), dist="nn", grid_shape=()).shape,
                             (6, 6))

    def test_grid_shape_both_forms(self):
        """grid_shape= takes one extent per dimension (1 for each 'n'
        dimension; DistArray's form, what dac.grid_shape returns) or one
        per distributed dimension; both give the same layout."""
        rows = [
            # shape, dist, per-dimension form, per-distributed-dim form
            ((6, 6), "bn", (4, 1), (4,)),
            ((6, 6), "nb", (1, 4), (4,)),
            ((6, 6), None, (4, 1), (4,)),       # the default dist, 'bn'
            ((2, 3, 4), ("n", "b", "c"), (1, 2, 2), (2, 2)),
            ((2, 3, 4), ("b", "n", "c"), (4, 1, 1), (4, 1)),
            ((2, 3, 4), "bcn", (2, 2, 1), (2, 2)),
            ((5, 2, 7, 3), "nbnc", (1, 1, 1, 4), (1, 4)),
            ((9, 4), (("b", {"bounds": [0, 2, 5, 7, 9]}), "n"), (4, 1),
             (4,)),
            ((4, 6), ("n", ("u", {"indices": [[5, 0], [1], [2, 3], [4]]})),
             (1, 4), (4,)),
            ((6, 6), "nn", (1, 1), ()),
            ((6,), "n", (1,), ()),
        ]
        for shape, dist, full, short in rows:
            for p in (None, 4):
                with self.subTest(shape=shape, dist=dist, p=p), ranks(p):
                    a = np.zeros(shape, dist=dist, grid_shape=full)
                    b = np.zeros(shape, dist=dist, grid_shape=list(short))
                    self.assertEqual(dac.grid_shape(a), full)
                    self.assertEqual(dac.grid_shape(b), full)
                    self.assertEqual(dac.layout(a), dac.layout(b))
                    # The internal grid keeps the distributed dimensions.
                    self.assertEqual(dac.layout(a).grid, short)
                    self.assertEqual(dac.localshapes(a), dac.localshapes(b))
                    # What dac.grid_shape returns is a valid grid_shape=.
                    c = np.zeros(shape, dist=dist,
                                 grid_shape=dac.grid_shape(a))
                    self.assertEqual(dac.layout(c), dac.layout(a))
                    r = dac.redistribute(np.arange(float(numpy.prod(shape)))
                                         .reshape(shape), dist=dist or "b",
                                         grid_shape=full)
                    self.assertEqual(dac.grid_shape(r), full)
        with ranks(4):
            # The full form with every dimension distributed is the other
            # form too; the automatic choice answers in the full form.
            self.assertEqual(dac.grid_shape(np.zeros((6, 6), dist="bc",
                                                     grid_shape=(2, 2))),
                             (2, 2))
            self.assertEqual(dac.grid_shape(np.zeros((6, 6), dist="nc")),
                             (1, 4))
            self.assertEqual(dac.grid_shape(np.zeros((6, 6))), (4, 1))
            self.assertEqual(dac.grid_shape(numpy.zeros((6, 6, 2))),
                             (4, 1, 1))
            self.assertEqual(dac.grid_shape(numpy.zeros(6)), (4,))
            self.assertEqual(dac.grid_shape(numpy.float64(1.0)), ())
            self.assertEqual(dac.grid_shape(np.zeros((6, 6, 6), dist="nnn")),
                             (1, 1, 1))

    def test_zero_d(self):
        for dist in ["", (), {}]:
            a = np.zeros((), dist=dist)
            self.assertIs(type(a), numpy.ndarray)
            self.assertEqual(dac.localshapes(a), [()])
            self.assertEqual(dac.grid_shape(a), ())
        with ranks(3):
            self.assertEqual(dac.localshapes(np.float64(2.0)), [(), (), ()])

    def test_every_creation_function(self):
        d = dict(dist=(("c", 2),), grid_shape=(2,))
        d2 = dict(dist=("b", "c"), grid_shape=(1, 2))
        proto = numpy.arange(6.0)
        rng = np.random.default_rng(7)
        made = {
            "zeros": np.zeros(6, **d), "ones": np.ones(6, **d),
            "empty": np.empty(6, **d), "full": np.full(6, 2.5, **d),
            "zeros_like": np.zeros_like(proto, **d),
            "ones_like": np.ones_like(proto, **d),
            "full_like": np.full_like(proto, 3, **d),
            "empty_like": np.empty_like(proto, **d),
            "arange": np.arange(6, **d), "linspace": np.linspace(0, 1, 6, **d),
            "array": np.array([1, 2, 3, 4, 5, 6], **d),
            "copy": np.copy(proto, **d),
            "fromfunction": np.fromfunction(lambda i: i * 2, (6,), **d),
            "rng.random": rng.random(6, **d),
            "rng.uniform": rng.uniform(0, 1, 6, **d),
            "rng.standard_normal": rng.standard_normal(6, **d),
            "rng.normal": rng.normal(0, 1, 6, **d),
            "rng.integers": rng.integers(0, 10, 6, **d),
            "rand": np.random.rand(6, **d),
            "random": np.random.random(6, **d),
            "random_sample": np.random.random_sample(6, **d),
            "randn": np.random.randn(6, **d),
            "legacy uniform": np.random.uniform(0, 1, 6, **d),
            "randint": np.random.randint(0, 5, 6, **d),
        }
        made2 = {"eye": np.eye(6, **d2), "identity": np.identity(6, **d2),
                 "rng.random 2d": rng.random((6, 6), **d2),
                 "rand 2d": np.random.rand(6, 6, **d2)}
        for name, a in made.items():
            with self.subTest(name), ranks(2):
                self.assertEqual(dac.layout(a).dist(), (("c", 2),))
                self.assertEqual(dac.localshapes(a), [(4,), (2,)])
        for name, a in made2.items():
            with self.subTest(name), ranks(2):
                self.assertEqual(dac.localshapes(a), [(6, 3), (6, 3)])
        for name, f in [("zeros", lambda **k: np.zeros(6, **k)),
                        ("rng.random", lambda **k: rng.random(6, **k)),
                        ("randn", lambda **k: np.random.randn(6, **k)),
                        ("linspace", lambda **k: np.linspace(0, 1, 6, **k)),
                        ("eye", lambda **k: np.eye(6, **k))]:
            with self.subTest(name + " rejects"):
                with self.assertRaisesRegex(ValueError, "unknown distribution"
                                            " code 'x'"):
                    f(dist="x")

    def test_scalar_draw_with_empty_dist(self):
        rng = np.random.default_rng(3)
        x = rng.random(dist=())
        self.assertEqual(x, numpy.random.default_rng(3).random())
        with self.assertRaises(ValueError):
            rng.random(dist="b")

    def test_redistribute(self):
        with ranks(4):
            a = np.arange(10.0, dist="b")
            b = dac.redistribute(a, dist="c")
            self.assertIsNot(b, a)
            self.assertFalse(numpy.shares_memory(a, b))
            self.assertEqual(dac.localshapes(b), [(3,), (3,), (2,), (2,)])
            self.assertEqual(dac.localshapes(a), [(3,), (3,), (2,), (2,)])
            self.assertEqual(dac.owned_indices(b, 1), [[1, 5, 9]])
            self.assertTrue((a == b).all())
            self.assertIs(type(dac.redistribute(a)), numpy.ndarray)
            with self.assertRaisesRegex(ValueError, "redistribute"):
                dac.redistribute(a, dist="q")

    def test_local(self):
        a = np.arange(6.0, dist="c")
        self.assertEqual(dac.local(lambda x: x.sum(), a), 15.0)

        @dac.local
        def double(x):
            return 2 * x
        self.assertEqual(double(a).tolist(), [0, 2, 4, 6, 8, 10])
        self.assertEqual(double.__name__, "double")


class RejectedForms(unittest.TestCase):
    """Each invalid form with a piece of its message."""

    CASES = [
        # (shape, dist, grid_shape, message regex)
        ((10,), "x", None, r"unknown distribution code 'x'"),
        ((10,), "B", None, r"unknown distribution code 'B'"),
        ((10,), "u", None, r"unstructured \('u'\) dimension needs its "
                           r"indices"),
        ((10,), "bb", None, r"has 2 codes for an array of 1 dimension"),
        ((4, 4), "bcn", None, r"3 codes for an array of 2 dimensions"),
        ((4, 4), ("b", "c", "n"), None, r"3 entries for an array of 2"),
        ((10,), ("c", 2), None, r"for one dimension with a parameter write "
                                r"dist=\(\('c', 2\),\)"),
        ((4,), 5, None, r"dist must be a string"),
        ((4,), ("b", 5), None, r"2 entries for an array of 1"),
        ((4, 4), ("b", 5), None, r"code .* or a \(code, parameter\) pair"),
        ((4, 4), ("b", {"halo": 1}), None, r"options go in a pair"),
        ((4, 4), ("b", ("x", 2)), None, r"axis 1: unknown distribution "
                                         r"code 'x'"),
        ((4, 4), ("b", ("c", 2, 3)), None, r"\(code, parameter\) pair"),
        ((10,), [("c", 0)], None, r"block size of a cyclic distribution "
                                  r"must be at least 1, got 0"),
        ((10,), [("c", -3)], None, r"must be at least 1, got -3"),
        ((10,), [("c", {"block_size": 0})], None, r"at least 1, got 0"),
        ((10,), [("c", 2.0)], None, r"block size or a dict"),
        ((10,), [("c", True)], None, r"block size or a dict"),
        ((10,), [("b", 2)], None, r"only cyclic \('c'\) takes a block size"),
        ((10,), [("b", {"block_size": 2})], None, r"only cyclic"),
        ((10,), [("b", {"halo": -1})], None, r"non-negative, got \(-1, -1\)"),
        ((10,), [("b", {"halo": (0, -2)})], None, r"non-negative"),
        ((10,), [("b", {"halo": (1, 2, 3)})], None, r"width or a \(lo, hi\)"),
        ((10,), [("b", {"halo": 11})], None, r"wider than the axis "
                                             r"\(length 10\)"),
        ((10,), [("b", {"halo": (0, 11)})], None, r"wider than the axis"),
        ((10,), [("c", {"halo": 1})], None, r"halo and periodic need a "
                                            r"block \('b'\)"),
        ((10,), [("b", {"periodic": "yes"})], None, r"'periodic' must be "
                                                    r"True or False"),
        ((10,), [("b", {"ghosts": 1})], None, r"unknown distribution option "
                                              r"'ghosts'"),
        ((9,), [("b", {"bounds": [1, 5, 9]})], None, r"start at 0"),
        ((9,), [("b", {"bounds": [0, 5, 8]})], None, r"end at the axis "
                                                     r"length 9"),
        ((9,), [("b", {"bounds": [0, 5, 3, 9]})], None, r"non-decreasing"),
        ((9,), [("b", {"bounds": [0]})], None, r"at least two entries"),
        ((9,), [("b", {"bounds": [0, 4.5, 9]})], None, r"list of integers"),
        ((9,), [("c", {"bounds": [0, 9]})], None, r"bounds need a block"),
        ((4,), [("u", {"indices": [[0, 1], [2]]})], None, r"miss \[3\]"),
        ((4,), [("u", {"indices": [[0, 1], [1, 2, 3]]})], None,
         r"index 1 is listed twice"),
        ((4,), [("u", {"indices": [[0, 1], [2, 3, 4]]})], None,
         r"index 4 is outside the axis \[0, 4\)"),
        ((4,), [("u", {"indices": [[0, -1], [2, 3]]})], None,
         r"outside the axis"),
        ((4,), [("u", {"indices": []})], None, r"at least one list"),
        ((4,), [("u", {"indices": [0, 1, 2, 3]})], None,
         r"each 'indices' list must be a list of integers"),
        ((4,), [("b", {"indices": [[0, 1, 2, 3]]})], None,
         r"indices need an unstructured"),
        ((4, 4), {2: "b"}, None, r"names axis 2 of an array of 2"),
        ((4, 4), {"0": "b"}, None, r"keys are axis numbers"),
        ((4, 4), {0: "b", -2: "c"}, None, r"names axis 0 twice"),
        # grid_shape
        ((4, 4), "bc", (2,), r"grid_shape=\(2,\) has 1 entry but the "
                             r"distribution has 2 distributed dimensions"),
        ((4, 4), "bn", (2, 1, 1), r"grid_shape=\(2, 1, 1\) has 3 entries "
                                  r"but the distribution has 1 distributed "
                                  r"dimension \(give one extent per "
                                  r"dimension, or one per distributed "
                                  r"dimension\)"),
        ((2, 3, 4), "nbc", (2,), r"1 entry but the distribution has 2 "),
        ((2, 3, 4), "nbc", (1, 1, 2, 2), r"4 entries but the distribution "
                                         r"has 2 "),
        ((4, 4), "nn", (1,), r"has 0 distributed dimensions"),
        ((4, 4), "nn", (1, 1, 1), r"has 0 distributed dimensions"),
        # The per-dimension form: an 'n' dimension gets exactly 1 rank.
        ((4, 4), "bn", (2, 2), r"grid_shape gives 2 ranks to axis 1, which "
                               r"is not distributed \('n'\): it must be 1"),
        ((4, 4), "nb", (4, 1), r"gives 4 ranks to axis 0, which is not "
                               r"distributed"),
        ((4, 4), None, (1, 4), r"gives 4 ranks to axis 1, which is not "
                               r"distributed"),
        ((2, 3, 4), "nbc", (2, 1, 2), r"gives 2 ranks to axis 0, which is "
                                      r"not distributed"),
        ((2, 3, 4), "bnc", (2, 2, 1), r"gives 2 ranks to axis 1"),
        ((4, 4), "nn", (1, 2), r"gives 2 ranks to axis 1, which is not "
                               r"distributed"),
        ((4,), "n", 4, r"gives 4 ranks to axis 0, which is not distributed"),
        ((4,), "n", (2,), r"gives 2 ranks to axis 0"),
        ((4, 4), "bc", (0, 2), r"at least 1"),
        ((4, 4), "bc", (2, -2), r"at least 1"),
        ((4, 4), "bc", (2.0, 2), r"list of integers"),
        ((4, 4), "bc", "22", r"grid_shape must be a tuple"),
        ((9,), [("b", {"bounds": [0, 4, 9]})], (3,),
         r"axis 0: its bounds describe 2 parts but grid_shape gives it 3"),
        ((4,), [("u", {"indices": [[0, 1], [2, 3]]})], (1,),
         r"its indices describe 2 parts"),
        ((9, 4), [("b", {"bounds": [0, 4, 9]}), "n"], (3, 1),
         r"axis 0: its bounds describe 2 parts but grid_shape gives it 3"),
        ((4, 4), ["n", ("u", {"indices": [[0, 1], [2, 3]]})], (1, 4),
         r"axis 1: its indices describe 2 parts but grid_shape gives it 4"),
    ]

    def test_cases(self):
        for shape, dist, grid, msg in self.CASES:
            for p in (None, 4):
                with self.subTest(shape=shape, dist=dist, grid=grid, p=p), \
                        ranks(p):
                    with self.assertRaisesRegex(ValueError, msg) as cm:
                        np.zeros(shape, dist=dist, grid_shape=grid)
                    self.assertIsInstance(cm.exception, dac.DistributionError)
                    self.assertIn("zeros(): invalid distribution for shape",
                                  str(cm.exception))

    def test_rank_count_checked_only_when_set(self):
        with ranks(None):
            a = np.zeros((4, 4), dist="bc", grid_shape=(2, 3))
            self.assertEqual(dac.grid_shape(a), (2, 3))
            self.assertEqual(len(dac.localshapes(a)), 6)
            b = np.zeros(9, dist=[("b", {"bounds": [0, 2, 6, 7, 9]})])
            self.assertEqual(dac.localshapes(b), [(2,), (4,), (1,), (2,)])
        with ranks(4):
            with self.assertRaisesRegex(ValueError, r"grid_shape=\(2, 3\) "
                                        r"has 6 positions but there are 4 "
                                        r"ranks"):
                np.zeros((4, 4), dist="bc", grid_shape=(2, 3))
            with self.assertRaisesRegex(ValueError, "6 positions"):
                dac.localshapes(a)  # made without a rank count
            with self.assertRaisesRegex(ValueError, r"fixes a grid of \(3,\)"
                                        r" = 3 positions .* 4 ranks"):
                np.zeros(9, dist=[("b", {"bounds": [0, 2, 6, 9]})])
            with self.assertRaisesRegex(ValueError, "does not divide the 4"):
                np.zeros((9, 9), dist=[("b", {"bounds": [0, 2, 6, 9]}), "b"])
        with ranks(3):
            with self.assertRaisesRegex(ValueError, r"grid_shape=\(4,\) has 4"
                                        r" positions but there are 3"):
                np.zeros(10, grid_shape=(4,))
            # The per-dimension form is checked against the rank count too.
            with self.assertRaisesRegex(ValueError, r"has 4 positions but "
                                        r"there are 3 ranks"):
                np.zeros((10, 2), dist="bn", grid_shape=(4, 1))
            with self.assertRaisesRegex(ValueError, r"has 4 positions but "
                                        r"there are 3 ranks"):
                np.zeros((2, 10, 2), dist="nbc", grid_shape=(1, 2, 2))
        with ranks(None):
            a = np.zeros((10, 2), dist="bn", grid_shape=(4, 1))
            self.assertEqual(dac.grid_shape(a), (4, 1))
            self.assertEqual(len(dac.localshapes(a)), 4)

    def test_bad_rank_count_variable(self):
        for text in ("0", "-1", "two"):
            with ranks(text), self.subTest(text):
                with self.assertRaisesRegex(ValueError,
                                            "DAC_REFERENCE_RANKS"):
                    dac.localshapes(numpy.zeros(3))

    def test_bad_rank_argument(self):
        with ranks(2):
            a = np.zeros(4, dist="b")
            for r in (-1, 2, "0", 1.0, True):
                with self.subTest(r=r), self.assertRaisesRegex(
                        ValueError, r"rank must be an integer in \[0, 2\)"):
                    dac.owned_indices(a, r)
            self.assertEqual(dac.owned_indices(a, numpy.int64(1)), [[2, 3]])


if __name__ == "__main__":
    unittest.main()
