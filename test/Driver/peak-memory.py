# RUN: %python %s script > %t.py
# RUN: dac build %t.py -o %t
# RUN: %python %t.py > %t.numpy
# RUN: %python %s measure %t > %t.dac
# RUN: diff %t.numpy %t.dac
# A long script frees each intermediate array after its last use, as NumPy
# does, not when the program ends: 300 statements that each make two new
# 8 MB arrays (a reversal moved by an exchange, and a product) must run in
# far less than the 4.8 GB they held before (early-dealloc). This file
# prints the script, then runs the program and checks its peak memory.
import resource
import subprocess
import sys

if sys.argv[1] == "script":
    print("import numpy as np")
    print("b = np.ones(1000000)")
    for _ in range(300):
        print("b = b[::-1] * 1.0")
    print("print(b.sum())")
else:
    out = subprocess.run([sys.argv[2]], check=True, stdout=subprocess.PIPE)
    sys.stdout.write(out.stdout.decode())
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if peak_mib > 600:
        sys.exit("peak memory %.0f MiB, expected under 600" % peak_mib)
