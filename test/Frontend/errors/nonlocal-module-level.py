# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests nonlocal at module level.
# CHECK:{{.*}}nonlocal-module-level.py:8:1: error: nonlocal declaration not allowed at module level
# CHECK-NEXT:nonlocal x
# CHECK-NEXT:^~~~~~~~

nonlocal x
