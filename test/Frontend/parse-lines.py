# RUN: dac-script-parse %s | FileCheck %s --strict-whitespace --match-full-lines

# Tests that comments and blank lines between statements are skipped.
x = 1  # trailing comment

   # an indented comment-only line

y = 2
# CHECK:  Assign @4:1
# CHECK-NEXT:    Name x (store) @4:1
# CHECK-NEXT:    IntLiteral 1 @4:5
# CHECK-NEXT:  Assign @8:1
# CHECK-NEXT:    Name y (store) @8:1
# CHECK-NEXT:    IntLiteral 2 @8:5

# Tests backslash continuation.
x = 1 + \
    2
# CHECK:  Assign @17:1
# CHECK-NEXT:    Name x (store) @17:1
# CHECK-NEXT:    BinaryOp + @17:5
# CHECK-NEXT:      IntLiteral 1 @17:5
# CHECK-NEXT:      IntLiteral 2 @18:5

# Tests implicit line joining inside brackets, with comments.
x = f(1,  # first
      2,
  3)
# CHECK:  Assign @26:1
# CHECK-NEXT:    Name x (store) @26:1
# CHECK-NEXT:    Call @26:5
# CHECK-NEXT:      Name f @26:5
# CHECK-NEXT:      IntLiteral 1 @26:7
# CHECK-NEXT:      IntLiteral 2 @27:7
# CHECK-NEXT:      IntLiteral 3 @28:3

# Tests a block indented with tabs.
if a:
	x = 1
	if b:
		y = 2
z = 3
# CHECK:  If @38:1
# CHECK-NEXT:    test: Name a @38:4
# CHECK-NEXT:    Assign @39:2
# CHECK-NEXT:      Name x (store) @39:2
# CHECK-NEXT:      IntLiteral 1 @39:6
# CHECK-NEXT:    If @40:2
# CHECK-NEXT:      test: Name b @40:5
# CHECK-NEXT:      Assign @41:3
# CHECK-NEXT:        Name y (store) @41:3
# CHECK-NEXT:        IntLiteral 2 @41:7
# CHECK-NEXT:  Assign @42:1
# CHECK-NEXT:    Name z (store) @42:1
# CHECK-NEXT:    IntLiteral 3 @42:5

# Tests dedenting several levels at once.
for i in r:
    for j in r:
        if j:
            pass
w = 0
# CHECK:  For @58:1
# CHECK-NEXT:    target: Name i (store) @58:5
# CHECK-NEXT:    iter: Name r @58:10
# CHECK-NEXT:    For @59:5
# CHECK-NEXT:      target: Name j (store) @59:9
# CHECK-NEXT:      iter: Name r @59:14
# CHECK-NEXT:      If @60:9
# CHECK-NEXT:        test: Name j @60:12
# CHECK-NEXT:        Pass @61:13
# CHECK-NEXT:  Assign @62:1
# CHECK-NEXT:    Name w (store) @62:1
# CHECK-NEXT:    IntLiteral 0 @62:5

# Tests a block that ends at a comment line with different indentation.
if a:
    x = 1
  # odd comment
    y = 2
# CHECK:  If @77:1
# CHECK-NEXT:    test: Name a @77:4
# CHECK-NEXT:    Assign @78:5
# CHECK-NEXT:      Name x (store) @78:5
# CHECK-NEXT:      IntLiteral 1 @78:9
# CHECK-NEXT:    Assign @80:5
# CHECK-NEXT:      Name y (store) @80:5
# CHECK-NEXT:      IntLiteral 2 @80:9
