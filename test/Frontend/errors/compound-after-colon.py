# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a compound statement on the line of another's header.
# CHECK:{{.*}}compound-after-colon.py:8:7: error: invalid syntax
# CHECK-NEXT:if a: for i in b: pass
# CHECK-NEXT:      ^~~

if a: for i in b: pass
