# RUN: %python %s > %t.py
# RUN: timeout 60 dac build %t.py -o %t
# RUN: %python %t.py > %t.numpy
# RUN: %mpirun -n 2 %t > %t.dac
# RUN: diff %t.numpy %t.dac
# RUN: dac %t.py --emit=dist -o - | FileCheck %s
# Compile time stays linear in the script when functions of numbers call
# each other twice, 20 deep: such functions stay calls (inlining them all
# would make 2**20 copies; 12 deep took 123 s before). This file prints
# the script.
# CHECK: func.func private @py.f1({{.*}} attributes {no_inline}
print("import numpy as np")
print("n = int(np.arange(4).sum())")
print("def f0(x):")
print("    return x + 1")
for i in range(1, 21):
    print(f"def f{i}(x):")
    print("    if x > 1000:")
    print(f"        return f{i - 1}(x) + f{i - 1}(x + 1)")
    print(f"    return x + {i}")
print("print(f20(n), f7(n + 2000) % 1000)")
