# RUN: rm -rf %t && mkdir -p %t
#
# Three `dac run` of one script on a cold cache at once: all build (each
# into its own temporary) and all run.
# RUN: env DAC_CACHE_DIR=%t/cache bash -c 'for i in 1 2 3; do dac run %s > %t/out$i 2>&1 & done; wait' 
# RUN: cat %t/out1 %t/out2 %t/out3 | FileCheck %s --check-prefix=THREE
#
# A cached program truncated, or corrupted, since it was built is rebuilt,
# never run.
# RUN: %python -c "import glob, sys; [open(p, 'r+b').truncate(100) for p in glob.glob(sys.argv[1] + '/cache/*/cache')]" %t
# RUN: env DAC_CACHE_DIR=%t/cache dac run %s | FileCheck %s --check-prefix=ONE
# RUN: %python -c "import glob, sys; [open(p, 'r+b').write(b'garbage') for p in glob.glob(sys.argv[1] + '/cache/*/cache')]" %t
# RUN: env DAC_CACHE_DIR=%t/cache dac run %s | FileCheck %s --check-prefix=ONE
# RUN: ls %t/cache/* | FileCheck %s --check-prefix=ENTRY
#
# A changed runtime library (a dac installed again) is a new entry: a copy
# of dac next to a copy of the runtime, the library's time changed.
# RUN: mkdir -p %t/prefix/bin %t/prefix/lib
# RUN: cp %dac_bin/dac %t/prefix/bin/ && cp %dac_lib/libdac_runtime.a %t/prefix/lib/
# RUN: env DAC_CACHE_DIR=%t/fresh %t/prefix/bin/dac run %s | FileCheck %s --check-prefix=ONE
# RUN: touch -d '2000-01-01' %t/prefix/lib/libdac_runtime.a
# RUN: env DAC_CACHE_DIR=%t/fresh %t/prefix/bin/dac run %s | FileCheck %s --check-prefix=ONE
# RUN: ls %t/fresh | wc -l | FileCheck %s --check-prefix=TWO
import numpy as np

print("total", np.arange(10).sum())

# THREE: total 45
# THREE: total 45
# THREE: total 45
# ONE: total 45
# TWO: 2
# ENTRY-NOT: tmp
# ENTRY: cache
# ENTRY-NEXT: cache.seal
# ENTRY-NOT: tmp
