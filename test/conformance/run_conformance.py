#!/usr/bin/env python3
"""Conformance runner: a script's NumPy run is the oracle for its compiled run.

For one array script it
  1. runs the script under CPython + NumPy (the reference run), once per rank
     count P with DAC_REFERENCE_RANKS=P (layout queries depend on P);
  2. compiles it once with `dac build`;
  3. runs the executable under `mpiexec.mpich -n P` for every requested P;
  4. compares the outputs token by token (SCRIPT_LANGUAGE.md): words and
     punctuation exactly, integers exactly, floats within rtol/atol.

Exit status 0 when every rank count matches, 1 otherwise (with a diff).
"""

import argparse
import math
import os
import re
import subprocess
import sys

TOKEN = re.compile(
    r"""[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?   # numbers
      | [-+]?(?:nan|inf)\b                              # special floats
      | [A-Za-z_][A-Za-z_0-9]*                          # words
      | \S                                              # punctuation""",
    re.VERBOSE)
NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?$|[-+]?(?:nan|inf)$")
INTEGER = re.compile(r"[-+]?\d+$")


def tokens(text):
    return TOKEN.findall(text)


def same_token(a, b, rtol, atol):
    if a == b:
        return True
    if not (NUMBER.match(a) and NUMBER.match(b)):
        return False
    if INTEGER.match(a) and INTEGER.match(b):
        return int(a) == int(b)
    if INTEGER.match(a) != INTEGER.match(b):
        return False  # 3 vs 3.0: a different type was printed
    x, y = float(a), float(b)
    if math.isnan(x) or math.isnan(y):
        return math.isnan(x) and math.isnan(y)
    if math.isinf(x) or math.isinf(y):
        return x == y
    return abs(x - y) <= atol + rtol * abs(y)


def compare(expected, actual, rtol, atol):
    """Returns None when equal, else a message naming the first difference."""
    e, a = tokens(expected), tokens(actual)
    for i, (x, y) in enumerate(zip(e, a)):
        if not same_token(y, x, rtol, atol):
            return "token %d differs: expected %r, got %r" % (i, x, y)
    if len(e) != len(a):
        return "expected %d tokens, got %d" % (len(e), len(a))
    return None


def run(cmd, env=None, timeout=600):
    return subprocess.run(cmd, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, timeout=timeout)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("script")
    p.add_argument("--dac", required=True)
    p.add_argument("--python", default="/usr/bin/python3")
    p.add_argument("--mpiexec", default="/usr/bin/mpiexec.mpich")
    p.add_argument("--pythonpath", required=True,
                   help="folder holding the reference `dac` package")
    p.add_argument("--workdir", required=True)
    p.add_argument("--ranks", default="1,2,3,4")
    p.add_argument("--rtol", type=float, default=1e-9)
    p.add_argument("--atol", type=float, default=1e-12)
    args = p.parse_args()
    # A script computing in float32 may ask for SCRIPT_LANGUAGE.md's float32
    # tolerance with a line `# conformance: rtol=1e-5`.
    with open(args.script) as f:
        for line in f:
            m = re.match(r"#\s*conformance:\s*rtol=(\S+)", line)
            if m:
                args.rtol = float(m.group(1))

    os.makedirs(args.workdir, exist_ok=True)
    name = os.path.splitext(os.path.basename(args.script))[0]
    exe = os.path.join(args.workdir, name)
    build = run([args.dac, "build", args.script, "-o", exe])
    if build.returncode != 0:
        print("dac build failed:\n" + build.stderr)
        return 1

    failures = 0
    for ranks in [int(r) for r in args.ranks.split(",")]:
        env = dict(os.environ, PYTHONPATH=args.pythonpath,
                   DAC_REFERENCE_RANKS=str(ranks))
        ref = run([args.python, args.script], env=env)
        if ref.returncode != 0:
            print("reference run failed:\n" + ref.stderr)
            return 1
        got = run([args.mpiexec, "-n", str(ranks), exe])
        verdict = None
        if got.returncode != 0:
            verdict = "exit status %d\n%s" % (got.returncode, got.stderr)
        else:
            verdict = compare(ref.stdout, got.stdout, args.rtol, args.atol)
        status = "ok" if verdict is None else "FAIL"
        print("%s: %d rank(s): %s" % (name, ranks, status))
        if verdict is not None:
            failures += 1
            print("  " + verdict)
            print("  --- NumPy ---\n" + ref.stdout + "  --- dac ---\n" + got.stdout)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
