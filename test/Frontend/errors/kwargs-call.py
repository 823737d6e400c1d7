# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests that **kwargs in a call is rejected.
# CHECK:{{.*}}kwargs-call.py:8:6: error: keyword-argument unpacking ('**kwargs') in calls is not supported
# CHECK-NEXT:f(1, **kw)
# CHECK-NEXT:     ^~

f(1, **kw)
