# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests an augmented assignment to a tuple.
# CHECK:{{.*}}aug-assign-tuple.py:8:1: error: 'tuple' is an illegal expression for augmented assignment
# CHECK-NEXT:a, b += 1, 2
# CHECK-NEXT:^~~~

a, b += 1, 2
