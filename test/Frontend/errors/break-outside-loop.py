# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests break outside a loop, including in a function inside a loop.
# CHECK:{{.*}}break-outside-loop.py:10:9: error: 'break' outside loop
# CHECK-NEXT:        break
# CHECK-NEXT:        ^~~~~

for i in r:
    def f():
        break
