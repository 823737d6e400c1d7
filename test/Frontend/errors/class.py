# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests that class definitions are rejected at 'class'.
# CHECK:{{.*}}class.py:8:1: error: class definitions are not supported
# CHECK-NEXT:class A:
# CHECK-NEXT:^~~~~

class A:
    pass
