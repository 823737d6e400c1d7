# RUN: dac-script-parse %s | FileCheck %s --strict-whitespace --match-full-lines

# Tests that ** binds tighter than a unary minus on its left: -(2**2).
x = -2**2
# CHECK:  Assign @4:1
# CHECK-NEXT:    Name x (store) @4:1
# CHECK-NEXT:    UnaryOp - @4:5
# CHECK-NEXT:      BinaryOp ** @4:6
# CHECK-NEXT:        IntLiteral 2 @4:6
# CHECK-NEXT:        IntLiteral 2 @4:9

# Tests that the exponent of ** may be a unary expression.
x = 2**-1
# CHECK:  Assign @13:1
# CHECK-NEXT:    Name x (store) @13:1
# CHECK-NEXT:    BinaryOp ** @13:5
# CHECK-NEXT:      IntLiteral 2 @13:5
# CHECK-NEXT:      UnaryOp - @13:8
# CHECK-NEXT:        IntLiteral 1 @13:9

# Tests that ** is right-associative: 2**(3**2).
x = 2**3**2
# CHECK:  Assign @22:1
# CHECK-NEXT:    Name x (store) @22:1
# CHECK-NEXT:    BinaryOp ** @22:5
# CHECK-NEXT:      IntLiteral 2 @22:5
# CHECK-NEXT:      BinaryOp ** @22:8
# CHECK-NEXT:        IntLiteral 3 @22:8
# CHECK-NEXT:        IntLiteral 2 @22:11

# Tests that - is left-associative: (a - b) - c.
x = a - b - c
# CHECK:  Assign @32:1
# CHECK-NEXT:    Name x (store) @32:1
# CHECK-NEXT:    BinaryOp - @32:5
# CHECK-NEXT:      BinaryOp - @32:5
# CHECK-NEXT:        Name a @32:5
# CHECK-NEXT:        Name b @32:9
# CHECK-NEXT:      Name c @32:13

# Tests that a chained comparison is one Compare node.
x = a < b < c
# CHECK:  Assign @42:1
# CHECK-NEXT:    Name x (store) @42:1
# CHECK-NEXT:    Compare <, < @42:5
# CHECK-NEXT:      Name a @42:5
# CHECK-NEXT:      Name b @42:9
# CHECK-NEXT:      Name c @42:13

# Tests the two-word comparison operators.
x = a is not b not in c
# CHECK:  Assign @51:1
# CHECK-NEXT:    Name x (store) @51:1
# CHECK-NEXT:    Compare is not, not in @51:5
# CHECK-NEXT:      Name a @51:5
# CHECK-NEXT:      Name b @51:14
# CHECK-NEXT:      Name c @51:23

# Tests that not binds looser than ==: not (a == b).
x = not a == b
# CHECK:  Assign @60:1
# CHECK-NEXT:    Name x (store) @60:1
# CHECK-NEXT:    UnaryOp not @60:5
# CHECK-NEXT:      Compare == @60:9
# CHECK-NEXT:        Name a @60:9
# CHECK-NEXT:        Name b @60:14

# Tests that and binds tighter than or, and not tighter than and.
x = a or not b and c
# CHECK:  Assign @69:1
# CHECK-NEXT:    Name x (store) @69:1
# CHECK-NEXT:    BoolOp or @69:5
# CHECK-NEXT:      Name a @69:5
# CHECK-NEXT:      BoolOp and @69:10
# CHECK-NEXT:        UnaryOp not @69:10
# CHECK-NEXT:          Name b @69:14
# CHECK-NEXT:        Name c @69:20

# Tests that or chains into one BoolOp.
x = a or b or c
# CHECK:  Assign @80:1
# CHECK-NEXT:    Name x (store) @80:1
# CHECK-NEXT:    BoolOp or @80:5
# CHECK-NEXT:      Name a @80:5
# CHECK-NEXT:      Name b @80:10
# CHECK-NEXT:      Name c @80:15

# Tests the conditional expression, which nests to the right.
x = a if b else c if d else e
# CHECK:  Assign @89:1
# CHECK-NEXT:    Name x (store) @89:1
# CHECK-NEXT:    IfExp @89:5
# CHECK-NEXT:      test: Name b @89:10
# CHECK-NEXT:      body: Name a @89:5
# CHECK-NEXT:      orelse: IfExp @89:17
# CHECK-NEXT:        test: Name d @89:22
# CHECK-NEXT:        body: Name c @89:17
# CHECK-NEXT:        orelse: Name e @89:29

# Tests that the conditional expression binds looser than or.
x = a or b if c else d
# CHECK:  Assign @101:1
# CHECK-NEXT:    Name x (store) @101:1
# CHECK-NEXT:    IfExp @101:5
# CHECK-NEXT:      test: Name c @101:15
# CHECK-NEXT:      body: BoolOp or @101:5
# CHECK-NEXT:        Name a @101:5
# CHECK-NEXT:        Name b @101:10
# CHECK-NEXT:      orelse: Name d @101:22

# Tests the precedence of the bitwise and shift operators: | ^ & << +.
x = a | b ^ c & d << e + f
# CHECK:  Assign @112:1
# CHECK-NEXT:    Name x (store) @112:1
# CHECK-NEXT:    BinaryOp | @112:5
# CHECK-NEXT:      Name a @112:5
# CHECK-NEXT:      BinaryOp ^ @112:9
# CHECK-NEXT:        Name b @112:9
# CHECK-NEXT:        BinaryOp & @112:13
# CHECK-NEXT:          Name c @112:13
# CHECK-NEXT:          BinaryOp << @112:17
# CHECK-NEXT:            Name d @112:17
# CHECK-NEXT:            BinaryOp + @112:22
# CHECK-NEXT:              Name e @112:22
# CHECK-NEXT:              Name f @112:26

# Tests that * / // % @ share one level, above + and -.
x = a + b * c @ d // e % f - g / h
# CHECK:  Assign @128:1
# CHECK-NEXT:    Name x (store) @128:1
# CHECK-NEXT:    BinaryOp - @128:5
# CHECK-NEXT:      BinaryOp + @128:5
# CHECK-NEXT:        Name a @128:5
# CHECK-NEXT:        BinaryOp % @128:9
# CHECK-NEXT:          BinaryOp // @128:9
# CHECK-NEXT:            BinaryOp @ @128:9
# CHECK-NEXT:              BinaryOp * @128:9
# CHECK-NEXT:                Name b @128:9
# CHECK-NEXT:                Name c @128:13
# CHECK-NEXT:              Name d @128:17
# CHECK-NEXT:            Name e @128:22
# CHECK-NEXT:          Name f @128:26
# CHECK-NEXT:      BinaryOp / @128:30
# CHECK-NEXT:        Name g @128:30
# CHECK-NEXT:        Name h @128:34

# Tests that unary operators bind looser than trailers: -(a.b(c)[d]).
x = -a.b(c)[d]
# CHECK:  Assign @148:1
# CHECK-NEXT:    Name x (store) @148:1
# CHECK-NEXT:    UnaryOp - @148:5
# CHECK-NEXT:      Subscript @148:6
# CHECK-NEXT:        Call @148:6
# CHECK-NEXT:          Attribute a.b @148:6
# CHECK-NEXT:          Name c @148:10
# CHECK-NEXT:        Name d @148:13

# Tests that ~ and unary + bind tighter than binary +.
x = ~a + +b
# CHECK:  Assign @159:1
# CHECK-NEXT:    Name x (store) @159:1
# CHECK-NEXT:    BinaryOp + @159:5
# CHECK-NEXT:      UnaryOp ~ @159:5
# CHECK-NEXT:        Name a @159:6
# CHECK-NEXT:      UnaryOp + @159:10
# CHECK-NEXT:        Name b @159:11

# Tests that parentheses override precedence; the node starts at '('.
x = (a + b) * c
# CHECK:  Assign @169:1
# CHECK-NEXT:    Name x (store) @169:1
# CHECK-NEXT:    BinaryOp * @169:5
# CHECK-NEXT:      BinaryOp + @169:6
# CHECK-NEXT:        Name a @169:6
# CHECK-NEXT:        Name b @169:10
# CHECK-NEXT:      Name c @169:15

# Tests that a lambda body extends as far right as possible.
f = lambda x: x if x else -x
# CHECK:  Assign @179:1
# CHECK-NEXT:    Name f (store) @179:1
# CHECK-NEXT:    Lambda(x) @179:5
# CHECK-NEXT:      IfExp @179:15
# CHECK-NEXT:        test: Name x @179:20
# CHECK-NEXT:        body: Name x @179:15
# CHECK-NEXT:        orelse: UnaryOp - @179:27
# CHECK-NEXT:          Name x @179:28
