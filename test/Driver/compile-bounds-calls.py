# RUN: %python %s > %t.py
# RUN: timeout 60 dac build %t.py -o %t
# RUN: %python %t.py > %t.numpy
# RUN: %mpirun -n 2 %t > %t.dac
# RUN: diff %t.numpy %t.dac
# Compile time and memory of calls stay bounded when a function reads a
# big global list: the numbers known when compiling that its body can reach
# are shared with the caller, not cloned per call (each call here has its
# own constant argument, so each compiles a body of its own). This file
# prints the script: a 200,000-element list read by 20 calls.
print("import numpy as np")
print("table = [" + ", ".join(str(i % 97) for i in range(200000)) + "]")
print("def f(k, a):")
print("    return table[k] * a.sum()")
print("s = 0.0")
for i in range(20):
    print(f"s = s + f({i}, np.ones({i + 1}))")
print("print(s, len(table))")
