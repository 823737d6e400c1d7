"""Exhaustive property checks of the layout rules: for every axis length
n <= 20, rank count p <= 8 and block size k <= 4 (and 1-3 dimensions on
every grid of p), the owned index sets partition each axis, local shapes
match them, and they agree with brute-force owner tables written from the
definitions (not from the package's formulas).
"""

import itertools
import random
import unittest

import support  # noqa: F401  (puts dac on sys.path)
from support import ranks

import dac
import dac.numpy as np
from dac._layout import choose_grid, factorizations

NS = range(21)
PS = range(1, 9)
KS = range(1, 5)


def brute_block(n, p):
    """Owner of each index under the balanced rule, from its definition:
    sizes floor/ceil, the first n mod p parts get the extra element,
    parts laid out in order."""
    sizes = [n // p + (1 if r < n % p else 0) for r in range(p)]
    owner = []
    for r, s in enumerate(sizes):
        owner += [r] * s
    return owner


def brute_cyclic(n, p, k):
    return [(g // k) % p for g in range(n)]


def per_rank(owner, p):
    out = [[] for _ in range(p)]
    for g, r in enumerate(owner):
        out[r].append(g)
    return out


def ordered_factorizations(p, d):
    """Every d-tuple of positive integers with product p."""
    if d == 0:
        return [()] if p == 1 else []
    out = []
    for f in range(1, p + 1):
        if p % f == 0:
            out += [(f,) + rest for rest in ordered_factorizations(p // f,
                                                                   d - 1)]
    return out


class OneDimension(unittest.TestCase):
    def owned(self, a, p):
        shapes = dac.localshapes(a)
        self.assertEqual(len(shapes), p)
        owned = [dac.owned_indices(a, r)[0] for r in range(p)]
        self.assertEqual(shapes, [(len(o),) for o in owned])
        return owned

    def assertPartition(self, owned, n):
        flat = sorted(g for o in owned for g in o)
        self.assertEqual(flat, list(range(n)))

    def test_block(self):
        for n, p in itertools.product(NS, PS):
            with self.subTest(n=n, p=p), ranks(p):
                owned = self.owned(np.empty(n, dist="b"), p)
                self.assertEqual(owned, per_rank(brute_block(n, p), p))
                self.assertPartition(owned, n)
                sizes = [len(o) for o in owned]
                self.assertLessEqual(max(sizes) - min(sizes), 1)
                # Default layout (no dist=) is the same block rule.
                self.assertEqual(self.owned(np.empty(n), p), owned)

    def test_cyclic(self):
        for n, p, k in itertools.product(NS, PS, KS):
            with self.subTest(n=n, p=p, k=k), ranks(p):
                dist = (("c", k),) if k > 1 else "c"
                owned = self.owned(np.empty(n, dist=dist), p)
                self.assertEqual(owned, per_rank(brute_cyclic(n, p, k), p))
                self.assertPartition(owned, n)
                # NUMROC: the partial last block is on (n div k) mod p.
                if n % k:
                    self.assertIn(n - 1, owned[(n // k) % p])

    def test_bounds_all(self):
        # Every non-decreasing bounds list for small n, p.
        for n in range(0, 7):
            for p in range(1, 5):
                for inner in itertools.combinations_with_replacement(
                        range(n + 1), p - 1):
                    bounds = (0,) + inner + (n,)
                    with self.subTest(bounds=bounds), ranks(p):
                        a = np.empty(n, dist=(("b", {"bounds": bounds}),))
                        owned = self.owned(a, p)
                        self.assertEqual(
                            owned, [list(range(bounds[r], bounds[r + 1]))
                                    for r in range(p)])

    def test_bounds_random(self):
        rng = random.Random(1)
        for n, p in itertools.product(NS, PS):
            for _ in range(3):
                cuts = sorted(rng.randint(0, n) for _ in range(p - 1))
                bounds = [0] + cuts + [n]
                with self.subTest(bounds=bounds), ranks(p):
                    owned = self.owned(
                        np.empty(n, dist=[("b", {"bounds": bounds})]), p)
                    self.assertPartition(owned, n)
                    self.assertEqual([len(o) for o in owned],
                                     [b - a for a, b in zip(bounds,
                                                            bounds[1:])])

    def test_unstructured_random(self):
        rng = random.Random(2)
        for n, p in itertools.product(NS, PS):
            for _ in range(3):
                perm = list(range(n))
                rng.shuffle(perm)
                cuts = sorted(rng.randint(0, n) for _ in range(p - 1))
                lists = [perm[a:b] for a, b in zip([0] + cuts, cuts + [n])]
                with self.subTest(lists=lists), ranks(p):
                    owned = self.owned(
                        np.empty(n, dist=[("u", {"indices": lists})]), p)
                    self.assertEqual(owned, lists)  # listed order = local

    def test_halo_never_changes_owned_part(self):
        for n, p in itertools.product(NS, PS):
            for lo, hi in {(0, 0), (1, 1), (0, 2), (min(3, n), 1)}:
                if hi > n:
                    continue
                for periodic in (False, True):
                    dist = (("b", {"halo": (lo, hi), "periodic": periodic}),)
                    with self.subTest(n=n, p=p, halo=(lo, hi),
                                      periodic=periodic), ranks(p):
                        a = np.empty(n, dist=dist)
                        owned = self.owned(a, p)
                        self.assertEqual(owned,
                                         per_rank(brute_block(n, p), p))
                        for r in range(p):
                            low, high = dac.ghost_indices(a, r)[0]
                            start = owned[r][0] if owned[r] else \
                                sum(len(o) for o in owned[:r])
                            stop = start + len(owned[r])
                            want_low = [g % n if periodic else g
                                        for g in range(start - lo, start)
                                        if periodic or g >= 0]
                            want_high = [g % n if periodic else g
                                         for g in range(stop, stop + hi)
                                         if periodic or g < n]
                            self.assertEqual((low, high),
                                             (want_low, want_high))

    def test_not_distributed_axis(self):
        for n, p in itertools.product(range(6), PS):
            with self.subTest(n=n, p=p), ranks(p):
                a = np.empty((2, n), dist="bn")
                for r in range(p):
                    self.assertEqual(dac.owned_indices(a, r)[1],
                                     list(range(n)))
                self.assertEqual(dac.grid_shape(a), (p, 1))
                # Nothing distributed: every rank holds everything.
                b = np.empty((3, n), dist="nn")
                self.assertEqual(dac.grid_shape(b), (1, 1))
                self.assertEqual(dac.localshapes(b), [(3, n)] * p)
                c = np.empty(n, dist="n")
                self.assertEqual(dac.grid_shape(c), (1,))
                self.assertEqual(dac.localshapes(c), [(n,)] * p)


DIM_KINDS = ["b", "c", ("c", 2), ("c", 3), ("c", 4), "n"]


def axis_owned(spec, n, p, c):
    """Brute-force owned indices of one axis (definitions, not formulas)."""
    if spec == "n":
        return list(range(n))
    if spec == "b":
        return per_rank(brute_block(n, p), p)[c]
    k = 1 if spec == "c" else spec[1]
    return per_rank(brute_cyclic(n, p, k), p)[c]


class SeveralDimensions(unittest.TestCase):
    def check(self, shape, dist, grid, p):
        """`grid`: one extent per distributed dimension."""
        dist_axes = [i for i, s in enumerate(dist) if s != "n"]
        # DistArray's form: one extent per dimension, 1 for 'n' ones.
        by_axis = dict(zip(dist_axes, grid))
        full = tuple(by_axis.get(i, 1) for i in range(len(shape)))
        a = np.empty(shape, dist=dist, grid_shape=grid)
        self.assertEqual(dac.grid_shape(a), full)
        # The same grid in the per-dimension form is the same layout.
        b = np.empty(shape, dist=dist, grid_shape=full)
        self.assertEqual(dac.layout(b), dac.layout(a))
        shapes = dac.localshapes(a)
        self.assertEqual(len(shapes), p)
        seen = {}
        for r in range(p):
            # C-ordered grid: the last distributed axis varies fastest.
            coords, rest = [], r
            for g in reversed(grid):
                rest, c = divmod(rest, g)
                coords.append(c)
            coords = dict(zip(dist_axes, reversed(coords)))
            sizes = dict(zip(dist_axes, grid))
            want = [axis_owned(s, n, sizes.get(i, 1), coords.get(i, 0))
                    for i, (s, n) in enumerate(zip(dist, shape))]
            self.assertEqual(dac.owned_indices(a, r), want)
            self.assertEqual(shapes[r], tuple(len(w) for w in want))
            for g in itertools.product(*want):
                self.assertNotIn(g, seen)
                seen[g] = r
        if dist_axes:
            self.assertEqual(len(seen), a.size)

    def test_two_dims_every_grid(self):
        lengths = [0, 1, 2, 5, 7, 20]
        for p in PS:
            for d0, d1 in itertools.product(DIM_KINDS, repeat=2):
                dist = (d0, d1)
                ndist = sum(s != "n" for s in dist)
                for grid in ordered_factorizations(p, ndist):
                    for shape in itertools.product(lengths, repeat=2):
                        with self.subTest(shape=shape, dist=dist, grid=grid), \
                                ranks(p):
                            self.check(shape, dist, grid, p)

    def test_three_dims_every_grid(self):
        lengths = [0, 2, 3]
        kinds = ["b", "c", ("c", 2), "n"]
        for p in PS:
            for dist in itertools.product(kinds, repeat=3):
                ndist = sum(s != "n" for s in dist)
                for grid in ordered_factorizations(p, ndist):
                    for shape in itertools.product(lengths, repeat=3):
                        with self.subTest(shape=shape, dist=dist, grid=grid), \
                                ranks(p):
                            self.check(shape, dist, grid, p)

    def test_automatic_grid_uses_all_ranks(self):
        for p in PS:
            for shape in itertools.product([0, 1, 4, 9, 20], repeat=2):
                with self.subTest(p=p, shape=shape), ranks(p):
                    a = np.empty(shape, dist="bc")
                    grid = dac.grid_shape(a)
                    self.assertEqual(grid[0] * grid[1], p)
                    self.check(shape, ("b", "c"), grid, p)
            # With 'n' axes the automatic grid has 1 at each of them.
            for dist in [("n", "b", "c"), ("b", "n", ("c", 2)),
                         ("c", "b", "n"), ("n", "b", "n")]:
                for shape in itertools.product([0, 3, 8], repeat=3):
                    with self.subTest(p=p, dist=dist, shape=shape), ranks(p):
                        grid = dac.grid_shape(np.empty(shape, dist=dist))
                        self.assertEqual(len(grid), 3)
                        self.assertEqual(grid[0] * grid[1] * grid[2], p)
                        dist_grid = []
                        for s, g in zip(dist, grid):
                            if s == "n":
                                self.assertEqual(g, 1)
                            else:
                                dist_grid.append(g)
                        self.check(shape, dist, tuple(dist_grid), p)


def distarray_grid(lengths, p):
    """DistArray's make_grid_shape, written the way DistArray wrote it (NumPy
    norms and argmin) as an independent check of dac._layout.choose_grid."""
    import numpy
    if len(lengths) == 1:
        return (p,)
    factors = [f for f in itertools.product(range(1, p + 1),
                                            repeat=len(lengths))
               if numpy.prod(f) == p and list(f) == sorted(f)]
    factors.sort()
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))

    def mirror(f):
        out = [0] * len(f)
        for axis, x in zip(order, f):
            out[axis] = x
        return out

    def ratios(v):
        v = [float(x) for x in v]
        return numpy.array([v[i] / v[j] for i, j in
                            itertools.combinations(range(len(v)), 2)])

    cands = [mirror(f) for f in factors]
    norms = [numpy.linalg.norm(ratios(lengths) - ratios(c), 2)
             for c in cands]
    return tuple(int(x) for x in cands[int(numpy.argmin(norms))])


class GridChoiceRule(unittest.TestCase):
    def test_factorizations(self):
        self.assertEqual(factorizations(12, 2), [(1, 12), (2, 6), (3, 4)])
        self.assertEqual(factorizations(12, 3),
                         [(1, 1, 12), (1, 2, 6), (1, 3, 4), (2, 2, 3)])
        self.assertEqual(factorizations(1, 3), [(1, 1, 1)])
        self.assertEqual(factorizations(7, 2), [(1, 7)])
        for p in range(1, 65):
            for d in (1, 2, 3, 4):
                want = sorted(f for f in itertools.product(range(1, p + 1),
                                                           repeat=d)
                              if list(f) == sorted(f) and
                              __import__("math").prod(f) == p) \
                    if d < 4 or p <= 24 else None
                if want is not None:
                    self.assertEqual(factorizations(p, d), want, (p, d))

    def test_matches_distarray_formulation(self):
        sizes = [1, 2, 3, 5, 8, 10, 20, 60, 100]
        for p in range(1, 17):
            for lengths in itertools.product(sizes, repeat=2):
                self.assertEqual(choose_grid(list(lengths), p),
                                 distarray_grid(lengths, p), (lengths, p))
            for lengths in itertools.product([1, 3, 50, 300], repeat=3):
                self.assertEqual(choose_grid(list(lengths), p),
                                 distarray_grid(lengths, p), (lengths, p))

    def test_empty_axes_take_the_first_candidate(self):
        # 0/0 and x/0 ratios make every score NaN or inf: first candidate,
        # factors handed out by length (the empty axis is the shortest).
        self.assertEqual(choose_grid([0, 10], 12), (1, 12))
        self.assertEqual(choose_grid([10, 0], 12), (12, 1))
        self.assertEqual(choose_grid([0, 0], 4), (1, 4))

    def test_equal_lengths_keep_axis_order(self):
        self.assertEqual(choose_grid([10, 10], 2), (1, 2))
        self.assertEqual(choose_grid([10, 10, 10], 8), (2, 2, 2))
        self.assertEqual(choose_grid([7, 7, 7], 12), (2, 2, 3))

    def test_fixed_parts_and_free_axes(self):
        # bounds fix axis 0 at 2 parts; the other 3 ranks go to axis 1.
        with ranks(6):
            a = np.empty((5, 9), dist=(("b", {"bounds": [0, 2, 5]}), "b"))
            self.assertEqual(dac.grid_shape(a), (2, 3))
            self.assertEqual(dac.localshapes(a),
                             [(2, 3)] * 3 + [(3, 3)] * 3)


if __name__ == "__main__":
    unittest.main()
