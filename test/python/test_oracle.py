"""Every row of oracle/DISTRIBUTIONS.md, against the reference package.

dac.grid_shape(a) has DistArray's form, as DISTRIBUTIONS.md writes it: one
extent per dimension, 1 where the dimension is not distributed ((12, 1)
for `bn`, (1, 2, 2) for `nbc`).
"""

import unittest

import support  # noqa: F401  (puts dac on sys.path)
from support import owner_table, ranks

import dac
import dac.numpy as np


def ranges(a):
    """[start, stop) per rank of a 1-D array (its owned indices must be
    contiguous)."""
    out = []
    for r in range(len(dac.localshapes(a))):
        idx = dac.owned_indices(a, r)[0]
        if idx:
            assert idx == list(range(idx[0], idx[-1] + 1)), idx
            out.append((idx[0], idx[-1] + 1))
        else:
            out.append(None)
    return out


class Block(unittest.TestCase):
    def check(self, n, p, want):
        with ranks(p):
            a = np.zeros(n, dist="b")
            got = ranges(a)
            self.assertEqual(dac.localshapes(a),
                             [(hi - lo,) for lo, hi in want])
            self.assertEqual(
                got, [(lo, hi) if hi > lo else None for lo, hi in want])
            self.assertEqual(dac.grid_shape(a), (p,))

    def test_10_3(self):
        self.check(10, 3, [(0, 4), (4, 7), (7, 10)])

    def test_10_4(self):
        self.check(10, 4, [(0, 3), (3, 6), (6, 8), (8, 10)])
        with ranks(4):
            t = owner_table(np.zeros(10, dist="b"))
        self.assertEqual(t[(9,)], (3, (1,)))
        self.assertEqual(t[(5,)], (1, (2,)))

    def test_9_4(self):
        self.check(9, 4, [(0, 3), (3, 5), (5, 7), (7, 9)])

    def test_300_4(self):
        self.check(300, 4, [(0, 75), (75, 150), (150, 225), (225, 300)])
        with ranks(4):
            # DistArray's ones((300, 10)) example, with the default layout.
            self.assertEqual(dac.localshapes(np.ones((300, 10))),
                             [(75, 10)] * 4)
            self.assertEqual(dac.localshapes(np.ones((300, 10), dist="bn")),
                             [(75, 10)] * 4)

    def test_3_4_empty_rank(self):
        self.check(3, 4, [(0, 1), (1, 2), (2, 3), (3, 3)])
        with ranks(4):
            a = np.arange(3.0, dist="b")
            self.assertEqual(dac.localshapes(a), [(1,), (1,), (1,), (0,)])
            self.assertEqual(dac.owned_indices(a, 3), [[]])
            # Reductions etc. still work (NumPy's results).
            self.assertEqual(a.sum(), 3.0)

    def test_0_2(self):
        with ranks(2):
            a = np.zeros(0, dist="b")
            self.assertEqual(dac.localshapes(a), [(0,), (0,)])
            self.assertEqual(owner_table(a), {})

    def test_irregular_bounds(self):
        with ranks(4):
            a = np.zeros(9, dist=(("b", {"bounds": (0, 2, 6, 7, 9)}),))
            self.assertEqual(dac.localshapes(a), [(2,), (4,), (1,), (2,)])
            self.assertEqual(ranges(a), [(0, 2), (2, 6), (6, 7), (7, 9)])
            self.assertEqual(dac.grid_shape(a), (4,))


class Cyclic(unittest.TestCase):
    ROWS = [
        # n, p, k, owned per rank
        (10, 4, 1, [[0, 4, 8], [1, 5, 9], [2, 6], [3, 7]]),
        (16, 4, 2, [[0, 1, 8, 9], [2, 3, 10, 11], [4, 5, 12, 13],
                    [6, 7, 14, 15]]),
        (7, 2, 2, [[0, 1, 4, 5], [2, 3, 6]]),
        (9, 4, 5, [[0, 1, 2, 3, 4], [5, 6, 7, 8], [], []]),
        (9, 4, 2, [[0, 1, 8], [2, 3], [4, 5], [6, 7]]),
        (10, 4, 3, [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]),
    ]

    def test_rows(self):
        for n, p, k, want in self.ROWS:
            with self.subTest(n=n, p=p, k=k), ranks(p):
                dist = "c" if k == 1 else (("c", k),)
                a = np.zeros(n, dist=dist)
                self.assertEqual(
                    [dac.owned_indices(a, r)[0] for r in range(p)], want)
                self.assertEqual(dac.localshapes(a),
                                 [(len(w),) for w in want])

    def test_16_4_2_rank1_locals(self):
        with ranks(4):
            t = owner_table(np.zeros(16, dist=(("c", 2),)))
        self.assertEqual([t[(g,)] for g in (2, 3, 10, 11)],
                         [(1, (i,)) for i in range(4)])

    def test_10_4_1_rank1_global_to_local(self):
        with ranks(4):
            t = owner_table(np.zeros(10, dist="c"))
        self.assertEqual(t[(9,)], (1, (2,)))
        self.assertNotEqual(t[(6,)][0], 1)  # global 6 is not rank 1's

    def test_block_size_in_dict_form(self):
        with ranks(2):
            a = np.zeros(7, dist=(("c", {"block_size": 2}),))
            self.assertEqual(dac.localshapes(a), [(4,), (3,)])


class TwoDimensions(unittest.TestCase):
    def test_5x9_bb_grid_2x2(self):
        with ranks(4):
            a = np.zeros((5, 9), dist=("b", "b"), grid_shape=(2, 2))
            self.assertEqual(dac.grid_shape(a), (2, 2))
            self.assertEqual(dac.localshapes(a),
                             [(3, 5), (3, 4), (2, 5), (2, 4)])
            self.assertEqual(dac.owned_indices(a, 0),
                             [[0, 1, 2], [0, 1, 2, 3, 4]])
            self.assertEqual(dac.owned_indices(a, 3),
                             [[3, 4], [5, 6, 7, 8]])
            self.assertEqual(owner_table(a)[(4, 8)], (3, (1, 3)))

    def test_3x5_cc_grid_2x2(self):
        with ranks(4):
            a = np.zeros((3, 5), dist="cc", grid_shape=(2, 2))
            t = owner_table(a)
            self.assertEqual(len(t), 15)
            for (r, c), (rank, _) in t.items():
                self.assertEqual(rank, (r % 2) * 2 + (c % 2))

    def test_2x3x4_nbc_p4(self):
        with ranks(4):
            a = np.zeros((2, 3, 4), dist=("n", "b", "c"))
            self.assertEqual(dac.grid_shape(a), (1, 2, 2))
            self.assertEqual(dac.localshapes(a),
                             [(2, 2, 2), (2, 2, 2), (2, 1, 2), (2, 1, 2)])
            # The oracle's grid given back as grid_shape= (either form).
            for grid in [(1, 2, 2), (2, 2)]:
                with self.subTest(grid=grid):
                    b = np.zeros((2, 3, 4), dist=("n", "b", "c"),
                                 grid_shape=grid)
                    self.assertEqual(dac.grid_shape(b), (1, 2, 2))
                    self.assertEqual(dac.localshapes(b), dac.localshapes(a))


class GridChoice(unittest.TestCase):
    ROWS = [
        ((20, 20), "bb", (3, 4)),
        ((20, 60), "bb", (2, 6)),
        ((60, 20), "bb", (6, 2)),
        ((100, 50, 300), "bbb", (2, 1, 6)),
        ((100, 100, 150), "bbb", (2, 2, 3)),
        ((20, 20), "bn", (12, 1)),
    ]

    def test_p12(self):
        for shape, dist, want in self.ROWS:
            with self.subTest(shape=shape, dist=dist), ranks(12):
                self.assertEqual(dac.grid_shape(np.zeros(shape, dist=dist)),
                                 want)

    def test_one_axis_takes_all_ranks_even_when_short(self):
        with ranks(8):
            a = np.zeros(3, dist="b")
            self.assertEqual(dac.grid_shape(a), (8,))
            self.assertEqual(dac.localshapes(a), [(1,)] * 3 + [(0,)] * 5)


class Reductions(unittest.TestCase):
    """In the reference run reductions are NumPy's; check the printed
    forms the oracle gives (and that layouts do not change them)."""

    def test_4x4_bb_p4(self):
        with ranks(4):
            a = np.arange(16, dist=("b",)).reshape(4, 4)
            a = dac.redistribute(a, dist=("b", "b"))
            self.assertEqual(dac.grid_shape(a), (2, 2))
            outs = [a.sum(), a.sum(axis=0), a.sum(axis=1), a.mean(), a.var(),
                    a.std(), a.max(axis=1), a.min()]
            self.assertEqual(
                [str(x) for x in outs],
                ["120", "[24 28 32 36]", "[ 6 22 38 54]", "7.5", "21.25",
                 "4.6097722286464435", "[ 3  7 11 15]", "0"])
            self.assertEqual(repr(a.std()), "4.6097722286464435")

    def test_ones_14_var(self):
        with ranks(4):
            a = np.ones(14, dist="b")
            self.assertEqual(dac.localshapes(a), [(4,), (4,), (3,), (3,)])
            self.assertEqual(str(a.var()), "0.0")


if __name__ == "__main__":
    unittest.main()
