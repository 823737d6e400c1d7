# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a compound statement without a body at the end of the file.
# CHECK:{{.*}}expected-indented-block-eof.py:8:9: error: expected an indented block after function definition on line 8
# CHECK-NEXT:def f():
# CHECK-NEXT:        ^

def f():
