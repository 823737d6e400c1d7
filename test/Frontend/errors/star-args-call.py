# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests that *args in a call is rejected.
# CHECK:{{.*}}star-args-call.py:8:6: error: star-arguments ('*args') in calls are not supported
# CHECK-NEXT:f(1, *args)
# CHECK-NEXT:     ^~~~~

f(1, *args)
