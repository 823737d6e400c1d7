# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests indentation whose meaning depends on the tab width.
# CHECK:{{.*}}inconsistent-tabs.py:10:9: error: inconsistent use of tabs and spaces in indentation
# CHECK-NEXT:        z = 2
# CHECK-NEXT:        ^

if x:
	y = 1
        z = 2
