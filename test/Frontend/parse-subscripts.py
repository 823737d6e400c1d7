# RUN: dac-script-parse %s | FileCheck %s --strict-whitespace --match-full-lines

# Tests a plain index.
a[i]
# CHECK:  ExprStmt @4:1
# CHECK-NEXT:    Subscript @4:1
# CHECK-NEXT:      Name a @4:1
# CHECK-NEXT:      Name i @4:3

# Tests that several indices form a Tuple index.
a[i, j]
# CHECK:  ExprStmt @11:1
# CHECK-NEXT:    Subscript @11:1
# CHECK-NEXT:      Name a @11:1
# CHECK-NEXT:      Tuple @11:3
# CHECK-NEXT:        Name i @11:3
# CHECK-NEXT:        Name j @11:6

# Tests slices with negative bounds and a step; absent parts are left out.
a[1:-1, ::2]
# CHECK:  ExprStmt @20:1
# CHECK-NEXT:    Subscript @20:1
# CHECK-NEXT:      Name a @20:1
# CHECK-NEXT:      Tuple @20:3
# CHECK-NEXT:        Slice @20:3
# CHECK-NEXT:          lower: IntLiteral 1 @20:3
# CHECK-NEXT:          upper: UnaryOp - @20:5
# CHECK-NEXT:            IntLiteral 1 @20:6
# CHECK-NEXT:        Slice @20:9
# CHECK-NEXT:          step: IntLiteral 2 @20:11

# Tests the full slice and a reversing slice.
a[:]
a[::-1]
# CHECK:  ExprStmt @33:1
# CHECK-NEXT:    Subscript @33:1
# CHECK-NEXT:      Name a @33:1
# CHECK-NEXT:      Slice @33:3
# CHECK-NEXT:  ExprStmt @34:1
# CHECK-NEXT:    Subscript @34:1
# CHECK-NEXT:      Name a @34:1
# CHECK-NEXT:      Slice @34:3
# CHECK-NEXT:        step: UnaryOp - @34:5
# CHECK-NEXT:          IntLiteral 1 @34:6

# Tests all three slice parts.
a[1:n:2]
# CHECK:  ExprStmt @47:1
# CHECK-NEXT:    Subscript @47:1
# CHECK-NEXT:      Name a @47:1
# CHECK-NEXT:      Slice @47:3
# CHECK-NEXT:        lower: IntLiteral 1 @47:3
# CHECK-NEXT:        upper: Name n @47:5
# CHECK-NEXT:        step: IntLiteral 2 @47:7

# Tests Ellipsis and None (np.newaxis) as indices.
a[..., None]
# CHECK:  ExprStmt @57:1
# CHECK-NEXT:    Subscript @57:1
# CHECK-NEXT:      Name a @57:1
# CHECK-NEXT:      Tuple @57:3
# CHECK-NEXT:        EllipsisLiteral @57:3
# CHECK-NEXT:        NoneLiteral @57:8

# Tests that a trailing comma makes a one-element Tuple index.
a[i,]
# CHECK:  ExprStmt @66:1
# CHECK-NEXT:    Subscript @66:1
# CHECK-NEXT:      Name a @66:1
# CHECK-NEXT:      Tuple @66:3
# CHECK-NEXT:        Name i @66:3

# Tests an index that is itself a parenthesized tuple.
a[(1, 2)]
# CHECK:  ExprStmt @74:1
# CHECK-NEXT:    Subscript @74:1
# CHECK-NEXT:      Name a @74:1
# CHECK-NEXT:      Tuple @74:3
# CHECK-NEXT:        IntLiteral 1 @74:4
# CHECK-NEXT:        IntLiteral 2 @74:7

# Tests a subscript of a subscript.
a[0][1:]
# CHECK:  ExprStmt @83:1
# CHECK-NEXT:    Subscript @83:1
# CHECK-NEXT:      Subscript @83:1
# CHECK-NEXT:        Name a @83:1
# CHECK-NEXT:        IntLiteral 0 @83:3
# CHECK-NEXT:      Slice @83:6
# CHECK-NEXT:        lower: IntLiteral 1 @83:6
