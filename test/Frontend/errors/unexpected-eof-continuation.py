# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a line continuation at the end of the file.
# CHECK:{{.*}}unexpected-eof-continuation.py:8:9: error: unexpected end of file after line continuation character
# CHECK-NEXT:x = 1 + \
# CHECK-NEXT:        ^

x = 1 + \
