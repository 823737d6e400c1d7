# RUN: split-file %s %t
# RUN: not dac %t/endless.py --emit=dist 2>&1 | FileCheck %s --check-prefix=ENDLESS
# Scripts the fuzzer (test/fuzz) found crashing the frontend: each is now
# a clear error with its line.

#--- endless.py
import numpy as np


def converge(x, tol):
    while True:
        x = x * 0.5
        if np.abs(1).max() < tol:
            return x


# ENDLESS: endless.py:12:7: error: converge() never returns: no 'return' in it can run (an endless loop?)
print(converge(np.ones(6), 1e-3))
