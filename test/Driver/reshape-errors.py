# RUN: split-file %s %t
# RUN: not dac build %t/newaxis.py -o %t/n 2>&1 | FileCheck %s --check-prefix=NEWAXIS
# RUN: dac build %t/late.py -o %t/late
# RUN: not %mpirun -n 3 %t/late 2>&1 | FileCheck %s --check-prefix=LATE
# RUN: dac build %t/lateinfer.py -o %t/li
# RUN: not %mpirun -n 2 %t/li 2>&1 | FileCheck %s --check-prefix=LATEINFER
# RUN: dac build %t/negative.py -o %t/neg
# RUN: not %mpirun -n 2 %t/neg 2>&1 | FileCheck %s --check-prefix=NEGATIVE
# A reshape whose sizes disagree is NumPy's ValueError, with NumPy's text
# (an inferred extent is `newaxis`): when compiling if the sizes are known,
# else on every rank with the sizes it found. A negative extent known only
# at run time is refused (NumPy would infer -1 there; dac infers only a
# written -1).

#--- newaxis.py
import numpy as np
a = np.arange(10).reshape(3, -1)
# NEWAXIS: newaxis.py:2:5: error: cannot reshape array of size 10 into shape (3,newaxis)

#--- late.py
import numpy as np
a = np.arange(10.0)
m = a[a > 2]
print(m.size)
print(m.reshape(2, 4))
# LATE: 7
# LATE-NEXT: dac: error: {{.*}}late.py:5:7: ValueError: cannot reshape array of size 7 into shape (2,4) (all 3 ranks)

#--- lateinfer.py
import numpy as np
a = np.arange(10.0)
n = int(a[3])
print(a.reshape(n, -1))
# LATEINFER: dac: error: {{.*}}lateinfer.py:4:7: ValueError: cannot reshape array of size 10 into shape (3,newaxis) (all 2 ranks)

#--- negative.py
import numpy as np
a = np.arange(10.0)
n = int(a[1]) - 2
print(a.reshape(n, 10))
# NEGATIVE: dac: error: {{.*}}negative.py:4:7: ValueError: a reshape extent known only at run time must not be negative
