# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a closing parenthesis that closes nothing.
# CHECK:{{.*}}unmatched-paren.py:8:11: error: unmatched ')'
# CHECK-NEXT:x = (1, 2))
# CHECK-NEXT:          ^

x = (1, 2))
