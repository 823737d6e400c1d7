# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests that raise statements are rejected.
# CHECK:{{.*}}raise.py:8:1: error: 'raise' statements are not supported
# CHECK-NEXT:raise ValueError('bad')
# CHECK-NEXT:^~~~~

raise ValueError('bad')
