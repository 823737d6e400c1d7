"""`import dac.numpy as np`: NumPy's API, plus dac's distribution keywords.

Under CPython this module is NumPy itself: every name is re-exported
unchanged. (The distribution keywords `dist=` and `grid_shape=` arrive with
the layout work; until then they are rejected by the compiler and by this
module alike.)
"""

from numpy import *  # noqa: F401,F403
from numpy import random, linalg  # noqa: F401
