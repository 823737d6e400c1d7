# RUN: not dac 2>&1 | FileCheck %s --check-prefix=NOSCRIPT
# RUN: not dac %s --emit=bogus 2>&1 | FileCheck %s --check-prefix=STAGE
# RUN: not dac build %s 2>&1 | FileCheck %s --check-prefix=NOOUT
# RUN: not dac run -n 0 %s 2>&1 | FileCheck %s --check-prefix=RANKS
# RUN: not dac build %t.missing.py -o %t 2>&1 | FileCheck %s --check-prefix=MISSING
# RUN: dac --help | FileCheck %s --check-prefix=HELP

# Tests the command-line errors of the driver.
print(1)

# NOSCRIPT: dac: error: no script given
# STAGE: dac: error: unknown stage 'bogus' (expected ast, dist, local, llvm, obj or dot)
# NOOUT: dac: error: `dac build` needs -o PROGRAM
# RANKS: dac: error: -n needs a positive number of ranks, got '0'
# MISSING: dac: error: cannot read '{{.*}}missing.py': No such file or directory
# HELP: usage: dac build SCRIPT.py -o PROGRAM
