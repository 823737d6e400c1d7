# RUN: dac-script-parse %s | FileCheck %s --strict-whitespace --match-full-lines

# Tests decimal integers, with and without underscores, and int64 max.
x = 0, 10, 00, 1_000_000, 9223372036854775807
# CHECK:  Assign @4:1
# CHECK-NEXT:    Name x (store) @4:1
# CHECK-NEXT:    Tuple @4:5
# CHECK-NEXT:      IntLiteral 0 @4:5
# CHECK-NEXT:      IntLiteral 10 @4:8
# CHECK-NEXT:      IntLiteral 0 @4:12
# CHECK-NEXT:      IntLiteral 1000000 @4:16
# CHECK-NEXT:      IntLiteral 9223372036854775807 @4:27

# Tests hexadecimal, octal and binary integers in both cases.
x = 0x10, 0XfF, 0o17, 0O7, 0b101, 0B1, 0x_ff
# CHECK:  Assign @15:1
# CHECK-NEXT:    Name x (store) @15:1
# CHECK-NEXT:    Tuple @15:5
# CHECK-NEXT:      IntLiteral 16 @15:5
# CHECK-NEXT:      IntLiteral 255 @15:11
# CHECK-NEXT:      IntLiteral 15 @15:17
# CHECK-NEXT:      IntLiteral 7 @15:23
# CHECK-NEXT:      IntLiteral 5 @15:28
# CHECK-NEXT:      IntLiteral 1 @15:35
# CHECK-NEXT:      IntLiteral 255 @15:40

# Tests that a keyword may follow a number directly.
x = 1if y else 2
# CHECK:  Assign @28:1
# CHECK-NEXT:    Name x (store) @28:1
# CHECK-NEXT:    IfExp @28:5
# CHECK-NEXT:      test: Name y @28:9
# CHECK-NEXT:      body: IntLiteral 1 @28:5
# CHECK-NEXT:      orelse: IntLiteral 2 @28:16

# Tests float forms; values print like Python's repr.
x = 1., .5, 1e-3, 1_0.5e+2, 2.5E3, 0.1, 1e16, 1e-5, 123456789.125
# CHECK:  Assign @37:1
# CHECK-NEXT:    Name x (store) @37:1
# CHECK-NEXT:    Tuple @37:5
# CHECK-NEXT:      FloatLiteral 1.0 @37:5
# CHECK-NEXT:      FloatLiteral 0.5 @37:9
# CHECK-NEXT:      FloatLiteral 0.001 @37:13
# CHECK-NEXT:      FloatLiteral 1050.0 @37:19
# CHECK-NEXT:      FloatLiteral 2500.0 @37:29
# CHECK-NEXT:      FloatLiteral 0.1 @37:36
# CHECK-NEXT:      FloatLiteral 1e+16 @37:41
# CHECK-NEXT:      FloatLiteral 1e-05 @37:47
# CHECK-NEXT:      FloatLiteral 123456789.125 @37:53

# Tests that an out-of-range float is infinity, as in Python.
x = 1e400
# CHECK:  Assign @52:1
# CHECK-NEXT:    Name x (store) @52:1
# CHECK-NEXT:    FloatLiteral inf @52:5

# Tests the constants.
x = True, False, None, ...
# CHECK:  Assign @58:1
# CHECK-NEXT:    Name x (store) @58:1
# CHECK-NEXT:    Tuple @58:5
# CHECK-NEXT:      BoolLiteral True @58:5
# CHECK-NEXT:      BoolLiteral False @58:11
# CHECK-NEXT:      NoneLiteral @58:18
# CHECK-NEXT:      EllipsisLiteral @58:24

# Tests that a negative literal is a unary minus applied to a literal.
x = -1, -0.5
# CHECK:  Assign @68:1
# CHECK-NEXT:    Name x (store) @68:1
# CHECK-NEXT:    Tuple @68:5
# CHECK-NEXT:      UnaryOp - @68:5
# CHECK-NEXT:        IntLiteral 1 @68:6
# CHECK-NEXT:      UnaryOp - @68:9
# CHECK-NEXT:        FloatLiteral 0.5 @68:10
