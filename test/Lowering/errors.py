# RUN: split-file %s %t
# RUN: not dac build %t/name.py -o %t/name 2>&1 | FileCheck %s --check-prefix=NAME
# RUN: not dac build %t/args.py -o %t/args 2>&1 | FileCheck %s --check-prefix=ARGS
# RUN: not dac build %t/np.py -o %t/np 2>&1 | FileCheck %s --check-prefix=NP
# RUN: not dac build %t/shape.py -o %t/shape 2>&1 | FileCheck %s --check-prefix=SHAPE
# RUN: not dac build %t/printarr.py -o %t/p 2>&1 | FileCheck %s --check-prefix=PRINTARR
# RUN: not dac build %t/module.py -o %t/m 2>&1 | FileCheck %s --check-prefix=MODULE
# RUN: not dac build %t/runtimeif.py -o %t/r 2>&1 | FileCheck %s --check-prefix=RTIF
# RUN: not dac build %t/seed.py -o %t/s 2>&1 | FileCheck %s --check-prefix=SEED
# RUN: not dac build %t/badaxis.py -o %t/b 2>&1 | FileCheck %s --check-prefix=BADAXIS
# RUN: not dac build %t/badshape.py -o %t/b 2>&1 | FileCheck %s --check-prefix=BADSHAPE
# RUN: not dac build %t/cast.py -o %t/c 2>&1 | FileCheck %s --check-prefix=CAST

# RUN: not dac build %t/loopreturn.py -o %t/lr 2>&1 | FileCheck %s --check-prefix=LOOPRETURN
# RUN: not test -e %t/lr
# RUN: not dac build %t/looplist.py -o %t/ll 2>&1 | FileCheck %s --check-prefix=LOOPLIST
# RUN: not dac build %t/loopunbound.py -o %t/lu 2>&1 | FileCheck %s --check-prefix=LOOPUNBOUND
# RUN: not dac build %t/loopshape.py -o %t/ls 2>&1 | FileCheck %s --check-prefix=LOOPSHAPE
# RUN: not dac build %t/looptuple.py -o %t/lt 2>&1 | FileCheck %s --check-prefix=LOOPTUPLE
# RUN: not dac build %t/rangefloat.py -o %t/rf 2>&1 | FileCheck %s --check-prefix=RANGEFLOAT
# RUN: not dac build %t/rangezero.py -o %t/rz 2>&1 | FileCheck %s --check-prefix=RANGEZERO
# RUN: not dac build %t/rangeuse.py -o %t/ru 2>&1 | FileCheck %s --check-prefix=RANGEUSE
# RUN: not dac build %t/ifexpdraw.py -o %t/id 2>&1 | FileCheck %s --check-prefix=IFEXPDRAW
# RUN: not dac build %t/anddraw.py -o %t/ad 2>&1 | FileCheck %s --check-prefix=ANDDRAW
# RUN: not dac build %t/fancy.py -o %t/f 2>&1 | FileCheck %s --check-prefix=FANCY
# RUN: not dac build %t/scanaxis.py -o %t/sa 2>&1 | FileCheck %s --check-prefix=SCANAXIS
# RUN: not dac build %t/scanscalar.py -o %t/ss 2>&1 | FileCheck %s --check-prefix=SCANSCALAR
# RUN: not dac build %t/stepzero.py -o %t/sz 2>&1 | FileCheck %s --check-prefix=STEPZERO
# RUN: not dac build %t/outofbounds.py -o %t/ob 2>&1 | FileCheck %s --check-prefix=OUTOFBOUNDS
# RUN: not dac build %t/toomany.py -o %t/tm 2>&1 | FileCheck %s --check-prefix=TOOMANY
# RUN: not dac build %t/assignshape.py -o %t/as 2>&1 | FileCheck %s --check-prefix=ASSIGNSHAPE
# RUN: not dac build %t/broadcast.py -o %t/bc 2>&1 | FileCheck %s --check-prefix=BROADCAST
# RUN: not dac build %t/viewif.py -o %t/vi 2>&1 | FileCheck %s --check-prefix=VIEWIF
# RUN: not dac build %t/viewswap.py -o %t/vs 2>&1 | FileCheck %s --check-prefix=VIEWSWAP
# RUN: not dac build %t/maskdivide.py -o %t/md 2>&1 | FileCheck %s --check-prefix=MASKDIVIDE
# RUN: not dac build %t/aliasloop.py -o %t/al 2>&1 | FileCheck %s --check-prefix=ALIASLOOP
# RUN: not dac build %t/aliasif.py -o %t/ai 2>&1 | FileCheck %s --check-prefix=ALIASIF
# RUN: not dac build %t/reshapeview.py -o %t/rv 2>&1 | FileCheck %s --check-prefix=RESHAPEVIEW
# RUN: not dac build %t/padmode.py -o %t/pm 2>&1 | FileCheck %s --check-prefix=PADMODE
# RUN: not dac build %t/copyto.py -o %t/ct 2>&1 | FileCheck %s --check-prefix=COPYTO
# RUN: not dac build %t/padwide.py -o %t/pw 2>&1 | FileCheck %s --check-prefix=PADWIDE
# RUN: not dac build %t/padwrap.py -o %t/pwr 2>&1 | FileCheck %s --check-prefix=PADWRAP
# RUN: not dac build %t/attrmodule.py -o %t/am 2>&1 | FileCheck %s --check-prefix=ATTRMODULE
# RUN: not dac build %t/attrgen.py -o %t/ag 2>&1 | FileCheck %s --check-prefix=ATTRGEN
# RUN: not dac build %t/attrarray.py -o %t/aa 2>&1 | FileCheck %s --check-prefix=ATTRARRAY
# RUN: not dac build %t/padempty.py -o %t/pe 2>&1 | FileCheck %s --check-prefix=PADEMPTY
# RUN: not dac build %t/reshapebase.py -o %t/rb 2>&1 | FileCheck %s --check-prefix=RESHAPEBASE
# RUN: not dac build %t/recursion.py -o %t/rc 2>&1 | FileCheck %s --check-prefix=RECURSION
# RUN: not dac build %t/globalassign.py -o %t/ga 2>&1 | FileCheck %s --check-prefix=GLOBALASSIGN
# RUN: not dac build %t/floatstr.py -o %t/fs 2>&1 | FileCheck %s --check-prefix=FLOATSTR
# RUN: not dac build %t/intstr.py -o %t/is 2>&1 | FileCheck %s --check-prefix=INTSTR
# RUN: not dac build %t/enumeratearray.py -o %t/ea 2>&1 | FileCheck %s --check-prefix=ENUMERATEARRAY
# RUN: not dac build %t/meshgridindexing.py -o %t/mi 2>&1 | FileCheck %s --check-prefix=MESHGRIDINDEXING
# RUN: not dac build %t/forarray2d.py -o %t/f2 2>&1 | FileCheck %s --check-prefix=FORARRAY2D
# RUN: not dac build %t/recursiondeep.py -o %t/rd 2>&1 | FileCheck %s --check-prefix=RECURSIONDEEP
# RUN: not dac build %t/fstringarray.py -o %t/fa 2>&1 | FileCheck %s --check-prefix=FSTRINGARRAY
# RUN: not dac build %t/maxfloats.py -o %t/mf 2>&1 | FileCheck %s --check-prefix=MAXFLOATS
# RUN: not dac build %t/wheretwo.py -o %t/w2 2>&1 | FileCheck %s --check-prefix=WHERETWO
# RUN: not dac build %t/normsvd.py -o %t/ns 2>&1 | FileCheck %s --check-prefix=NORMSVD
# RUN: not dac build %t/normfro.py -o %t/nf 2>&1 | FileCheck %s --check-prefix=NORMFRO
# Tests that constructs outside the supported subset are compile-time
# errors with file:line:col, the source line and a caret, and that no
# output file is left behind.

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
# RTIF: runtimeif.py:4:7: error: 'big' is assigned in only one branch of an 'if' on a value known only at run time and has no value before it
# RTIF-NEXT: print(big)

#--- seed.py
import numpy as np
rng = np.random.default_rng()
# SEED: seed.py:2:7: error: default_rng() needs an integer seed

#--- cast.py
import numpy as np
a = np.arange(4)
a += 0.5
# CAST: cast.py:3:3: error: Cannot cast ufunc output from dtype('float64') to dtype('int64') with casting rule 'same_kind'

#--- badaxis.py
import numpy as np
print(np.ones((2, 3)).sum(axis=2))
# BADAXIS: badaxis.py:2:7: error: axis 2 is out of bounds for array of dimension 2

#--- badshape.py
import numpy as np
a = np.arange(10).reshape(3, 4)
# BADSHAPE: badshape.py:2:5: error: cannot reshape array of size 10 into shape (3,4)

#--- loopreturn.py
import numpy as np
def first_big(a, limit):
    for i in range(int(a.sum())):
        if i > limit:
            return i
print(first_big(np.ones(5), 2))
# LOOPRETURN: loopreturn.py:6:7: error: first_big() returns a value on some run-time paths and reaches its end without 'return' on others; end it with a 'return'

#--- looplist.py
import numpy as np
xs = []
n = int(np.ones(3).sum())
for i in range(n):
    xs.append(i)
# LOOPLIST: looplist.py:5:5: error: changing a list inside a loop over range(), a 'while' loop or an 'if' on a value known only at run time is not supported (lists are values known when compiling)

#--- loopunbound.py
import numpy as np
n = int(np.ones(3).sum())
for i in range(n):
    last = i * 2
print(last)
# LOOPUNBOUND: loopunbound.py:5:7: error: 'last' is assigned only inside a loop that runs a number of times known only at run time; give it a value before the loop to use it after

#--- loopshape.py
import numpy as np
a = np.ones(4)
n = int(a.sum())
for i in range(n):
    a = np.ones((5, 2))
# LOOPSHAPE: loopshape.py:4:10: error: 'a' is an array of float64 before this block and an array of float64 after it; an array that changes inside a loop must keep its dtype and number of dimensions

#--- looptuple.py
import numpy as np
t = (1, 2)
n = int(np.ones(3).sum())
for i in range(n):
    t = (i, i)
# LOOPTUPLE: looptuple.py:4:10: error: 't' is rebound to a tuple inside this block, which runs a number of times known only at run time; only numbers and arrays can change there

#--- rangefloat.py
for i in range(2.5):
    pass
# RANGEFLOAT: rangefloat.py:1:10: error: 'float' object cannot be interpreted as an integer

#--- rangezero.py
for i in range(0, 10, 0):
    pass
# RANGEZERO: rangezero.py:1:10: error: range() arg 3 must not be zero

#--- rangeuse.py
import numpy as np
n = int(np.ones(3).sum())
print(len(range(n)))
# RANGEUSE: rangeuse.py:3:7: error: a range() whose bounds are known only at run time can only be iterated by a 'for' loop

#--- ifexpdraw.py
import numpy as np
rng = np.random.default_rng(1)
s = np.ones(3).sum()
x = rng.random() if s > 1 else 0.0
# IFEXPDRAW: ifexpdraw.py:4:5: error: drawing random numbers inside a conditional expression ('x if c else y') or after 'and'/'or', on a value known only at run time, is not supported; use an 'if' statement

#--- anddraw.py
import numpy as np
rng = np.random.default_rng(1)
n = int(np.arange(4).sum())
x = n > 3 and rng.random() > 0.5
# Python draws only where n > 3: a draw in every case would shift the stream.
# ANDDRAW: anddraw.py:4:15: error: drawing random numbers inside a conditional expression ('x if c else y') or after 'and'/'or', on a value known only at run time, is not supported; use an 'if' statement

#--- fancy.py
import numpy as np
a = np.ones((5, 2))
print(a[np.arange(2), 1])
# FANCY: fancy.py:3:7: error: indexing with an integer array next to other indices, or writing through one, is not supported yet (a[idx] reads rows)

#--- scanaxis.py
import numpy as np
a = np.ones((2, 3))
print(np.cumsum(a, axis=2))
# SCANAXIS: scanaxis.py:3:7: error: axis 2 is out of bounds for array of dimension 2

#--- scanscalar.py
import numpy as np
print(np.maximum.accumulate(5.0))
# SCANSCALAR: scanscalar.py:2:7: error: cannot accumulate on a scalar

#--- stepzero.py
import numpy as np
a = np.arange(5)
print(a[::0])
# STEPZERO: stepzero.py:3:7: error: slice step cannot be zero

#--- outofbounds.py
import numpy as np
a = np.ones((4, 3))
a[1, 3] = 2.0
# OUTOFBOUNDS: outofbounds.py:3:1: error: index 3 is out of bounds for axis 1 with size 3

#--- toomany.py
import numpy as np
a = np.ones(4)
print(a[1:, 2])
# TOOMANY: toomany.py:3:7: error: too many indices for array: array is 1-dimensional, but 2 were indexed

#--- assignshape.py
import numpy as np
a = np.zeros(10)
a[2:5] = np.ones(5)
# ASSIGNSHAPE: assignshape.py:3:1: error: could not broadcast input array from shape (5,) into shape (3,)

#--- broadcast.py
import numpy as np
a = np.ones((3, 4)) + np.ones((2, 1))
# BROADCAST: broadcast.py:2:21: error: operands could not be broadcast together with shapes (3,4) (2,1)

#--- viewif.py
import numpy as np
a = np.arange(6.0)
if a.sum() > 100:
    v = a[:3]
else:
    v = a[3:]
v[0] = -1
# VIEWIF: viewif.py:3:4: error: 'v' is bound to a view (a slice) that differs depending on a run-time condition or loop iteration; this is not supported yet

#--- viewswap.py
import numpy as np
a = np.arange(8.0)
u = a[:4]
v = a[4:]
n = int(a[1:3].sum())
for it in range(n):
    u, v = v, u
# VIEWSWAP: viewswap.py:6:11: error: 'u' is bound to a view (a slice) that differs depending on a run-time condition or loop iteration

#--- maskdivide.py
import numpy as np
v = np.arange(5)
v[v > 2] /= 2
# MASKDIVIDE: maskdivide.py:3:10: error: Cannot cast ufunc output from dtype('float64') to dtype('int64') with casting rule 'same_kind'

#--- aliasloop.py
import numpy as np
a = np.zeros(4)
u = a
un = np.zeros(4)
n = int(a.sum()) + 4
for k in range(n):
    un[:] = u + 1
    u, un = un, u
# ALIASLOOP: aliasloop.py:7:5: error: 'un' is written in place here, but whether it shares its array with another name depends on a run-time branch or loop iteration

#--- aliasif.py
import numpy as np
a = np.zeros(4)
b = np.ones(4)
if a.sum() < 1:
    u = b
else:
    u = a
u[0] = 7.0
# ALIASIF: aliasif.py:8:1: error: 'u' is written in place here, but whether it shares its array with another name depends on a run-time branch or loop iteration

#--- reshapeview.py
import numpy as np
a = np.arange(6.0)
b = a.reshape(2, 3)
b[0, 0] = 99
print(a)
# RESHAPEVIEW: reshapeview.py:4:1: error: writing into an array while a reshape of it (or the array it is a reshape of) is alive is not supported yet: NumPy shares their memory

#--- reshapebase.py
import numpy as np
a = np.arange(12.0)
b = a.reshape(3, 4)
a[3:5] += 1.0
print(b)
# RESHAPEBASE: reshapebase.py:4:1: error: writing into an array while a reshape of it

#--- padmode.py
import numpy as np
a = np.arange(4.0)
b = np.pad(a, 1, mode='mean')
# PADMODE: padmode.py:3:5: error: np.pad mode 'mean' is not supported yet (constant, edge, wrap, reflect and symmetric are)

#--- padwide.py
import numpy as np
a = np.arange(4.0)
b = np.pad(a, (0, 4), mode='reflect')
# PADWIDE: padwide.py:3:5: error: np.pad mode 'reflect' with a pad wider than the array minus one (repeated reflection) is not supported yet

#--- attrmodule.py
import numpy as np
x = np.ara
# ATTRMODULE: attrmodule.py:2:8: error: AttributeError: module 'numpy' has no attribute 'ara'

#--- attrgen.py
import numpy as np
rng = np.random.default_rng(1)
first = rng.rand
# ATTRGEN: attrgen.py:3:13: error: AttributeError: 'numpy.random._generator.Generator' object has no attribute 'rand'

#--- attrarray.py
import numpy as np
a = np.ones(3)
print(a.summ)
# ATTRARRAY: attrarray.py:3:9: error: AttributeError: 'numpy.ndarray' object has no attribute 'summ'

#--- padwrap.py
import numpy as np
a = np.arange(5.0)
b = np.pad(a, (7, 1), mode='wrap')
# PADWRAP: padwrap.py:3:5: error: np.pad mode 'wrap' with pads on both sides, one wider than the array, is not supported yet

#--- padempty.py
import numpy as np
a = np.zeros((3, 0))
b = np.pad(a, ((0, 0), (1, 1)), mode='wrap')
# PADEMPTY: padempty.py:3:5: error: can't extend empty axis 1 using modes other than 'constant' or 'empty'

#--- copyto.py
import numpy as np
a = np.zeros(4, dtype=np.int64)
np.copyto(a, np.ones(4) * 0.5)
# COPYTO: copyto.py:3:1: error: Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'same_kind'

#--- recursion.py
import numpy as np
def total(a, n):
    if n <= 0:
        return a.sum()
    return total(a, n - 1)
k = int(np.ones(2).sum())
print(total(np.ones(3), k))
# RECURSION: recursion.py:5:12: error: recursion is not supported: total() calls itself with arguments of the same kinds
# RECURSION-NEXT: return total(a, n - 1)

#--- recursiondeep.py
def count(n):
    return 0 if n == 0 else 1 + count(n - 1)
print(count(100))
# RECURSIONDEEP: recursiondeep.py:2:33: error: recursion is not supported (calls nested deeper than 64)

#--- globalassign.py
import numpy as np
total = 0.0
def add(a):
    global total
    total += a.sum()
add(np.ones(3))
print(total)
# GLOBALASSIGN: globalassign.py:4:5: error: global 'total' with an assignment to it in the function is not supported yet: return the new value and bind it in the caller (arrays can be updated in place: total[...] = ...)

#--- floatstr.py
x = float("1__0")
# FLOATSTR: floatstr.py:1:5: error: ValueError: could not convert string to float: '1__0'

#--- intstr.py
x = int("4.5")
# INTSTR: intstr.py:1:5: error: ValueError: invalid literal for int() with base 10: '4.5'

#--- enumeratearray.py
import numpy as np
for i, v in enumerate(np.ones(3)):
    print(i, v)
# ENUMERATEARRAY: enumeratearray.py:2:13: error: enumerate() of array of float64 is not supported yet (tuples, lists and range() known when compiling are)

#--- meshgridindexing.py
import numpy as np
X, Y = np.meshgrid(np.ones(2), np.ones(3), indexing="yx")
# MESHGRIDINDEXING: meshgridindexing.py:2:8: error: Valid values for `indexing` are 'xy' and 'ij'.

#--- forarray2d.py
import numpy as np
for row in np.ones((2, 3)):
    print(row)
# FORARRAY2D: forarray2d.py:2:12: error: 'for' loops over array of float64 of other than one dimension are not supported (range(), tuples, lists and 1-D arrays are)

#--- fstringarray.py
import numpy as np
a = np.ones(3)
print(f"{a}")
# FSTRINGARRAY: fstringarray.py:3:9: error: f-string fields must be numbers, strings, tuples or lists, not array of float64

#--- maxfloats.py
import numpy as np
a = np.ones(3, dtype=np.float32)
print(max(a[0], a.sum() * 1.0 + np.float64(a[1])))
# MAXFLOATS: maxfloats.py:3:7: error: min()/max() of values of different types (numpy.float32, numpy.float64) is supported only when the values are known when compiling: the result's type would depend on them

#--- wheretwo.py
import numpy as np
a = np.ones(3)
print(np.where(a > 0, a))
# WHERETWO: wheretwo.py:3:7: error: ValueError: either both or neither of x and y should be given

#--- normsvd.py
import numpy as np
a = np.ones((3, 3))
print(np.linalg.norm(a, 2))
# NORMSVD: normsvd.py:3:7: error: np.linalg.norm of a matrix with ord=2 needs a singular value decomposition, which is not supported yet

#--- normfro.py
import numpy as np
a = np.ones(3)
print(np.linalg.norm(a, 'fro'))
# NORMFRO: normfro.py:3:7: error: ValueError: Invalid norm order 'fro' for vectors
