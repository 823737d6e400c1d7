# lit configuration for dac's compiler tests.
import os

import lit.formats

config.name = "dac"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".mlir", ".py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.dac_binary_dir, "test")
# Not lit tests: the conformance scripts (plain NumPy programs run by the
# conformance runner), the unit tests, the fuzzers' seed corpora, the
# package and sanitizer drivers and lit's own configuration.
config.excludes = ["lit.cfg.py", "lit.site.cfg.py", "e2e", "conformance", "python",
                   "differential",
                   "unit", "Inputs", "fuzz", "sanitize", "package"]

config.environment["PATH"] = os.pathsep.join(
    [config.dac_tools_dir, config.llvm_tools_dir,
     config.environment.get("PATH", os.environ.get("PATH", ""))])
# Scripts that `import dac` run under NumPy with the reference package.
config.environment["PYTHONPATH"] = os.path.join(
    config.dac_source_dir, "frontends", "python")
# Builds by `dac run` go to a cache inside the build tree, not $HOME.
config.environment["DAC_CACHE_DIR"] = os.path.join(
    config.dac_binary_dir, "test", "dac-cache")

# The sanitizer run (test/sanitize/run.sh) links programs with clang and
# sets the sanitizers' options.
for name in ["MPICH_CXX", "ASAN_OPTIONS", "UBSAN_OPTIONS", "UCX_MEM_MMAP_HOOK_MODE"]:
    if name in os.environ:
        config.environment[name] = os.environ[name]

config.substitutions.append(("%mpirun", config.mpiexec))
config.substitutions.append(("%python", config.python))
# Where dac and its runtime library are (tests that copy them).
config.substitutions.append(("%dac_bin", config.dac_tools_dir))
config.substitutions.append(
    ("%dac_lib", os.path.join(config.dac_binary_dir, "lib")))
config.available_features.add("mpi")
