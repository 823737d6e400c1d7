# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests text after a line continuation character.
# CHECK:{{.*}}continuation-character.py:8:9: error: unexpected character after line continuation character
# CHECK-NEXT:x = 1 + \ 2
# CHECK-NEXT:        ^

x = 1 + \ 2
