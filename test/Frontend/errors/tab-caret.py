# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests that a caret line keeps the tabs of the source line.
# CHECK:{{.*}}tab-caret.py:9:11: error: expected expression
# CHECK-NEXT:	y = (1 +	)
# CHECK-NEXT:	        	^

if x:
	y = (1 +	)
