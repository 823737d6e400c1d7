# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a triple-quoted string that runs into the end of the file.
# CHECK:{{.*}}unterminated-triple-string.py:8:5: error: unterminated triple-quoted string literal
# CHECK-NEXT:x = '''abc
# CHECK-NEXT:    ^~~~~~

x = '''abc
y
