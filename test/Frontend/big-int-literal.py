# RUN: dac-script-parse %s | FileCheck %s --check-prefix=AST
# RUN: not dac %s --emit=dist -o %t.mlir 2>&1 | FileCheck %s --strict-whitespace --match-full-lines --check-prefix=ERR

# Tests that an integer literal beyond int64 parses (Python's ints are
# unbounded; an expression of literals folds it exactly, see
# e2e/int_literals.py), and that where its own value is needed it is an
# OverflowError at its place.
# AST: IntLiteral base 10 9223372036854775808
# AST: IntLiteral base 16 10000000000000000
# ERR:{{.*}}big-int-literal.py:14:5: error: OverflowError: the exact result does not fit in 64 bits (dac's Python ints are int64)
# ERR-NEXT:x = 9_223_372_036_854_775_808
# ERR-NEXT:    ^~~~~~~~~~~~~~~~~~~~~~~~~

x = 9_223_372_036_854_775_808
y = 0x1_0000_0000_0000_0000
