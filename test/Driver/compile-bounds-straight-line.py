# RUN: %python %s > %t.py
# RUN: timeout 120 dac build %t.py -o %t
# RUN: %python %t.py > %t.numpy
# RUN: %mpirun -n 2 %t > %t.dac
# RUN: diff %t.numpy %t.dac
# RUN: dac %S/../e2e/long_straight_line.py --emit=llvm -o - | FileCheck %s
# Compile time stays near linear in the length of straight-line code:
# every line of Python int arithmetic carries overflow checks (a branch to
# a failure call each), and LLVM's passes grow faster than a function's
# length. Long functions are cut into functions of their own
# (split-long-functions; 4,000 such lines took 45 s before, 12 s after).
# This file prints the script; the check is on a long script of the e2e
# suite, whose main is cut.
# CHECK: define {{.*}}@__dac_part0(
# CHECK: define {{.*}}@main(
# CHECK: call {{.*}}@__dac_part0(
print("import numpy as np")
print("x = int(np.random.default_rng(1).integers(0, 10))")
print("a = np.arange(100.0)")
for i in range(2000):
    print(f"x = (x * 3 + {i}) % 1000003")
    if i % 500 == 0:
        print("a = a * 0.5 + x")
print("print(x, a.sum())")
