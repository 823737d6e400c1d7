"""Cross-check: the reference package against the C++ runtime's layouts.

The runtime prints its layouts with the `dac-layout` tool
(build/bin/dac-layout). This test compares, over many (shape, dist, p, k,
grid) combinations, dac.localshapes / dac.grid_shape / dac.owned_indices
with what the tool reports -- two independent implementations of the same
rules (ARCHITECTURE.md "Distributions").

==== HOOK ====================================================================
The tool did not exist when this test was written, so `query_tool` below
assumes this CLI (adjust `query_tool` -- and only it -- to the real one):

    dac-layout --ranks P --shape 5,9 --dist 'b,c{k = 2}' [--grid 2,2]

  --dist: one dimension per comma-separated entry, in the dialect's
  syntax (`n`, `b`, `b{bounds = [0, 2, 9]}`, `b{halo = [1, 1], periodic}`,
  `c`, `c{k = 4}`, `u{indices = [[4, 0], [1, 3, 2]]}`; see `dialect_dims`);
  output: JSON
    {"grid_shape": [2, 2],
     "ranks": [{"local_shape": [3, 5], "global_indices": [[0,1,2], [...]]},
               ...]}
  ("localshapes"/"owned" are accepted as alternative key names).

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


def dialect_dim(dim):
    """One dac._layout.Dim in the dialect's syntax."""
    entries = []
    if dim.kind == "c" and dim.block_size != 1:
        entries.append("k = %d" % dim.block_size)
    if dim.bounds is not None:
        entries.append("bounds = [%s]" % ", ".join(map(str, dim.bounds)))
    if dim.halo != (0, 0):
        entries.append("halo = [%d, %d]" % dim.halo)
    if dim.periodic:
        entries.append("periodic")
    if dim.indices is not None:
        entries.append("indices = [%s]" % ", ".join(
            "[%s]" % ", ".join(map(str, l)) for l in dim.indices))
    return dim.kind + ("{%s}" % ", ".join(entries) if entries else "")


def dialect_dims(layout):
    return ",".join(dialect_dim(d) for d in layout.dims)


def query_tool(tool, layout, p):
    """HOOK: ask dac-layout for `layout` on p ranks ->
    (grid_shape, [local shape per rank], [owned indices per rank])."""
    cmd = [tool, "--ranks", str(p),
           "--shape", ",".join(map(str, layout.shape)),
           "--dist", dialect_dims(layout)]
    if layout.grid is not None:
        cmd += ["--grid", ",".join(map(str, layout.grid))]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        raise AssertionError("%s failed (%d): %s" % (
            " ".join(cmd), proc.returncode, proc.stderr))
    data = json.loads(proc.stdout)
    grid = tuple(data.get("grid_shape", data.get("grid", ())))
    shapes, owned = [], []
    for entry in data["ranks"]:
        shapes.append(tuple(entry.get("local_shape",
                                      entry.get("localshape", ()))))
        idx = entry.get("global_indices", entry.get("owned"))
        owned.append(None if idx is None else [list(i) for i in idx])
    return grid, shapes, owned


def cases():
    """(shape, dist, grid_shape, p) combinations: all 1-D kinds for n <= 12,
    p <= 8, k <= 4, plus 2-D and 3-D on every grid of p <= 6."""
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
    kinds = ["b", "c", ("c", 2), "n"]
    for p in range(1, 7):
        for dist in itertools.product(kinds, repeat=2):
            for shape in [(0, 5), (3, 7), (9, 4), (12, 12)]:
                out.append((shape, dist, None, p))
                nd = sum(d != "n" for d in dist)
                for grid in itertools.product(range(1, p + 1), repeat=nd):
                    if nd and _prod(grid) == p:
                        out.append((shape, dist, grid, p))
        for dist in [("b", "b", "b"), ("n", "b", "c"), ("c", ("c", 2), "b")]:
            for shape in [(2, 3, 4), (5, 1, 6), (4, 4, 4)]:
                out.append((shape, dist, None, p))
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
                "runtime's dac-layout tool); see the HOOK note in "
                "test_dac_layout.py")
        try:
            help_text = subprocess.run([cls.tool, "--help"],
                                       capture_output=True, text=True,
                                       timeout=30)
            help_text = help_text.stdout + help_text.stderr
        except OSError as e:
            raise unittest.SkipTest("cannot run %s: %s" % (cls.tool, e))
        missing = [o for o in ("--ranks", "--shape", "--dist")
                   if o not in help_text]
        if missing:
            raise unittest.SkipTest(
                "%s does not take %s: update query_tool() in "
                "test_dac_layout.py to its CLI" % (cls.tool, missing))

    def test_layouts_agree(self):
        for shape, dist, grid, p in cases():
            with self.subTest(shape=shape, dist=dist, grid=grid, p=p), \
                    ranks(p):
                a = np.empty(shape, dist=dist, grid_shape=grid)
                lay = dac.layout(a)
                got_grid, got_shapes, got_owned = query_tool(self.tool, lay,
                                                             p)
                self.assertEqual(got_grid, dac.grid_shape(a))
                self.assertEqual(got_shapes, dac.localshapes(a))
                for r, owned in enumerate(got_owned):
                    if owned is not None:
                        self.assertEqual(owned, dac.owned_indices(a, r))


class DialectSyntax(unittest.TestCase):
    """The adapter's rendering (runs without the tool)."""

    def test_render(self):
        a = np.empty((9, 4, 3, 6, 2), dist=(
            ("b", {"bounds": [0, 2, 9], "halo": (1, 2), "periodic": True}),
            ("c", 4), "n", "c", ("u", {"indices": [[1], [0]]})),
            grid_shape=(2, 1, 1, 2))
        self.assertEqual(
            dialect_dims(dac.layout(a)),
            "b{bounds = [0, 2, 9], halo = [1, 2], periodic},c{k = 4},n,c,"
            "u{indices = [[1], [0]]}")
        self.assertGreater(len(cases()), 1000)


if __name__ == "__main__":
    unittest.main()
