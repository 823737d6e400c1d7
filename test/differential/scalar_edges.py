"""Differential test of Python scalar semantics: CPython against dac.

Every case is an expression of `n`, the int 3, printed by a script of its
own. Each runs twice: with `n` a constant (the compiler folds it) and with
`n` known only at run time (computed from an array, so the generated code
decides). CPython's output is the oracle. dac passes a case when it prints
exactly what CPython prints, or stops with a located error (`file:line:col:
...`) where CPython raises or where dac says the construct is not supported
yet. It fails on a different number, on output where CPython raises, and on
a crash or an error without a location: never a wrong number.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

CASES = [
    # Python ints are unbounded; dac's are int64 with checked arithmetic.
    "2**62 * (n + 1) + 2**62 * (n + 1)",
    "3 ** (77 + n)",
    "abs(-2**61 * (n + 1))",
    "(-2**61 * (n + 1)) // -1",
    "1 << (67 + n)",
    "1 << (57 + n)",
    "9223372036854775807 + n - 2",
    "9223372036854775807 + n - 4",
    "-(-2**62 * 2) * n",
    "sum([2**62 * n, 2**62 * n])",
    "-n // 2", "-n % 2", "n // -2", "n % -2", "-7 // n", "7 % -n",
    "(n * 1.0) % -2.0", "(-n * 1.0) // 2.0", "-0.0 * n",
    "n ** -2", "n ** 0", "0 ** n", "(-n) ** 3", "(-n) ** 40",
    "(n - 4) ** (10**18 + 1)", "(n - 4) ** 10**18", "(n - 2) ** 10**18",
    "(n - 3) ** (10**18 + n)", "(-1) ** (10**18 + 1) * n",
    "pow(n, -1)", "1 << -n", "n >> -n", "n >> 70", "-n >> 70",
    "-n >> 1", "(n << 61) >> 60",
    "n // 0", "n % 0", "float(n) / 0", "n / 0.0",
    # int / int is the exact quotient rounded once, beyond 2**53 too.
    "(2**53 + n - 2) / 3", "-(2**53 + n) / 5", "(2**62 + 12345 * n) / 7",
    "(-2**62 * 2 + n - 3) / n", "n / (2**61 * n)", "0 / -n",
    "True + n", "n / True", "True * n - False",
    # Floats: C's results where Python raises instead.
    "math.sqrt(-n)", "math.sqrt(n * 3.0)", "math.log(0.0 * n)",
    "math.log(-n)", "math.acos(1.0 + n)", "math.exp(997.0 + n)",
    "math.exp(-1000.0 * n)", "math.pow(0.0 * n, -1.0)",
    "10.0 ** (397 + n)", "10.0 ** (-400 - n)", "0.0 ** -float(n)",
    "0.0 ** float(n)", "(-2.0 * n) ** 0.5", "(-2.0) ** n",
    "(-n * 1.0) ** float('inf')", "(n * 1.0) ** float('nan')",
    "1.0 ** float('nan')", "float('nan') ** 0",
    "int(float('inf') * n)", "int(math.nan * n)", "int(-n * 2.5)",
    "int(1e19 * n)", "round(n * 1.5)", "round(-n * 0.5)", "round(2.5 * n)",
    "round(n * 0.1234567, 3)", "round(2.5 * n, 10**18)",
    "round(1250.0 * n / 3, -2)", "round(-n * 450.0, -3)",
    "round(n * 1e308 / 3, -309)", "round(15.0 * n, -n + 2)",
    "math.floor(n / 2)", "math.ceil(-n / 2)", "math.trunc(-n / 2)",
    "math.floor(n * float('inf'))", "math.hypot(n, 4)", "abs(-0.0 * n)",
    "math.atan2(0.0, -n)", "math.isnan(n * float('nan'))",
    "math.fmod(-n, 2)", "math.fmod(n * 1.0, 0.0)", "math.copysign(n, -0.0)",
    "divmod(-7, n)", "divmod(n * 2.5, -1.0)", "divmod(n, 0)",
    "math.isinf(n * 1e308 * 10)",
    # Mixed comparisons are exact in Python.
    "2**53 + n - 2 == float(2**53 + n - 2)",
    "2**53 + n - 2 > float(2**53 + n - 2)",
    "9223372036854775807 - 3 + n == 2.0**63",
    "n == 3.0", "n < float('nan')", "n != float('nan')",
    "max(n, 2.5)", "min(n, 3.0)", "max(n * 1.0, float('nan'))",
    # Conversions of strings and values.
    "float('nan') != float('nan')", "float(' -Infinity ') < -n",
    "float('1_000.5') + n", "float('1e500') > n", "int(' -0_42 ') + n",
    "float('2.5e-324') * n", "bool('') or n", "int(True) + n",
    "float(n) == n", "str(n) + 'x'", "f'{n / 7:.3f}'",
    "f'{-n * 1e20}'", "f'{n * 1e-7}'", "repr(n * 0.1)",
    # Float literals round correctly however they are written.
    "0." + "0" * 330 + "1 * n", "-0." + "0" * 320 + "5 + 0.0 * n",
    "0." + "0" * 322 + "5 * n",
]

LOCATED_ERROR = re.compile(r"\.py:\d+:\d+: (error: )?\S")


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300,
                          **kw)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dac", required=True)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--mpiexec", default="mpiexec.mpich")
    args = ap.parse_args()
    failures = []
    with tempfile.TemporaryDirectory() as work:
        for i, case in enumerate(CASES):
            for kind, setup in (("constant", "n = 3\n"),
                                ("run-time",
                                 "n = int(np.ones(3).sum())\n")):
                script = os.path.join(work, f"case{i}_{kind[0]}.py")
                with open(script, "w") as f:
                    f.write("import math\nimport numpy as np\n" + setup +
                            f"print({case})\n")
                ref = run([args.python, script])
                exe = script[:-3]
                built = run([args.dac, "build", script, "-o", exe])
                got = built
                if built.returncode == 0:
                    got = run([args.mpiexec, "-n", "1", exe])
                what = f"{case!r} ({kind})"
                if got.returncode == 0:
                    if ref.returncode != 0:
                        failures.append(f"{what}: CPython raises "
                                        f"{ref.stderr.strip().splitlines()[-1]}"
                                        f", dac prints {got.stdout.strip()!r}")
                    elif got.stdout != ref.stdout:
                        failures.append(f"{what}: CPython prints "
                                        f"{ref.stdout.strip()!r}, dac prints "
                                        f"{got.stdout.strip()!r}")
                elif not LOCATED_ERROR.search(got.stderr):
                    failures.append(f"{what}: dac failed without a located "
                                    f"error (exit {got.returncode}):\n"
                                    f"{got.stderr.strip()}")
    for failure in failures:
        print("FAIL", failure)
    print(f"{2 * len(CASES) - len(failures)} of {2 * len(CASES)} runs agree "
          f"with CPython")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
