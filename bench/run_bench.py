#!/usr/bin/env python3
"""Benchmarks: dac vs NumPy vs hand-written C++/MPI, in the same run.

    python3 bench/run_bench.py --dac build/bin/dac --cxx build/bin/bench-pi-mpi

For each benchmark it builds the script with `dac build`, then times (wall
clock of the whole process, best of --repeat runs):
  * the script under /usr/bin/python3 + NumPy (one process);
  * the dac executable under mpiexec.mpich -n P for each P in --ranks;
  * the hand-written C++/MPI program under the same P.
and prints the times and the ratios NumPy/dac and C++/dac (a ratio above 1
means dac is faster).
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def timed(cmd, repeat):
    best, out = None, None
    for _ in range(repeat):
        t0 = time.perf_counter()
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True)
        dt = time.perf_counter() - t0
        if p.returncode != 0:
            sys.exit("failed: %s\n%s" % (" ".join(cmd), p.stderr))
        out = p.stdout.strip()
        best = dt if best is None else min(best, dt)
    return best, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dac", required=True)
    ap.add_argument("--cxx", required=True, help="the hand-written pi program")
    ap.add_argument("--mpiexec", default="/usr/bin/mpiexec.mpich")
    ap.add_argument("--python", default="/usr/bin/python3")
    ap.add_argument("--ranks", default="1,2")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--samples", type=int, default=10**8)
    args = ap.parse_args()

    script = os.path.join(ROOT, "examples", "pi.py")
    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, "pi")
        subprocess.run([args.dac, "build", script, "-o", exe], check=True)
        env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "frontends",
                                                       "python"))
        t0 = time.perf_counter()
        ref = subprocess.run([args.python, script], stdout=subprocess.PIPE,
                             text=True, env=env, check=True)
        t_numpy = time.perf_counter() - t0
        print("pi, %d samples (examples/pi.py)" % args.samples)
        print("  NumPy (1 process)         %8.3f s   -> %s" %
              (t_numpy, ref.stdout.strip()))
        for p in [int(r) for r in args.ranks.split(",")]:
            t_dac, out_dac = timed([args.mpiexec, "-n", str(p), exe],
                                   args.repeat)
            t_cxx, _ = timed([args.mpiexec, "-n", str(p), args.cxx,
                              str(args.samples)], args.repeat)
            same = "same as NumPy" if out_dac == ref.stdout.strip() \
                else "DIFFERS FROM NUMPY"
            print("  dac, %d rank(s)            %8.3f s   -> %s (%s)" %
                  (p, t_dac, out_dac, same))
            print("  C++/MPI, %d rank(s)        %8.3f s" % (p, t_cxx))
            print("  ratios at %d rank(s): NumPy/dac = %.1fx, "
                  "C++/dac = %.2fx" % (p, t_numpy / t_dac, t_cxx / t_dac))


if __name__ == "__main__":
    main()
