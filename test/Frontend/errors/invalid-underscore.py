# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a literal ending in an underscore.
# CHECK:{{.*}}invalid-underscore.py:8:5: error: invalid decimal literal
# CHECK-NEXT:x = 1_000_
# CHECK-NEXT:    ^~~~~~

x = 1_000_
