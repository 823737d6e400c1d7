# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests an invalid conversion character.
# CHECK:{{.*}}fstring-conversion.py:8:10: error: f-string: invalid conversion character: expected 's', 'r', or 'a'
# CHECK-NEXT:s = f'{a!x}'
# CHECK-NEXT:         ^

s = f'{a!x}'
