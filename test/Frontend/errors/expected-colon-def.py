# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a missing ':' after a function signature.
# CHECK:{{.*}}expected-colon-def.py:8:16: error: expected ':' after function signature
# CHECK-NEXT:def f(a) -> int
# CHECK-NEXT:               ^

def f(a) -> int
    pass
