# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a compound statement without a body.
# CHECK:{{.*}}expected-indented-block.py:9:1: error: expected an indented block after 'for' statement on line 8
# CHECK-NEXT:x = 1
# CHECK-NEXT:^

for i in range(3):
x = 1
