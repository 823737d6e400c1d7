# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests that wildcard imports are rejected.
# CHECK:{{.*}}wildcard-import.py:8:19: error: wildcard imports ('from ... import *') are not supported
# CHECK-NEXT:from numpy import *
# CHECK-NEXT:                  ^

from numpy import *
