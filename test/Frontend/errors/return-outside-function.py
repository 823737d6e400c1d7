# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests return at module level.
# CHECK:{{.*}}return-outside-function.py:8:1: error: 'return' outside function
# CHECK-NEXT:return 0
# CHECK-NEXT:^~~~~~

return 0
