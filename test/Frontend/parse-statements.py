# RUN: dac-script-parse %s | FileCheck %s --strict-whitespace --match-full-lines

# Tests the import forms.
import numpy as np
import dac.numpy as dnp, math
import os.path
# CHECK:  Import numpy as np @4:1
# CHECK-NEXT:  Import dac.numpy as dnp, math @5:1
# CHECK-NEXT:  Import os.path @6:1

# Tests from-imports, relative and parenthesized.
from math import pi, sqrt as s
from . import x
from ..pkg.mod import (a,
    b as c,)
# CHECK:  ImportFrom math import pi, sqrt as s @12:1
# CHECK-NEXT:  ImportFrom . import x @13:1
# CHECK-NEXT:  ImportFrom ..pkg.mod import a, b as c @14:1

# Tests expression statements, including a docstring.
"""Doc."""
print(a, sep='', end='\n')
# CHECK:  ExprStmt @21:1
# CHECK-NEXT:    StringLiteral "Doc." @21:1
# CHECK-NEXT:  ExprStmt @22:1
# CHECK-NEXT:    Call @22:1
# CHECK-NEXT:      Name print @22:1
# CHECK-NEXT:      Name a @22:7
# CHECK-NEXT:      keyword sep: StringLiteral "" @22:14
# CHECK-NEXT:      keyword end: StringLiteral "\n" @22:22

# Tests semicolon-separated statements and a trailing semicolon.
a = 1; b = 2;
# CHECK:  Assign @33:1
# CHECK-NEXT:    Name a (store) @33:1
# CHECK-NEXT:    IntLiteral 1 @33:5
# CHECK-NEXT:  Assign @33:8
# CHECK-NEXT:    Name b (store) @33:8
# CHECK-NEXT:    IntLiteral 2 @33:12

# Tests pass and assert with and without a message.
pass
assert x
assert n > 0, "n must be positive"
# CHECK:  Pass @42:1
# CHECK-NEXT:  Assert @43:1
# CHECK-NEXT:    Name x @43:8
# CHECK-NEXT:  Assert @44:1
# CHECK-NEXT:    Compare > @44:8
# CHECK-NEXT:      Name n @44:8
# CHECK-NEXT:      IntLiteral 0 @44:12
# CHECK-NEXT:    msg: StringLiteral "n must be positive" @44:15

# Tests if/elif/else: an elif is an If alone in the else body.
if a:
    x = 1
elif b:
    x = 2
else:
    x = 3
# CHECK:  If @55:1
# CHECK-NEXT:    test: Name a @55:4
# CHECK-NEXT:    Assign @56:5
# CHECK-NEXT:      Name x (store) @56:5
# CHECK-NEXT:      IntLiteral 1 @56:9
# CHECK-NEXT:    else:
# CHECK-NEXT:      If @57:1
# CHECK-NEXT:        test: Name b @57:6
# CHECK-NEXT:        Assign @58:5
# CHECK-NEXT:          Name x (store) @58:5
# CHECK-NEXT:          IntLiteral 2 @58:9
# CHECK-NEXT:        else:
# CHECK-NEXT:          Assign @60:5
# CHECK-NEXT:            Name x (store) @60:5
# CHECK-NEXT:            IntLiteral 3 @60:9

# Tests a block on the same line as its header.
if a: x = 1; y = 2
# CHECK:  If @78:1
# CHECK-NEXT:    test: Name a @78:4
# CHECK-NEXT:    Assign @78:7
# CHECK-NEXT:      Name x (store) @78:7
# CHECK-NEXT:      IntLiteral 1 @78:11
# CHECK-NEXT:    Assign @78:14
# CHECK-NEXT:      Name y (store) @78:14
# CHECK-NEXT:      IntLiteral 2 @78:18

# Tests for with a tuple target, break, continue and an else clause.
for i, v in enumerate(a):
    if v:
        continue
    break
else:
    pass
# CHECK:  For @89:1
# CHECK-NEXT:    target: Tuple (store) @89:5
# CHECK-NEXT:      Name i (store) @89:5
# CHECK-NEXT:      Name v (store) @89:8
# CHECK-NEXT:    iter: Call @89:13
# CHECK-NEXT:      Name enumerate @89:13
# CHECK-NEXT:      Name a @89:23
# CHECK-NEXT:    If @90:5
# CHECK-NEXT:      test: Name v @90:8
# CHECK-NEXT:      Continue @91:9
# CHECK-NEXT:    Break @92:5
# CHECK-NEXT:    else:
# CHECK-NEXT:      Pass @94:5

# Tests while with an else clause.
while n > 1:
    n //= 2
else:
    n = 0
# CHECK:  While @110:1
# CHECK-NEXT:    test: Compare > @110:7
# CHECK-NEXT:      Name n @110:7
# CHECK-NEXT:      IntLiteral 1 @110:11
# CHECK-NEXT:    AugAssign //= @111:5
# CHECK-NEXT:      Name n (store) @111:5
# CHECK-NEXT:      IntLiteral 2 @111:11
# CHECK-NEXT:    else:
# CHECK-NEXT:      Assign @113:5
# CHECK-NEXT:        Name n (store) @113:5
# CHECK-NEXT:        IntLiteral 0 @113:9

# Tests the main guard.
if __name__ == "__main__":
    main()
# CHECK:  If @127:1
# CHECK-NEXT:    test: Compare == @127:4
# CHECK-NEXT:      Name __name__ @127:4
# CHECK-NEXT:      StringLiteral "__main__" @127:16
# CHECK-NEXT:    ExprStmt @128:5
# CHECK-NEXT:      Call @128:5
# CHECK-NEXT:        Name main @128:5
