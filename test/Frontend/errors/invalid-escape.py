# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a truncated \x escape.
# CHECK:{{.*}}invalid-escape.py:8:7: error: truncated \x escape: expected 2 hex digits
# CHECK-NEXT:s = 'a\x4'
# CHECK-NEXT:      ^~~

s = 'a\x4'
