# math.fmod, math.copysign, np.copysign and divmod() with Python's results.
import math
import numpy as np
n = int(np.ones(3).sum())
print(math.fmod(-n, 2), math.fmod(7.5, -2.0), math.copysign(n, -0.0), math.copysign(2.5, n))
print(divmod(-7, n), divmod(n * 2.5, -1.0), divmod(7, 2))
a = np.array([-1.5, 2.0, 0.0])
print(np.copysign(a, -1.0), np.copysign(np.ones(3), a))
