# RUN: dac-script-parse %s | FileCheck %s --strict-whitespace --match-full-lines

# Tests a function with positional parameters and a bare return.
def f(a, b):
    return
# CHECK:  FunctionDef f(a, b) @4:1
# CHECK-NEXT:    Return @5:5

# Tests defaults, keyword-only parameters after '*', and returning a tuple.
def f(n, seed=0, *, dist='b', grid_shape=None):
    return n, seed
# CHECK:  FunctionDef f(n, seed, *, dist, grid_shape) @10:1
# CHECK-NEXT:    Param seed @10:10
# CHECK-NEXT:      default: IntLiteral 0 @10:15
# CHECK-NEXT:    Param dist @10:21
# CHECK-NEXT:      default: StringLiteral "b" @10:26
# CHECK-NEXT:    Param grid_shape @10:31
# CHECK-NEXT:      default: NoneLiteral @10:42
# CHECK-NEXT:    Return @11:5
# CHECK-NEXT:      Tuple @11:12
# CHECK-NEXT:        Name n @11:12
# CHECK-NEXT:        Name seed @11:15

# Tests positional-only parameters before '/'.
def f(a, b=1, /, c=2):
    pass
# CHECK:  FunctionDef f(a, b, /, c) @25:1
# CHECK-NEXT:    Param b @25:10
# CHECK-NEXT:      default: IntLiteral 1 @25:12
# CHECK-NEXT:    Param c @25:18
# CHECK-NEXT:      default: IntLiteral 2 @25:20
# CHECK-NEXT:    Pass @26:5

# Tests parameter and return annotations, kept in the AST.
def f(x: int, y: float = 1.0) -> np.ndarray:
    pass
# CHECK:  FunctionDef f(x, y) @35:1
# CHECK-NEXT:    Param x @35:7
# CHECK-NEXT:      annotation: Name int @35:10
# CHECK-NEXT:    Param y @35:15
# CHECK-NEXT:      annotation: Name float @35:18
# CHECK-NEXT:      default: FloatLiteral 1.0 @35:26
# CHECK-NEXT:    returns: Attribute np.ndarray @35:34
# CHECK-NEXT:    Pass @36:5

# Tests a nested function with global and nonlocal declarations.
def outer():
    global g
    h = k = 0
    def inner():
        nonlocal h, k
    return inner()
# CHECK:  FunctionDef outer() @47:1
# CHECK-NEXT:    Global g @48:5
# CHECK-NEXT:    Assign @49:5
# CHECK-NEXT:      Name h (store) @49:5
# CHECK-NEXT:      Name k (store) @49:9
# CHECK-NEXT:      IntLiteral 0 @49:13
# CHECK-NEXT:    FunctionDef inner() @50:5
# CHECK-NEXT:      Nonlocal h, k @51:9
# CHECK-NEXT:    Return @52:5
# CHECK-NEXT:      Call @52:12
# CHECK-NEXT:        Name inner @52:12

# Tests calls with keyword arguments, a dict argument and a trailing comma.
a = np.zeros((4, 5), dtype=np.float64, dist={0: 'b'},)
# CHECK:  Assign @66:1
# CHECK-NEXT:    Name a (store) @66:1
# CHECK-NEXT:    Call @66:5
# CHECK-NEXT:      Attribute np.zeros @66:5
# CHECK-NEXT:      Tuple @66:14
# CHECK-NEXT:        IntLiteral 4 @66:15
# CHECK-NEXT:        IntLiteral 5 @66:18
# CHECK-NEXT:      keyword dtype: Attribute np.float64 @66:28
# CHECK-NEXT:      keyword dist: Dict @66:45
# CHECK-NEXT:        key: IntLiteral 0 @66:46
# CHECK-NEXT:        value: StringLiteral "b" @66:49

# Tests that a call result can be called, subscripted and accessed.
f(1)(2)[0].shape
# CHECK:  ExprStmt @80:1
# CHECK-NEXT:    Attribute .shape @80:1
# CHECK-NEXT:      Subscript @80:1
# CHECK-NEXT:        Call @80:1
# CHECK-NEXT:          Call @80:1
# CHECK-NEXT:            Name f @80:1
# CHECK-NEXT:            IntLiteral 1 @80:3
# CHECK-NEXT:          IntLiteral 2 @80:6
# CHECK-NEXT:        IntLiteral 0 @80:9

# Tests a lambda with a default, as passed to np.fromfunction.
a = np.fromfunction(lambda i, j=0: i + j, (3, 3))
# CHECK:  Assign @92:1
# CHECK-NEXT:    Name a (store) @92:1
# CHECK-NEXT:    Call @92:5
# CHECK-NEXT:      Attribute np.fromfunction @92:5
# CHECK-NEXT:      Lambda(i, j) @92:21
# CHECK-NEXT:        Param j @92:31
# CHECK-NEXT:          default: IntLiteral 0 @92:33
# CHECK-NEXT:        BinaryOp + @92:36
# CHECK-NEXT:          Name i @92:36
# CHECK-NEXT:          Name j @92:40
# CHECK-NEXT:      Tuple @92:43
# CHECK-NEXT:        IntLiteral 3 @92:44
# CHECK-NEXT:        IntLiteral 3 @92:47

# Tests a lambda without parameters.
g = lambda: 0
# CHECK:  Assign @108:1
# CHECK-NEXT:    Name g (store) @108:1
# CHECK-NEXT:    Lambda() @108:5
# CHECK-NEXT:      IntLiteral 0 @108:13
