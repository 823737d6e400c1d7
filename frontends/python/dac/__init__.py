"""dac's reference package: lets scripts written for dac run under CPython.

A dac array script is a NumPy program. Scripts that use dac-only helpers
(`import dac`, `import dac.numpy as np`) run under plain CPython + NumPy
with this package on PYTHONPATH; that run is the oracle the compiled
program is compared with.
"""

__all__ = ["numpy"]
