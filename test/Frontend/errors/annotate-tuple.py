# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests an annotation on a tuple target.
# CHECK:{{.*}}annotate-tuple.py:8:1: error: only single target (not tuple) can be annotated
# CHECK-NEXT:a, b: int = 1, 2
# CHECK-NEXT:^~~~

a, b: int = 1, 2
