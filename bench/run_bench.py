#!/usr/bin/env python3
"""Benchmarks: dac vs hand-written C++/MPI vs NumPy, in the same run.

    python3 bench/run_bench.py --dac build/bin/dac            # everything
    python3 bench/run_bench.py --dac build/bin/dac --only w1,l1 --repeat 3

For each workload (bench/scripts/*.py) it builds the script once with
`dac build`, builds or locates the reference program (the hand-written
C++/MPI ref_mpi.cpp of DAC_REFERENCE_BENCH_DIR, or bench/loop/ and bench/star/
for L1 and S2), then
runs rounds: in each round, for every rank count P of --ranks, the dac
executable and the reference under `mpiexec -n P`, and the script once under
python3 + NumPy (single process, after the first rank count). Every program
prints `time_s <seconds>` (its timed region, the work only; `time_s=` from the
references, run with BENCH_REPEAT=1); the runner also times each whole process.
The table shows medians over --repeat rounds; ratios above 1 mean dac is
faster. See bench/README.md.
"""

import argparse
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# How the reference program takes a size: "fixed" (no way: it only runs at
# full size), "log2" (argv[1] = log2 of the element count), "count" (argv[1]).
WORKLOADS = [
    # key, script, reference (dir in the reference tree, or a path under
    # bench/), full size, how the reference is sized, what it computes
    ("w1", "w1_fused.py", "w1_fused", 2**25, "fixed",
     "r = 2.5*a + b*c - d; r.sum()"),
    ("w2", "w2_reduce.py", "w2_reduce", 2**26, "fixed", "(a*a).sum()"),
    ("w3", "w3_pi.py", "w3_pi", 10**8, "fixed", "Monte Carlo pi"),
    ("w4", "w4_jacobi.py", "w4_jacobi", 4096**2, "fixed",
     "Jacobi 5-point, 100 sweeps"),
    ("w5", "w5_triad.py", "w5_triad", 2**27, "log2", "triad a = b + s*c"),
    ("s2", "s2_star.py", "star/star_mpi.cpp", 8000, "count",
     "radius-2 star stencil, 8000^2, 20 iterations"),
    ("l1", "l1_loop.py", "loop/loop_overhead.cpp", 10**6, "count",
     "10^6 x (x = x*0.5 + 0.5), 100 elements"),
    ("m1", "m1_matvec.py", "linalg/matvec_mpi.cpp", 16384, "count",
     "10 matrix-vector products, 16384^2"),
    ("m2", "m2_matmul.py", "linalg/matmul_mpi.cpp", 4096, "count",
     "matrix product, 4096^2"),
    ("m3", "m3_transpose.py", "linalg/transpose_mpi.cpp", 8192, "count",
     "transpose, 8192^2"),
    ("m2s", "m2_matmul.py", "linalg/matmul_pdgemm.cpp", 4096, "count",
     "matrix product, 4096^2, against ScaLAPACK's pdgemm"),
    ("w1c", "w1_fused.py", "w1_fused", 2**25, "fixed",
     "W1 through the C++ API (the dac column: cpp/w1_fused.cpp)"),
]
# Workloads whose dac column is a C++ API program (built against libdac.so
# of the dac given) instead of the compiled script.
CPP_PROGRAMS = {"w1c": "cpp/w1_fused.cpp"}
REF_FLAGS = ["-O3", "-march=native", "-std=c++17", "-fopenmp-simd"]
LOOP_FLAGS = REF_FLAGS + ["-ffp-contract=off"]  # as bench/CMakeLists.txt
# The linear algebra baselines use the BLAS dac's runtime uses.
OPENBLAS = "/usr/lib/x86_64-linux-gnu/openblas-serial"
BLAS_FLAGS = ["-I/usr/include/x86_64-linux-gnu/openblas-serial"]
BLAS_LIBS = [OPENBLAS + "/libopenblas.so"]
# ScaLAPACK for MPICH, unpacked by bench/linalg/get-scalapack.sh.
SCALAPACK_DIRS = [os.environ.get("DAC_SCALAPACK_DIR", ""), "/",
                  os.path.expanduser("~/.cache/dac-bench/scalapack")]
SCALAPACK_LIB = "usr/lib/x86_64-linux-gnu/libscalapack-mpich.so"
TIME_RE = re.compile(r"^time_s[ =]\s*(\S+)\s*$")


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def run(cmd, env, timeout):
    """Runs cmd; returns (whole-process seconds, stdout, error or None)."""
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "", "timed out after %d s" % timeout
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        tail = (p.stderr.strip() or p.stdout.strip()).splitlines()[-3:]
        return wall, p.stdout, "exit %d: %s" % (p.returncode, " | ".join(tail))
    return wall, p.stdout, None


def parse(stdout):
    """The timed region (least of the `time_s` lines) and the result (the
    last other line), or None where a program printed none."""
    times, result = [], None
    for line in stdout.splitlines():
        m = TIME_RE.match(line.strip())
        if m:
            times.append(float(m.group(1)))
        elif line.strip():
            result = line.strip()
    return (min(times) if times else None), result


def scaled_script(path, scale, workdir):
    """A copy of the script in workdir with `SCALE = 1` set to the scale."""
    text = open(path).read()
    text, n = re.subn(r"^SCALE = 1\b", "SCALE = %d" % scale, text,
                      flags=re.M)
    if n != 1:
        sys.exit("%s: expected one line 'SCALE = 1'" % path)
    out = os.path.join(workdir, os.path.basename(path))
    with open(out, "w") as f:
        f.write(text)
    return out


def compile_cxx(mpicxx, src, flags, out, libs=()):
    """Compiles one C++/MPI file; returns out, or a status string."""
    if not os.path.exists(src):
        return "absent"
    if not mpicxx:
        return "no mpicxx"
    p = subprocess.run([mpicxx] + flags + [src, "-o", out] + list(libs),
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    if p.returncode != 0:
        log("  compiling %s failed:\n%s" % (src, p.stdout))
        return "build failed"
    return out


def ref_args(kind, full, scale):
    """The reference program's arguments at this scale, or None if it only
    runs at full size."""
    if scale == 1:
        return []
    if kind == "log2":
        return [str(max(3, round(math.log2(full / scale))))]
    if kind == "count":
        return [str(max(1, full // scale))]
    return None


def same_result(a, b):
    """'=' if dac printed NumPy's text, '~' if every number agrees to 1e-9
    (sums in another order), else 'DIFF'; '-' if one is missing."""
    if a is None or b is None:
        return "-"
    if a == b:
        return "="
    ta, tb = a.split(), b.split()
    try:
        close = len(ta) == len(tb) and all(
            math.isclose(float(x), float(y), rel_tol=1e-9, abs_tol=1e-12)
            for x, y in zip(ta, tb))
    except ValueError:
        close = False
    return "~" if close else "DIFF"


def median(xs):
    return statistics.median(xs) if xs else None


class Impl:
    """One implementation of a workload at one rank count: its command (or
    a status such as "unsupported") and the samples of its runs."""

    def __init__(self, cmd=None, status=None):
        self.cmd, self.status = cmd, status
        self.timed, self.wall, self.result = [], [], None

    def measure(self, env, timeout):
        if self.cmd is None or self.status is not None:
            return
        wall, out, err = run(self.cmd, env, timeout)
        t, result = parse(out)
        if err is None and t is None:
            err = "printed no time_s line"
        if err is not None:
            self.status = "failed"
            log("  failed: %s\n    %s" % (" ".join(self.cmd), err))
            return
        self.timed.append(t)
        self.wall.append(wall)
        self.result = result

    def summary(self):
        return {"status": self.status or "ok", "command": self.cmd,
                "timed_s": self.timed, "wall_s": self.wall,
                "median_timed_s": median(self.timed),
                "median_wall_s": median(self.wall), "result": self.result}


def bench_workload(w, args, workdir, refs):
    key, script, ref, full, kind, what = w
    log("%s: %s (%s)" % (key, what, script))
    src = scaled_script(os.path.join(HERE, "scripts", script), args.scale,
                        workdir)
    exe = os.path.join(workdir, key + "-dac")
    dac_args = []
    if key in CPP_PROGRAMS:
        lib = os.path.join(os.path.dirname(os.path.abspath(args.dac)), "..",
                           "lib")
        cmd = [args.mpicxx, "-O2", "-std=c++17", "-I",
               os.path.join(ROOT, "frontends", "cpp", "include"), "-I",
               os.path.join(ROOT, "runtime", "include"),
               os.path.join(HERE, CPP_PROGRAMS[key]), "-o", exe, "-L" + lib,
               "-Wl,-rpath," + lib, "-ldac"]
        dac_args = [str(args.scale)]
    else:
        cmd = [args.dac, "build", src, "-o", exe]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    dac_error = None
    if p.returncode != 0:
        lines = [l for l in p.stdout.splitlines() if "error" in l]
        dac_error = (lines or p.stdout.strip().splitlines() or ["?"])[0]
        dac_error = dac_error.replace(src, "bench/scripts/" + script)
        log("  dac build: unsupported: " + dac_error)

    if key in refs:
        ref_exe = refs[key] if os.path.isfile(refs[key]) else "absent"
    elif ref.startswith("linalg/"):
        libs = list(BLAS_LIBS)
        if "pdgemm" in ref:
            found = [d for d in SCALAPACK_DIRS
                     if d and os.path.isfile(os.path.join(d, SCALAPACK_LIB))]
            lib = os.path.dirname(os.path.join(found[0], SCALAPACK_LIB)) \
                if found else None
            libs = ["-L" + lib, "-Wl,-rpath," + lib,
                    "-lscalapack-mpich"] + libs if lib else None
        ref_exe = "absent (run bench/linalg/get-scalapack.sh)" \
            if libs is None else compile_cxx(
                args.mpicxx, os.path.join(HERE, ref), REF_FLAGS + BLAS_FLAGS,
                os.path.join(workdir, key + "-ref"), libs)
    elif ref.endswith(".cpp"):
        ref_exe = compile_cxx(args.mpicxx, os.path.join(HERE, ref),
                              LOOP_FLAGS, os.path.join(workdir, key + "-ref"))
    else:
        ref_exe = compile_cxx(
            args.mpicxx, os.path.join(args.reference_dir, ref, "ref_mpi.cpp"),
            REF_FLAGS + ["-I", os.path.join(args.reference_dir, "common")],
            os.path.join(workdir, key + "-ref"))
    extra = ref_args(kind, full, args.scale)
    ref_status = None
    if not os.path.isfile(ref_exe):
        ref_status = ref_exe
    elif extra is None:
        ref_status = "fixed size"  # only meaningful at --scale 1
    if ref_status:
        log("  reference: " + ref_status)

    mpi = lambda p, exe: [args.mpiexec, "-n", str(p), exe]
    dac = {p: Impl(mpi(p, exe) + dac_args,
                   "unsupported" if dac_error else None)
           for p in args.ranks}
    reference = {p: Impl(None if ref_status else mpi(p, ref_exe) + extra,
                         ref_status) for p in args.ranks}
    numpy = Impl([args.python, src])
    env = dict(os.environ)
    env_ref = dict(env, BENCH_REPEAT="1")
    env_py = dict(env, PYTHONPATH=os.path.join(ROOT, "frontends", "python"))
    for r in range(args.repeat):
        log("  round %d/%d" % (r + 1, args.repeat))
        for i, p in enumerate(args.ranks):
            # Alternate which of the two goes first: the one right after
            # NumPy (which just freed gigabytes) pays for the kernel's
            # page clearing and compaction.
            pair = [(dac[p], env), (reference[p], env_ref)]
            for impl, impl_env in (pair if r % 2 == 0 else pair[::-1]):
                impl.measure(impl_env, args.timeout)
            if i == 0:
                numpy.measure(env_py, args.timeout)

    rows = []
    for p in args.ranks:
        d, f, n = dac[p].summary(), reference[p].summary(), numpy.summary()
        ratio = lambda num, den: num / den if num and den else None
        rows.append({
            "ranks": p, "dac": d, "ref": f, "numpy": n,
            "ratio_ref_dac": ratio(f["median_timed_s"], d["median_timed_s"]),
            "ratio_numpy_dac": ratio(n["median_timed_s"],
                                     d["median_timed_s"]),
            "check": same_result(d["result"], n["result"])})
    return {"workload": key, "what": what, "script": "bench/scripts/" + script,
            "size": full // args.scale,
            "reference": ref_exe if os.path.isfile(ref_exe) else None,
            "reference_status": ref_status or "ok", "reference_args": extra,
            "dac_error": dac_error, "rows": rows}


COLUMNS = ["workload", "ranks", "dac_s", "ref_s", "numpy_s", "ref/dac",
           "numpy/dac", "dac_wall_s", "ref_wall_s", "check"]


def table(results):
    def sec(impl, field):
        v = impl["median_%s_s" % field]
        return impl["status"] if v is None else "%.4g" % v

    def ratio(v):
        return "-" if v is None else "%.2f" % v

    lines = [COLUMNS]
    for w in results:
        for row in w["rows"]:
            d, f, n = row["dac"], row["ref"], row["numpy"]
            lines.append([w["workload"], str(row["ranks"]), sec(d, "timed"),
                          sec(f, "timed"), sec(n, "timed"),
                          ratio(row["ratio_ref_dac"]),
                          ratio(row["ratio_numpy_dac"]), sec(d, "wall"),
                          sec(f, "wall"), row["check"]])
    widths = [max(len(l[i]) for l in lines) for i in range(len(COLUMNS))]
    return "\n".join("  ".join(c.ljust(wd) if i < 2 else c.rjust(wd)
                               for i, (c, wd) in enumerate(zip(l, widths)))
                     for l in lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dac", required=True, help="the dac driver")
    ap.add_argument("--ranks", default="1,2", help="rank counts (1,2)")
    ap.add_argument("--repeat", type=int, default=5, help="rounds (5)")
    ap.add_argument("--only", help="workloads, e.g. w1,w2 (all: %s)" %
                    ",".join(w[0] for w in WORKLOADS))
    ap.add_argument("--scale", type=int,
                    default=int(os.environ.get("DAC_BENCH_SCALE", "1")),
                    help="divide every size by this, for smoke tests "
                    "(default $DAC_BENCH_SCALE or 1)")
    ap.add_argument("--json", help="also write the results to this file")
    ap.add_argument("--ref", action="append", default=[], metavar="KEY=EXE",
                    help="a built reference program (else compiled here)")
    ap.add_argument("--reference-dir", default=os.environ.get(
        "DAC_REFERENCE_BENCH_DIR",
        os.path.join(ROOT, "..", "shared", "reference-bench")))
    ap.add_argument("--mpicxx", default=shutil.which("mpicxx.mpich"))
    ap.add_argument("--mpiexec", default="/usr/bin/mpiexec.mpich")
    ap.add_argument("--python", default="/usr/bin/python3")
    ap.add_argument("--timeout", type=int, default=900,
                    help="seconds allowed to one run (900)")
    ap.add_argument("--workdir", help="keep executables here (default: a "
                    "temporary directory)")
    args = ap.parse_args()
    args.ranks = [int(r) for r in args.ranks.split(",")]
    if args.scale < 1 or args.repeat < 1:
        sys.exit("--scale and --repeat must be at least 1")
    keys = [w[0] for w in WORKLOADS]
    only = args.only.split(",") if args.only else keys
    unknown = [k for k in only if k not in keys]
    if unknown:
        sys.exit("unknown workload(s) %s; known: %s" %
                 (",".join(unknown), ",".join(keys)))
    refs = dict(r.split("=", 1) for r in args.ref)

    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or tmp
        os.makedirs(workdir, exist_ok=True)
        results = [bench_workload(w, args, workdir, refs)
                   for w in WORKLOADS if w[0] in only]

    print("dac vs hand-written C++/MPI (ref) vs NumPy: medians of %d round(s)"
          "%s; times in seconds" % (args.repeat, ", sizes divided by %d" %
                                   args.scale if args.scale > 1 else ""))
    print(table(results))
    for w in results:
        if w["dac_error"]:
            print("%s: dac: %s" % (w["workload"], w["dac_error"]))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"repeat": args.repeat, "ranks": args.ranks,
                       "scale": args.scale, "dac": args.dac,
                       "workloads": results}, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
