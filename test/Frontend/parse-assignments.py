# RUN: dac-script-parse %s | FileCheck %s --strict-whitespace --match-full-lines

# Tests a chained assignment: targets in source order, then the value.
a = b = 1
# CHECK:  Assign @4:1
# CHECK-NEXT:    Name a (store) @4:1
# CHECK-NEXT:    Name b (store) @4:5
# CHECK-NEXT:    IntLiteral 1 @4:9

# Tests tuple unpacking; the bare tuples on both sides.
a, b = b, a
# CHECK:  Assign @11:1
# CHECK-NEXT:    Tuple (store) @11:1
# CHECK-NEXT:      Name a (store) @11:1
# CHECK-NEXT:      Name b (store) @11:4
# CHECK-NEXT:    Tuple @11:8
# CHECK-NEXT:      Name b @11:8
# CHECK-NEXT:      Name a @11:11

# Tests nested, parenthesized and list targets.
(a, [b, c]), d = x
# CHECK:  Assign @21:1
# CHECK-NEXT:    Tuple (store) @21:1
# CHECK-NEXT:      Tuple (store) @21:1
# CHECK-NEXT:        Name a (store) @21:2
# CHECK-NEXT:        List (store) @21:5
# CHECK-NEXT:          Name b (store) @21:6
# CHECK-NEXT:          Name c (store) @21:9
# CHECK-NEXT:      Name d (store) @21:14
# CHECK-NEXT:    Name x @21:18

# Tests subscript and attribute targets.
u[1:-1, 1:-1] = 0.25 * u[2:, 1:-1]
s.x = a[i] = v
# CHECK:  Assign @33:1
# CHECK-NEXT:    Subscript (store) @33:1
# CHECK-NEXT:      Name u @33:1
# CHECK-NEXT:      Tuple @33:3
# CHECK-NEXT:        Slice @33:3
# CHECK-NEXT:          lower: IntLiteral 1 @33:3
# CHECK-NEXT:          upper: UnaryOp - @33:5
# CHECK-NEXT:            IntLiteral 1 @33:6
# CHECK-NEXT:        Slice @33:9
# CHECK-NEXT:          lower: IntLiteral 1 @33:9
# CHECK-NEXT:          upper: UnaryOp - @33:11
# CHECK-NEXT:            IntLiteral 1 @33:12
# CHECK-NEXT:    BinaryOp * @33:17
# CHECK-NEXT:      FloatLiteral 0.25 @33:17
# CHECK-NEXT:      Subscript @33:24
# CHECK-NEXT:        Name u @33:24
# CHECK-NEXT:        Tuple @33:26
# CHECK-NEXT:          Slice @33:26
# CHECK-NEXT:            lower: IntLiteral 2 @33:26
# CHECK-NEXT:          Slice @33:30
# CHECK-NEXT:            lower: IntLiteral 1 @33:30
# CHECK-NEXT:            upper: UnaryOp - @33:32
# CHECK-NEXT:              IntLiteral 1 @33:33
# CHECK-NEXT:  Assign @34:1
# CHECK-NEXT:    Attribute s.x (store) @34:1
# CHECK-NEXT:    Subscript (store) @34:7
# CHECK-NEXT:      Name a @34:7
# CHECK-NEXT:      Name i @34:9
# CHECK-NEXT:    Name v @34:14

# Tests a boolean-mask target.
a[a < 0] = 0
# CHECK:  Assign @66:1
# CHECK-NEXT:    Subscript (store) @66:1
# CHECK-NEXT:      Name a @66:1
# CHECK-NEXT:      Compare < @66:3
# CHECK-NEXT:        Name a @66:3
# CHECK-NEXT:        IntLiteral 0 @66:7
# CHECK-NEXT:    IntLiteral 0 @66:12

# Tests every augmented assignment operator.
x += 1
x -= 1
x *= 1
x /= 1
x //= 1
x %= 1
x **= 1
x @= m
x &= 1
x |= 1
x ^= 1
x <<= 1
x >>= 1
# CHECK:  AugAssign += @76:1
# CHECK-NEXT:    Name x (store) @76:1
# CHECK-NEXT:    IntLiteral 1 @76:6
# CHECK-NEXT:  AugAssign -= @77:1
# CHECK-NEXT:    Name x (store) @77:1
# CHECK-NEXT:    IntLiteral 1 @77:6
# CHECK-NEXT:  AugAssign *= @78:1
# CHECK-NEXT:    Name x (store) @78:1
# CHECK-NEXT:    IntLiteral 1 @78:6
# CHECK-NEXT:  AugAssign /= @79:1
# CHECK-NEXT:    Name x (store) @79:1
# CHECK-NEXT:    IntLiteral 1 @79:6
# CHECK-NEXT:  AugAssign //= @80:1
# CHECK-NEXT:    Name x (store) @80:1
# CHECK-NEXT:    IntLiteral 1 @80:7
# CHECK-NEXT:  AugAssign %= @81:1
# CHECK-NEXT:    Name x (store) @81:1
# CHECK-NEXT:    IntLiteral 1 @81:6
# CHECK-NEXT:  AugAssign **= @82:1
# CHECK-NEXT:    Name x (store) @82:1
# CHECK-NEXT:    IntLiteral 1 @82:7
# CHECK-NEXT:  AugAssign @= @83:1
# CHECK-NEXT:    Name x (store) @83:1
# CHECK-NEXT:    Name m @83:6
# CHECK-NEXT:  AugAssign &= @84:1
# CHECK-NEXT:    Name x (store) @84:1
# CHECK-NEXT:    IntLiteral 1 @84:6
# CHECK-NEXT:  AugAssign |= @85:1
# CHECK-NEXT:    Name x (store) @85:1
# CHECK-NEXT:    IntLiteral 1 @85:6
# CHECK-NEXT:  AugAssign ^= @86:1
# CHECK-NEXT:    Name x (store) @86:1
# CHECK-NEXT:    IntLiteral 1 @86:6
# CHECK-NEXT:  AugAssign <<= @87:1
# CHECK-NEXT:    Name x (store) @87:1
# CHECK-NEXT:    IntLiteral 1 @87:7
# CHECK-NEXT:  AugAssign >>= @88:1
# CHECK-NEXT:    Name x (store) @88:1
# CHECK-NEXT:    IntLiteral 1 @88:7

# Tests augmented assignment to a slice.
u[1:] += u[:-1]
# CHECK:  AugAssign += @130:1
# CHECK-NEXT:    Subscript (store) @130:1
# CHECK-NEXT:      Name u @130:1
# CHECK-NEXT:      Slice @130:3
# CHECK-NEXT:        lower: IntLiteral 1 @130:3
# CHECK-NEXT:    Subscript @130:10
# CHECK-NEXT:      Name u @130:10
# CHECK-NEXT:      Slice @130:12
# CHECK-NEXT:        upper: UnaryOp - @130:13
# CHECK-NEXT:          IntLiteral 1 @130:14

# Tests annotated assignments, with and without a value.
n: int = 3
t: tuple[int, int]
s.x: float = 1.0
# CHECK:  AnnAssign @143:1
# CHECK-NEXT:    Name n (store) @143:1
# CHECK-NEXT:    annotation: Name int @143:4
# CHECK-NEXT:    IntLiteral 3 @143:10
# CHECK-NEXT:  AnnAssign @144:1
# CHECK-NEXT:    Name t (store) @144:1
# CHECK-NEXT:    annotation: Subscript @144:4
# CHECK-NEXT:      Name tuple @144:4
# CHECK-NEXT:      Tuple @144:10
# CHECK-NEXT:        Name int @144:10
# CHECK-NEXT:        Name int @144:15
# CHECK-NEXT:  AnnAssign @145:1
# CHECK-NEXT:    Attribute s.x (store) @145:1
# CHECK-NEXT:    annotation: Name float @145:6
# CHECK-NEXT:    FloatLiteral 1.0 @145:14

# Tests that a tuple value needs no parentheses.
shape = 4, 5
# CHECK:  Assign @163:1
# CHECK-NEXT:    Name shape (store) @163:1
# CHECK-NEXT:    Tuple @163:9
# CHECK-NEXT:      IntLiteral 4 @163:9
# CHECK-NEXT:      IntLiteral 5 @163:12
