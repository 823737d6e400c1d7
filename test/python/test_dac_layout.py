"""Cross-check: the reference package against the C++ runtime's layouts.

The runtime prints its layouts with the `dac-layout` tool
(build/bin/dac-layout). This test compares, over many (shape, dist, p, k,
grid) combinations, dac.localshapes / dac.grid_shape / dac.owned_indices
with what the tool reports -- two independent implementations of the same
rules (ARCHITECTURE.md "Distributions").

==== ADAPTER =================================================================
`query_tool` below speaks the tool's CLI (see `dac-layout --help`):

    dac-layout --ranks P --shape 5,9 --dim b --dim c:k=2 [--grid 2,2]

  --dim: one per dimension, in order: `n`, `b`, `b:bounds=0,2,9`,
  `b:halo=1,1:periodic`, `c`, `c:k=4`, `u:indices=4,0/1,3,2` (one list
  per grid position, `/`-separated); see `tool_dim`.
  --grid: passed in the form the script gave grid_shape= (one extent per
  dimension, or one per distributed dimension); the tool takes both.
  output: JSON
    {"ranks": 4, "shape": [...], "grid": [2, 2] (distributed dimensions),
     "grid_per_dim": [1, 2, 2] (every dimension, DistArray's form),
     "localshapes": [[...], ...],
     "per_rank": [{"rank", "coords", "local_shape", "owned": [[...], ...],
                   "ghosts": [{"lo": [...], "hi": [...]}, ...]}, ...]}

The tool is found through $DAC_LAYOUT_TOOL (ctest sets it) or
build*/bin/dac-layout; without it the test is skipped, and it is also
skipped (saying so) when the tool's --help does not mention the options
above.
==============================================================================
"""

import glob
import itertools
import json
import os
import random
import subprocess
import unittest

import support
from support import ranks

import dac
import dac.numpy as np


def find_tool():
    path = os.environ.get("DAC_LAYOUT_TOOL")
    if path and os.access(path, os.X_OK):
        return path
    for path in sorted(glob.glob(os.path.join(support.ROOT, "build*", "bin",
                                              "dac-layout"))):
        if os.access(path, os.X_OK):
            return path
    return None


def tool_dim(dim):
    """One dac._layout.Dim in dac-layout's --dim syntax."""
    opts = []
    if dim.kind == "c" and dim.block_size != 1:
        opts.append("k=%d" % dim.block_size)
    if dim.bounds is not None:
        opts.append("bounds=" + ",".join(map(str, dim.bounds)))
    if dim.halo != (0, 0):
        opts.append("halo=%d,%d" % dim.halo)
    if dim.periodic:
        opts.append("periodic")
    if dim.indices is not None:
        opts.append("indices=" + "/".join(",".join(map(str, l))
                                          for l in dim.indices))
    return ":".join([dim.kind] + opts)


def tool_args(layout, grid=None):
    """dac-layout's arguments (after --ranks) for `layout`; `grid` is the
    grid_shape= as the script gave it (default: the layout's own)."""
    args = ["--shape", ",".join(map(str, layout.shape))]
    for d in layout.dims:
        args += ["--dim", tool_dim(d)]
    if grid is None:
        grid = layout.grid
    if grid is not None:
        args += ["--grid", ",".join(map(str, grid))]
    return args


def query_tool(tool, layout, p, grid=None):
    """Ask dac-layout for `layout` on p ranks -> dict with
    grid_shape (per dimension), grid (distributed dimensions),
    localshapes, owned and ghosts (per rank, in dac's forms)."""
    cmd = [tool, "--ranks", str(p)] + tool_args(layout, grid)
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        raise AssertionError("%s failed (%d): %s" % (
            " ".join(cmd), proc.returncode, proc.stderr))
    data = json.loads(proc.stdout)
    per_rank = data["per_rank"]
    if [e["rank"] for e in per_rank] != list(range(len(per_rank))):
        raise AssertionError("%s: per_rank is not in rank order" % cmd)
    return {
        "grid_shape": tuple(data["grid_per_dim"]),
        "grid": tuple(data["grid"]),
        "localshapes": [tuple(s) for s in data["localshapes"]],
        "local_shape": [tuple(e["local_shape"]) for e in per_rank],
        "owned": [[list(i) for i in e["owned"]] for e in per_rank],
        "ghosts": [[(list(g["lo"]), list(g["hi"])) for g in e["ghosts"]]
                   for e in per_rank],
    }


def full_grid(dist, grid):
    """`grid` (one extent per distributed dimension) in the per-dimension
    form, 1 for each 'n' dimension."""
    it = iter(grid)
    return tuple(1 if d == "n" else next(it) for d in dist)


def cases():
    """(shape, dist, grid_shape, p) combinations: all 1-D kinds for n <= 12,
    p <= 8, k <= 4, plus 2-D and 3-D on every grid of p <= 6, the explicit
    grids in both grid_shape= forms (one extent per distributed dimension,
    one per dimension), and 0-d arrays."""
    rng = random.Random(5)
    out = []
    for n, p in itertools.product(range(13), range(1, 9)):
        out.append(((n,), "b", None, p))
        for k in range(1, 5):
            out.append(((n,), (("c", k),), None, p))
        cuts = sorted(rng.randint(0, n) for _ in range(p - 1))
        out.append(((n,), (("b", {"bounds": [0] + cuts + [n]}),), None, p))
        perm = list(range(n))
        rng.shuffle(perm)
        lists = [perm[a:b] for a, b in zip([0] + cuts, cuts + [n])]
        out.append(((n,), (("u", {"indices": lists}),), None, p))
        if n:
            out.append(((n,), (("b", {"halo": (1, min(2, n)),
                                       "periodic": True}),), None, p))
            out.append(((n,), (("b", {"halo": (min(2, n), 1)}),), None, p))
        out.append(((n,), "n", None, p))
        out.append(((n,), "n", (1,), p))
        out.append(((n, 3), ("n", ("u", {"indices": [[2, 0], [1]]})), None,
                    2))
    kinds = ["b", "c", ("c", 2), "n"]
    for p in range(1, 7):
        out.append(((), (), None, p))
        for dist in itertools.product(kinds, repeat=2):
            for shape in [(0, 5), (3, 7), (9, 4), (12, 12)]:
                out.append((shape, dist, None, p))
                nd = sum(d != "n" for d in dist)
                if not nd:
                    out.append((shape, dist, (), p))
                    out.append((shape, dist, (1, 1), p))
                for grid in itertools.product(range(1, p + 1), repeat=nd):
                    if nd and _prod(grid) == p:
                        out.append((shape, dist, grid, p))
                        if nd < len(dist):
                            out.append((shape, dist, full_grid(dist, grid),
                                        p))
        for dist in [("b", "b", "b"), ("n", "b", "c"), ("c", ("c", 2), "b"),
                     ("b", "n", ("c", 2)), ("n", "n", "b")]:
            nd = sum(d != "n" for d in dist)
            for shape in [(2, 3, 4), (5, 1, 6), (4, 4, 4)]:
                out.append((shape, dist, None, p))
                for grid in itertools.product(range(1, p + 1), repeat=nd):
                    if _prod(grid) == p:
                        out.append((shape, dist, grid, p))
                        if nd < len(dist):
                            out.append((shape, dist, full_grid(dist, grid),
                                        p))
        # Halo, bounds and indices next to 'n' dimensions.
        for shape in [(6, 5), (2, 9)]:
            n0, n1 = shape
            cuts = sorted(rng.randint(0, n1) for _ in range(p - 1))
            bounds = [0] + cuts + [n1]
            perm = list(range(n1))
            rng.shuffle(perm)
            lists = [perm[a:b] for a, b in zip([0] + cuts, cuts + [n1])]
            for d1 in [("b", {"bounds": bounds}), ("u", {"indices": lists}),
                       ("b", {"halo": (1, 2), "periodic": True}),
                       ("b", {"bounds": bounds, "halo": 1})]:
                out.append((shape, ("n", d1), None, p))
                out.append((shape, ("n", d1), (p,), p))
                out.append((shape, ("n", d1), (1, p), p))
    return out


def _prod(t):
    r = 1
    for x in t:
        r *= x
    return r


class CrossCheckRuntime(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tool = find_tool()
        if cls.tool is None:
            raise unittest.SkipTest(
                "dac-layout not built (set DAC_LAYOUT_TOOL or build the "
                "runtime's dac-layout tool); see the ADAPTER note in "
                "test_dac_layout.py")
        try:
            help_text = subprocess.run([cls.tool, "--help"],
                                       capture_output=True, text=True,
                                       timeout=30)
            help_text = help_text.stdout + help_text.stderr
        except OSError as e:
            raise unittest.SkipTest("cannot run %s: %s" % (cls.tool, e))
        missing = [o for o in ("--ranks", "--shape", "--dim", "--grid",
                               "grid_per_dim", "per_rank")
                   if o not in help_text]
        if missing:
            raise unittest.SkipTest(
                "%s does not take/print %s: update query_tool() in "
                "test_dac_layout.py to its CLI" % (cls.tool, missing))

    def test_layouts_agree(self):
        for shape, dist, grid, p in cases():
            with self.subTest(shape=shape, dist=dist, grid=grid, p=p), \
                    ranks(p):
                a = np.empty(shape, dist=dist, grid_shape=grid)
                lay = dac.layout(a)
                got = query_tool(self.tool, lay, p, grid)
                self.assertEqual(got["grid_shape"], dac.grid_shape(a))
                self.assertEqual(got["grid"], lay.resolve_grid())
                self.assertEqual(got["localshapes"], dac.localshapes(a))
                self.assertEqual(got["local_shape"], dac.localshapes(a))
                for r, (owned, ghosts) in enumerate(zip(got["owned"],
                                                        got["ghosts"])):
                    self.assertEqual(owned, dac.owned_indices(a, r))
                    self.assertEqual(ghosts, dac.ghost_indices(a, r))

    def test_per_dimension_grid_rejected_alike(self):
        """A per-dimension grid that gives an 'n' dimension more than one
        rank is an error for both."""
        for shape, dist, grid, p in [((4, 4), "bn", (2, 2), 4),
                                     ((2, 3, 4), "nbc", (2, 1, 2), 4),
                                     ((4, 4), "nn", (1, 3), 3)]:
            with self.subTest(shape=shape, dist=dist, grid=grid), ranks(p):
                with self.assertRaisesRegex(ValueError,
                                            "which is not distributed"):
                    np.empty(shape, dist=dist, grid_shape=grid)
                lay = dac.layout(np.empty(shape, dist=dist))
                cmd = [self.tool, "--ranks", str(p)] + tool_args(lay, grid)
                proc = subprocess.run(cmd, capture_output=True, text=True,
                                      timeout=60)
                self.assertEqual(proc.returncode, 1, proc.stdout)
                self.assertIn("not distributed", proc.stderr)


class ToolSyntax(unittest.TestCase):
    """The adapter's rendering (runs without the tool)."""

    def test_render(self):
        a = np.empty((9, 4, 3, 6, 2), dist=(
            ("b", {"bounds": [0, 2, 9], "halo": (1, 2), "periodic": True}),
            ("c", 4), "n", "c", ("u", {"indices": [[1], [0]]})),
            grid_shape=(2, 1, 1, 2))
        self.assertEqual(
            tool_args(dac.layout(a)),
            ["--shape", "9,4,3,6,2", "--dim",
             "b:bounds=0,2,9:halo=1,2:periodic", "--dim", "c:k=4",
             "--dim", "n", "--dim", "c", "--dim", "u:indices=1/0",
             "--grid", "2,1,1,2"])
        self.assertEqual(tool_args(dac.layout(a), (2, 1, 1, 1, 2))[-1],
                         "2,1,1,1,2")
        self.assertEqual(
            tool_args(dac.layout(np.empty(
                (3,), dist=(("u", {"indices": [[], [2, 0], [], [1]]}),)))),
            ["--shape", "3", "--dim", "u:indices=/2,0//1"])
        self.assertEqual(tool_args(dac.layout(np.empty(()))),
                         ["--shape", ""])
        self.assertEqual(full_grid(("n", "b", "n", "c"), (2, 3)),
                         (1, 2, 1, 3))
        self.assertGreater(len(cases()), 1000)


if __name__ == "__main__":
    unittest.main()
