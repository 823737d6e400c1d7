"""dac.numpy is NumPy: scripts print byte-identical output with and without
dist= (under `import numpy as np` vs `import dac.numpy as np`), results have
NumPy's types, and layouts propagate through element-wise operations."""

import os
import subprocess
import sys
import textwrap
import unittest

import numpy
import support
from support import ranks

import dac
import dac.numpy as np

# Scripts with {D}/{D2} where a `, dist=...` keyword goes (removed for the
# plain NumPy run).
SCRIPTS = {
    "basic": """
        a = np.arange(10{D})
        b = np.ones(10, dtype=np.float32{D})
        c = np.linspace(0.0, 1.0, 7{D})
        print(a); print(b); print(c)
        print(repr(a)); print(repr(b)); print(repr(c))
        print(a * 2 + 1, a / 3, a // 3, -a, a ** 2)
        print(a.sum(), a.mean(), a.var(), a.std(), a.min(), a.max())
        print(b.sum(), b.mean(), c.std(ddof=1), a.argmax(), a.argmin())
        print(type(a.sum()).__name__, type(b.sum()).__name__, type(c.max()))
        print(np.sum(a), np.mean(c), np.prod(a[1:5]), np.count_nonzero(a))
        print(a > 4, (a > 4).all(), (a > 4).any())
        print([a, b], (c,))
        print(f"{{a}} {{c.sum():.3f}} {{b.mean()}}")
        print(a @ a, np.dot(c, c), a.dot(a))
        print(np.sqrt(c), np.exp(c), np.hypot(c, c))
        print(np.where(a > 3, a, -1), np.clip(a, 2, 5), np.abs(-a))
        print(a.astype(np.float64), a.astype(np.int32), c.astype(np.float32))
        print(a.dtype, b.dtype, a.shape, a.ndim, a.size)
        print(str(a), repr(a), a.tolist())
    """,
    "two_d": """
        a = np.arange(16.0{D}).reshape(4, 4)
        b = np.fromfunction(lambda i, j: i * 10 + j, (5, 9){D2})
        e = np.eye(4{D2})
        print(a); print(b); print(e); print(repr(b))
        print(a.sum(axis=0), a.sum(axis=1), a.mean(axis=0), a.max(axis=1))
        print(a.sum(axis=(0, 1)), a.sum(keepdims=True), a.var(), a.std())
        print(a.T, a @ e, np.dot(a, a[0]), b[1:-1, ::2], b[:, 3])
        print(np.roll(b, 1, axis=1)); print(np.pad(e, 1))
        print(np.concatenate([a, e]), np.stack([a, e]).shape)
        print(a[1], a[1, 2], a[-1, -1], a[..., 0], a[None].shape)
        print(np.allclose(a, a), np.linalg.norm(a[0]), a.argmax(axis=0))
        print(b > 40, np.isnan(b).any(), np.isfinite(b).all())
        print(repr(b.T), b.T.shape)
        x = np.zeros((3, 4){D2})
        x[1:-1, 1:-1] = 5
        x += 1
        x[x > 3] = 0
        print(x)
    """,
    "big_and_special": """
        a = np.arange(2000.0{D}) / 7
        print(a); print(repr(a))
        b = np.full(1500, np.nan{D})
        print(b)
        c = np.array([0.0, -0.0, np.inf, -np.inf, np.nan, 1e-300, 1e300, 1/3]{D})
        print(c, repr(c), c.sum(), c.max(), np.nanmax(c))
        d = np.array([True, False, True]{D})
        print(d, d.sum(), d.all(), repr(d), ~d)
        i = np.arange(-5, 5, dtype=np.int32{D})
        print(i, i.sum(), type(i.sum()).__name__, i % 3, i >> 1, i & 3)
        f = np.linspace(-1, 1, 1001, dtype=np.float32{D})
        print(f, f.sum(), f.mean())
        z = np.zeros((40, 40){D2})
        print(z)
        print(np.empty(0{E}), np.zeros((0, 3){E}))
    """,
    "random": """
        rng = np.random.default_rng(42)
        print(rng)
        print(rng.random(5{D}), rng.uniform(-1, 1, 4{D}))
        print(rng.standard_normal(3{D}), rng.normal(2.0, 0.5, 3{D}))
        print(rng.integers(0, 100, 6{D}), rng.integers(5, size=4{D}))
        print(rng.random((3, 3){D2}))
        print(rng.random(), rng.integers(10))
        np.random.seed(7)
        print(np.random.rand(4{D}), np.random.random(3{D}))
        print(np.random.randn(3{D}), np.random.rand(2, 3{D2}))
        print(np.random.random_sample(2{D}), np.random.randint(0, 9, 5{D}))
        u = rng.random(1000{D})
        print(u.mean(), u.var(), u.min(), u.max(), np.median(u))
    """,
    "like_copy": """
        a = np.arange(12.0{D})
        print(np.zeros_like(a{D}), np.ones_like(a{D}), np.full_like(a, 7{D}))
        print(np.empty_like(a{D}).shape, np.copy(a{D}), np.array(a{D}))
        print(np.array([[1, 2], [3, 4]]{D2}), np.identity(3{D2}))
        print(np.arange(1, 2, 0.1{D}), np.linspace(0, 1, 5, retstep=True{D}))
        s = a.copy(); s.fill(2.5); print(s, s.reshape(3, 4), a.ravel())
        print(np.array(3.0), np.zeros(()), np.float64(2.5), np.int64(3))
        print(np.array(3.5).sum(), a[3], a[-1], type(a[3]).__name__)
        print(a.cumsum(), np.diff(a), np.sort(-a), np.unique(a % 3))
    """,
}

DISTS = [
    # (1-D dist, 2-D dist)
    ("'b'", "'bn'"),
    ("'c'", "('b', ('c', 2))"),
    ("(('c', 3),)", "{1: 'c'}"),
    ("(('b', {'halo': 1, 'periodic': True}),)", "('c', 'b')"),
]


def render(body, d1, d2):
    e = ", dist='b'" if d1 else ""
    return textwrap.dedent(body).replace("{D}", d1).replace("{D2}", d2) \
        .replace("{E}", e) \
        .replace("{{", "{").replace("}}", "}")


def run(source):
    env = dict(os.environ, PYTHONPATH=support.PACKAGE_DIR,
               DAC_REFERENCE_RANKS="4")
    proc = subprocess.run([sys.executable, "-c", source], env=env,
                          capture_output=True, timeout=120)
    if proc.returncode != 0:
        raise AssertionError("script failed:\n%s\n%s" % (
            source, proc.stderr.decode()))
    return proc.stdout


class PrintingIdentity(unittest.TestCase):
    def test_scripts(self):
        for name, body in SCRIPTS.items():
            plain = run("import numpy as np\n" + render(body, "", ""))
            self.assertIn(b"[", plain)
            # The same script through dac.numpy without any dist=.
            with self.subTest(name, dist=None):
                same = run("import dac\nimport dac.numpy as np\n" +
                           render(body, "", ""))
                self.assertEqual(same, plain)
            for d1, d2 in DISTS:
                with self.subTest(name, dist=(d1, d2)):
                    src = render(body, ", dist=" + d1, ", dist=" + d2)
                    out = run("import dac\nimport dac.numpy as np\n" + src)
                    self.assertEqual(out.decode(), plain.decode())


class ResultTypes(unittest.TestCase):
    def pairs(self):
        base = numpy.arange(1.0, 13.0).reshape(3, 4)
        yield base, np.array(base, dist="bc")
        yield base.astype(numpy.float32), np.array(base, dtype=numpy.float32,
                                                   dist="cn")
        yield base.astype(numpy.int32), np.array(base, dtype=numpy.int32,
                                                 dist={1: ("c", 2)})
        yield base > 4, np.array(base > 4, dist="bb")

    CALLS = [
        lambda a: a.sum(), lambda a: a.prod(), lambda a: a.min(),
        lambda a: a.max(), lambda a: a.mean(), lambda a: a.var(),
        lambda a: a.std(ddof=1), lambda a: a.argmin(), lambda a: a.argmax(),
        lambda a: a.all(), lambda a: a.any(), lambda a: numpy.sum(a),
        lambda a: numpy.mean(a), lambda a: numpy.count_nonzero(a),
        lambda a: numpy.linalg.norm(a[0]), lambda a: a[0] @ a[1],
        lambda a: numpy.dot(a[0], a[0]), lambda a: a[1, 2], lambda a: a.item(0),
        lambda a: a.sum(axis=0), lambda a: a.mean(axis=1),
        lambda a: a.max(axis=(0, 1)), lambda a: a.sum(keepdims=True),
        lambda a: numpy.sqrt(a[0, 0]), lambda a: a[0, 0] * 2,
        lambda a: numpy.median(a), lambda a: numpy.allclose(a, a),
        lambda a: a.sum(axis=0)[0], lambda a: numpy.float64(a.sum()),
        lambda a: float(a.sum()), lambda a: a[0, ...],
    ]

    def test_same_types_and_values(self):
        for plain, dist in self.pairs():
            for i, call in enumerate(self.CALLS):
                with self.subTest(dtype=plain.dtype, call=i):
                    try:
                        want = call(plain)
                    except TypeError:
                        continue
                    got = call(dist)
                    self.assertIs(type(got), type(want))
                    self.assertEqual(repr(got), repr(want))
                    self.assertEqual(str(got), str(want))

    def test_isinstance_and_printing(self):
        a = np.arange(6.0, dist="c")
        self.assertIsInstance(a, numpy.ndarray)
        self.assertIsInstance(a, dac.DistributedArray)
        self.assertEqual(repr(a), "array([0., 1., 2., 3., 4., 5.])")
        self.assertEqual(str(a), "[0. 1. 2. 3. 4. 5.]")
        self.assertEqual(format(a), "[0. 1. 2. 3. 4. 5.]")
        self.assertEqual(numpy.array2string(a), "[0. 1. 2. 3. 4. 5.]")
        self.assertEqual(numpy.array_repr(a), repr(a))
        zero_d = a[0, ...]
        self.assertEqual(repr(zero_d), "array(0.)")
        self.assertEqual(f"{a[1, ...]:.2f}", "1.00")

    def test_without_dist_numpy_objects(self):
        self.assertIs(type(np.zeros(3)), numpy.ndarray)
        self.assertIs(type(np.arange(3).sum()), numpy.int64)
        self.assertIs(np.sum, numpy.sum)
        self.assertIs(np.float64, numpy.float64)
        self.assertEqual(np.pi, numpy.pi)
        self.assertIs(np.linalg, numpy.linalg)
        self.assertIs(np.random.seed, numpy.random.seed)
        self.assertIs(np.newaxis, None)
        self.assertIs(np.ndarray, numpy.ndarray)
        self.assertIs(np.nanmax, numpy.nanmax)   # outside numpy.__all__ too
        import dac.numpy.linalg as la
        self.assertIs(la, numpy.linalg)

    def test_random_streams_are_numpys(self):
        for seed in (0, 1, 12345):
            mine, ref = np.random.default_rng(seed), \
                numpy.random.default_rng(seed)
            self.assertIsInstance(mine, numpy.random.Generator)
            self.assertEqual(str(mine), str(ref))
            self.assertEqual(mine.random(50, dist="c").tolist(),
                             ref.random(50).tolist())
            self.assertEqual(mine.uniform(-2, 3, (4, 5), dist="bc").tolist(),
                             ref.uniform(-2, 3, (4, 5)).tolist())
            self.assertEqual(mine.integers(0, 7, 9).tolist(),
                             ref.integers(0, 7, 9).tolist())
            self.assertEqual(mine.standard_normal(5, dist="b").tolist(),
                             ref.standard_normal(5).tolist())
            self.assertEqual(mine.normal(1, 2, 5, dist="b").tolist(),
                             ref.normal(1, 2, 5).tolist())
        numpy.random.seed(3)
        want = numpy.random.rand(3, 2).tolist()
        np.random.seed(3)
        self.assertEqual(np.random.rand(3, 2, dist="bc").tolist(), want)


class Propagation(unittest.TestCase):
    def setUp(self):
        self.a = np.arange(12.0, dist=(("c", 2),))         # explicit
        self.b = np.arange(12.0, dist="b")                 # explicit, other
        self.p = numpy.arange(12.0)                        # plain: default
        self.m = np.ones((4, 12), dist=("c", "b"))
        self.lay = dac.layout

    def assertLayout(self, x, like):
        self.assertIsInstance(x, dac.DistributedArray)
        self.assertEqual(self.lay(x), self.lay(like))

    def assertDefault(self, x):
        self.assertEqual(self.lay(x).dist(),
                         ("b",) + ("n",) * (numpy.ndim(x) - 1))
        self.assertIsNone(self.lay(x).grid)

    def test_elementwise_cheapest_operand_layout(self):
        # The layout the other operands move the fewest bytes into, the
        # first on a tie (a plain array has the default layout).
        a, b, p = self.a, self.b, self.p
        for x in (a + 1, 1 + a, a * b, -a, abs(a), a ** 2, a > 3,
                  numpy.sqrt(a), numpy.where(a > 2, p, a),
                  numpy.clip(a, 1, 3), a.astype(int),
                  a.copy(), numpy.copy(a), np.copy(a), np.array(a), a[:],
                  a[...], numpy.zeros_like(a), np.ones_like(a), a.round(),
                  numpy.logical_not(a), numpy.isnan(a)):
            self.assertLayout(x, a)
        for x in (p + a, numpy.hypot(p, a), numpy.maximum(p, a)):
            self.assertNotIsInstance(x, dac.DistributedArray)
            self.assertDefault(x)
        self.assertLayout(b + a, b)
        self.assertLayout(numpy.where(b > 2, a, b), b)
        # A replicated operand is read in place: the result is distributed.
        r = np.arange(12.0, dist="n")
        self.assertLayout(r + a, a)
        self.assertLayout(numpy.where(r > 2, r, a), a)
        q, r = numpy.divmod(a, 5)
        self.assertLayout(q, a)
        self.assertLayout(r, a)

    def test_broadcasting_takes_the_operand_of_the_result_shape(self):
        m, a = self.m, self.a
        self.assertLayout(a + m, m)   # a is (12,), the result (4, 12)
        self.assertLayout(m * a, m)
        self.assertLayout(m + numpy.ones(12), m)

    def test_in_place_and_out(self):
        a = self.a
        before = self.lay(a)
        a += 1
        a *= self.b
        self.assertEqual(self.lay(a), before)
        out = np.zeros(12, dist="b")
        res = numpy.add(self.a, 1, out=out)
        self.assertIs(res, out)
        self.assertEqual(self.lay(out).dist(), ("b",))
        res = numpy.clip(self.a, 0, 5, out=out)
        self.assertIs(res, out)
        self.a[self.a > 5] = 0
        self.assertEqual(self.lay(self.a), before)

    def test_overridden_layout(self):
        x = np.zeros_like(self.a, dist="b")
        self.assertEqual(self.lay(x).dist(), ("b",))
        self.assertEqual(self.lay(self.a).dist(), (("c", 2),))

    def test_shape_changes_give_the_default(self):
        a, m = self.a, self.m
        for x in (a[1:], a[::2], a.reshape(3, 4), m.sum(axis=0),
                  m.mean(axis=1), numpy.concatenate([a, a]),
                  numpy.roll(m, 1)[0], m[0], numpy.pad(a, 1),
                  m.sum(axis=0, keepdims=True)):
            self.assertDefault(x)
        self.assertIs(type(m.sum(axis=0)), numpy.ndarray)

    def test_reductions_give_scalars(self):
        for x in (self.a.sum(), self.m.max(), self.a @ self.a, self.m.var(),
                  numpy.sum(self.m), self.a.argmax()):
            self.assertNotIsInstance(x, numpy.ndarray)
            self.assertIsInstance(x, numpy.generic)

    def test_transpose_permutes_the_layout(self):
        m = np.ones((4, 12), dist=("c", (("b", {"halo": 1}))),
                    grid_shape=(1, 1))
        for t in (m.T, m.transpose(), m.transpose(1, 0),
                  m.transpose((1, 0)), numpy.transpose(m)):
            self.assertEqual(self.lay(t).dist(), (("b", {"halo": (1, 1)}),
                                                  "c"))
            self.assertEqual(t.shape, (12, 4))
        with ranks(4):
            for grid in [(4, 1), (4, 1, 1)]:
                with self.subTest(grid=grid):
                    m = np.ones((4, 6, 8), dist="bnc", grid_shape=grid)
                    self.assertEqual(dac.grid_shape(m), (4, 1, 1))
                    t = m.transpose(2, 0, 1)
                    self.assertEqual(dac.grid_shape(t), (1, 4, 1))
                    self.assertEqual(self.lay(t).grid, (1, 4))
                    self.assertEqual(dac.localshapes(t), [(8, 1, 6)] * 4)
                    self.assertEqual(dac.grid_shape(m.T), (1, 1, 4))

    def test_pickle_and_deepcopy_keep_the_layout(self):
        import copy
        import pickle
        m = np.zeros((5, 4), dist=(("b", {"bounds": [0, 2, 5]}), ("c", 2)),
                     grid_shape=(2, 1))
        for x in (pickle.loads(pickle.dumps(m)), copy.deepcopy(m)):
            self.assertLayout(x, m)
            self.assertTrue((x == m).all())

    def test_localshapes_of_computed_arrays(self):
        with ranks(4):
            a = np.arange(10.0, dist="c")
            self.assertEqual(dac.localshapes(2 * a + 1),
                             [(3,), (3,), (2,), (2,)])
            self.assertEqual(dac.localshapes(a[1:]),
                             [(3,), (2,), (2,), (2,)])
            self.assertEqual(dac.localshapes(a.sum()), [()] * 4)
            self.assertEqual(dac.grid_shape(a.sum()), ())


if __name__ == "__main__":
    unittest.main()
