# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a character that is not part of the language.
# CHECK:{{.*}}invalid-character.py:8:5: error: invalid character '$'
# CHECK-NEXT:x = $y
# CHECK-NEXT:    ^

x = $y
