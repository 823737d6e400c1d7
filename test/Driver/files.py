# RUN: rm -rf %t && mkdir -p %t/dir && cp %s %t/script.py
#
# The output may not be the script itself (under another name too), a
# directory or an existing non-regular file; the script must be a regular
# file (a FIFO is refused at once, not read); nothing is touched.
# RUN: not dac build %t/script.py -o %t/script.py 2>&1 | FileCheck %s --check-prefix=SELF
# RUN: ln %t/script.py %t/hardlink.py
# RUN: not dac build %t/script.py -o %t/hardlink.py 2>&1 | FileCheck %s --check-prefix=SELF
# RUN: cmp %s %t/script.py
# RUN: not dac build %t/script.py -o %t/dir 2>&1 | FileCheck %s --check-prefix=DIR
# RUN: not dac build %t/script.py -o /dev/full 2>&1 | FileCheck %s --check-prefix=DEVICE
# RUN: test -c /dev/full
# RUN: not dac %t/script.py --emit=dist -o /dev/full 2>&1 | FileCheck %s --check-prefix=DEVICE
# RUN: mkfifo %t/fifo.py
# RUN: not timeout 20 dac build %t/fifo.py -o %t/prog 2>&1 | FileCheck %s --check-prefix=FIFO
# RUN: not timeout 20 dac run -n 1 %t/fifo.py 2>&1 | FileCheck %s --check-prefix=FIFO
# RUN: not dac build /dev/zero -o %t/prog 2>&1 | FileCheck %s --check-prefix=ZERO
# RUN: not dac build %t/dir -o %t/prog 2>&1 | FileCheck %s --check-prefix=DIRIN
# RUN: test ! -e %t/prog
#
# Unknown and 32-bit CPUs are usage errors naming the choices.
# RUN: not dac build %t/script.py -o %t/prog --cpu=pentium-mmx-9000 2>&1 | FileCheck %s --check-prefix=CPU
# RUN: not dac build %t/script.py -o %t/prog --cpu=i386 2>&1 | FileCheck %s --check-prefix=CPU32
#
# A build leaves no temporary files next to its output or in TMPDIR.
# RUN: mkdir -p %t/tmp && env TMPDIR=%t/tmp dac build %t/script.py -o %t/dir/prog
# RUN: ls %t/dir %t/tmp | FileCheck %s --check-prefix=CLEAN
import numpy as np

print(np.arange(4).sum())

# SELF: dac: error: the output '{{.*}}' is the script itself
# DIR: dac: error: the output '{{.*}}dir' is a directory
# DEVICE: dac: error: the output '/dev/full' exists and is not a regular file
# FIFO: dac: error: '{{.*}}fifo.py' is not a regular file
# ZERO: dac: error: '/dev/zero' is not a regular file
# DIRIN: dac: error: '{{.*}}dir' is not a regular file
# CPU-NOT: not a recognized processor
# CPU: dac: error: unknown CPU 'pentium-mmx-9000' for x86_64 (choose native, generic,
# CPU32: dac: error: 'i386' is a 32-bit CPU; dac generates 64-bit code
# CLEAN-NOT: link-tmp
# CLEAN-NOT: .o
# CLEAN: prog
# CLEAN-NOT: link-tmp
# CLEAN-NOT: dac
