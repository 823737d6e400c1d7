# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests that with statements are rejected.
# CHECK:{{.*}}with.py:8:1: error: 'with' statements are not supported
# CHECK-NEXT:with open(p) as f:
# CHECK-NEXT:^~~~

with open(p) as f:
    pass
