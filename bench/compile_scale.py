#!/usr/bin/python3
"""Compile time and peak memory of `dac build` against the script's length.

Generates straight-line NumPy scripts of 50, 500 and 5000 lines (element-
wise updates, reductions, element reads, reversed views, np.where; a fixed
random choice, the same every run), builds each with `dac build` and prints
one row per size: the wall time and the compiler's peak resident memory.
Both should grow linearly with the length (issue "bounded compile
resources"); the ratio columns show how they grow from one size to the
next (10 = linear for 10x the lines).

Usage: bench/compile_scale.py --dac build/bin/dac [--sizes 50,500,5000]
       [--json FILE]
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

STATEMENTS = [
    "a = a * 0.5 + b",
    "b = np.sqrt(b + 1.0)",
    "s = s + a.sum()",
    "a = np.where(a > 10, a - 1.0, a + 1.0)",
    "b = b[::-1] * 1.0",
    "x = a[3] + b[7]",
]


def script(lines):
    rng = random.Random(lines)
    body = ["import numpy as np", "a = np.arange(1000.0)", "b = np.ones(1000)",
            "s = 0.0"]
    while len(body) < lines - 1:
        body.append(rng.choice(STATEMENTS))
    body.append("print(s, a.sum(), b.sum())")
    return "\n".join(body) + "\n"


def build(dac, path, out):
    """Wall seconds and peak resident KiB of one `dac build`."""
    start = time.perf_counter()
    proc = subprocess.Popen([dac, "build", path, "-o", out],
                            stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("dac build failed for %s:\n%s" % (path, err))
    return wall, usage.ru_maxrss


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dac", required=True)
    ap.add_argument("--sizes", default="50,500,5000")
    ap.add_argument("--json")
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for lines in [int(s) for s in args.sizes.split(",")]:
            path = os.path.join(work, "s%d.py" % lines)
            with open(path, "w") as f:
                f.write(script(lines))
            wall, rss = build(args.dac, path, os.path.join(work, "s%d" % lines))
            rows.append({"lines": lines, "seconds": wall, "peak_kib": rss})
    print("%6s %10s %12s %10s %10s" % ("lines", "seconds", "peak MiB",
                                       "time x", "memory x"))
    prev = None
    for r in rows:
        grow = lambda k: "%.1f" % (r[k] / prev[k]) if prev else "-"
        print("%6d %10.2f %12.1f %10s %10s" % (r["lines"], r["seconds"],
                                               r["peak_kib"] / 1024,
                                               grow("seconds"),
                                               grow("peak_kib")))
        prev = r
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)


main()
