# RUN: split-file %s %t
# RUN: not dac build %t/loop.py -o %t/loop 2>&1 | FileCheck %s --check-prefix=LOOP
# RUN: not test -e %t/loop
# RUN: not dac build %t/name.py -o %t/name 2>&1 | FileCheck %s --check-prefix=NAME
# RUN: not dac build %t/args.py -o %t/args 2>&1 | FileCheck %s --check-prefix=ARGS
# RUN: not dac build %t/np.py -o %t/np 2>&1 | FileCheck %s --check-prefix=NP
# RUN: not dac build %t/shape.py -o %t/shape 2>&1 | FileCheck %s --check-prefix=SHAPE
# RUN: not dac build %t/printarr.py -o %t/p 2>&1 | FileCheck %s --check-prefix=PRINTARR
# RUN: not dac build %t/module.py -o %t/m 2>&1 | FileCheck %s --check-prefix=MODULE
# RUN: not dac build %t/runtimeif.py -o %t/r 2>&1 | FileCheck %s --check-prefix=RTIF
# RUN: not dac build %t/index.py -o %t/i 2>&1 | FileCheck %s --check-prefix=INDEX
# RUN: not dac build %t/seed.py -o %t/s 2>&1 | FileCheck %s --check-prefix=SEED
# RUN: not dac build %t/axis.py -o %t/a 2>&1 | FileCheck %s --check-prefix=AXIS
# RUN: not dac build %t/badaxis.py -o %t/b 2>&1 | FileCheck %s --check-prefix=BADAXIS
# RUN: not dac build %t/badshape.py -o %t/b 2>&1 | FileCheck %s --check-prefix=BADSHAPE
# RUN: not dac build %t/cast.py -o %t/c 2>&1 | FileCheck %s --check-prefix=CAST
# RUN: not dac build %t/while.py -o %t/w 2>&1 | FileCheck %s --check-prefix=WHILE
# RUN: not dac build %t/long.py -o %t/l 2>&1 | FileCheck %s --check-prefix=LONG
# RUN: not dac build %t/drawif.py -o %t/d 2>&1 | FileCheck %s --check-prefix=DRAWIF

# Tests that constructs outside the supported subset are compile-time
# errors with file:line:col, the source line and a caret, and that no
# output file is left behind.

#--- loop.py
import numpy as np
n = int(np.ones(3).sum())
for i in range(n):
    print(i)
# LOOP: loop.py:3:10: error: range() bounds must be integers known when compiling
# LOOP-NEXT: for i in range(n):
# LOOP-NEXT: {{^}}         ^~~~~~~~

#--- name.py
import numpy as np
x = np.ones(3)
print(y.sum())
# NAME: name.py:3:7: error: name 'y' is not defined
# NAME-NEXT: print(y.sum())
# NAME-NEXT: {{^}}      ^{{$}}

#--- args.py
def f(a, b):
    return a + b
print(f(1))
# ARGS: args.py:3:7: error: f() missing required argument 'b'
# ARGS-NEXT: print(f(1))
# ARGS-NEXT: {{^}}      ^~~~{{$}}

#--- np.py
import numpy as np
print(np.fft(3))
# NP: np.py:2:7: error: np.fft is not supported yet

#--- shape.py
import numpy as np
a = np.ones(3) + np.ones(4)
# SHAPE: shape.py:2:16: error: operands could not be broadcast together with shapes (3,) (4,)
# SHAPE-NEXT: a = np.ones(3) + np.ones(4)
# SHAPE-NEXT: {{^}}               ^{{$}}

#--- printarr.py
import numpy as np
print((np.zeros(2), 1))
# PRINTARR: printarr.py:2:1: error: printing arrays inside tuples or lists is not supported yet

#--- module.py
import scipy
# MODULE: module.py:1:8: error: module 'scipy' is not supported

#--- runtimeif.py
import numpy as np
if np.ones(3).sum() > 2:
    big = 1
print(big)
# RTIF: runtimeif.py:2:4: error: 'big' is assigned in only one branch of this 'if' (on a value known only at run time) and has no value before it

#--- index.py
import numpy as np
a = np.ones(5)
print(a[1:3])
# INDEX: index.py:3:9: error: slicing arrays is not supported yet

#--- seed.py
import numpy as np
rng = np.random.default_rng()
# SEED: seed.py:2:7: error: default_rng() needs an integer seed

#--- axis.py
import numpy as np
print(np.ones((2, 3)).var(axis=0))
# AXIS: axis.py:2:7: error: 'var' along an axis is not supported yet

#--- cast.py
import numpy as np
a = np.arange(4)
a += 0.5
# CAST: cast.py:3:3: error: Cannot cast ufunc output from dtype('float64') to dtype('int64') with casting rule 'same_kind'

#--- while.py
import numpy as np
x = np.ones(4).sum()
while x > 1:
    x = x / 2
# WHILE: while.py:3:7: error: 'while' on a value known only at run time is not supported yet

#--- long.py
s = 0
for i in range(20000):
    s += i
# LONG: long.py:2:10: error: range() of more than 10000 values is not supported yet

#--- drawif.py
import numpy as np
rng = np.random.default_rng(1)
if rng.random() > 0.5:
    x = rng.random()
# DRAWIF: drawif.py:4:9: error: drawing random numbers inside an 'if' on a value known only at run time is not supported yet

#--- badaxis.py
import numpy as np
print(np.ones((2, 3)).sum(axis=2))
# BADAXIS: badaxis.py:2:7: error: axis 2 is out of bounds for array of dimension 2

#--- badshape.py
import numpy as np
a = np.arange(10).reshape(3, 4)
# BADSHAPE: badshape.py:2:5: error: cannot reshape array of size 10 into shape (3, 4)
