"""`import dac.numpy as np`: NumPy's API, plus dac's distribution keywords.

Every name is NumPy's (`np.sum`, `np.pi`, `np.float64`, `np.linalg`, ...),
except the creation functions, which also take the keyword-only arguments
`dist=` and `grid_shape=` (design/SCRIPT_LANGUAGE.md, "Distribution"):

    zeros ones empty full zeros_like ones_like full_like empty_like arange
    linspace eye identity fromfunction array copy
    random.default_rng(seed).{random, uniform, standard_normal, normal,
                              integers}
    random.{rand, random, random_sample, randn, uniform, normal,
            standard_normal, randint}

They validate the layout (a ValueError -- dac.DistributionError -- says what
is wrong), then return exactly what NumPy returns: same values, dtype and
printing. An array given a layout is a `dac.DistributedArray` (an ndarray
subclass that prints as an ndarray) so that `dac.localshapes` and
`dac.grid_shape` can answer for it and for arrays computed from it.
"""

import functools as _functools
import sys as _sys

import numpy as _numpy
from numpy import *  # noqa: F401,F403

from .._array import explicit_layout as _explicit_layout
from .._array import with_layout as _with_layout
from .._layout import DistributionError as _DistributionError
from .._layout import parse_layout as _parse_layout

__all__ = list(getattr(_numpy, "__all__", ()))


def _apply(result, dist, grid_shape, name):
    """Give `result` the layout `dist` / `grid_shape` (validated)."""
    if dist is None and grid_shape is None:
        return result
    if isinstance(result, tuple) and result and \
            isinstance(result[0], _numpy.ndarray):  # linspace(retstep=True)
        return (_apply(result[0], dist, grid_shape, name),) + result[1:]
    shape = result.shape if isinstance(result, _numpy.ndarray) else ()
    try:
        layout = _parse_layout(dist, grid_shape, shape)
    except _DistributionError as e:
        raise _DistributionError(
            "%s(): invalid distribution for shape %s: %s"
            % (name, tuple(shape), e)) from None
    if not isinstance(result, _numpy.ndarray) or result.ndim == 0:
        return result
    if isinstance(result, _numpy.ndarray) and type(result) is not \
            _numpy.ndarray:
        result = result.view(_numpy.ndarray)
    return _with_layout(result, layout)


def _creation(func, name=None):
    name = name or func.__name__

    @_functools.wraps(func)
    def wrapper(*args, dist=None, grid_shape=None, **kwargs):
        return _apply(func(*args, **kwargs), dist, grid_shape, name)

    wrapper.__doc__ = ("dac: NumPy's `%s`, plus keyword-only `dist=` and "
                       "`grid_shape=`.\n\n" % name) + (func.__doc__ or "")
    return wrapper


zeros = _creation(_numpy.zeros)
ones = _creation(_numpy.ones)
empty = _creation(_numpy.empty)
full = _creation(_numpy.full)
zeros_like = _creation(_numpy.zeros_like)
ones_like = _creation(_numpy.ones_like)
full_like = _creation(_numpy.full_like)
empty_like = _creation(_numpy.empty_like)
arange = _creation(_numpy.arange)
linspace = _creation(_numpy.linspace)
eye = _creation(_numpy.eye)
identity = _creation(_numpy.identity)
fromfunction = _creation(_numpy.fromfunction)
copy = _creation(_numpy.copy)


@_functools.wraps(_numpy.array)
def array(object, *args, dist=None, grid_shape=None, **kwargs):
    result = _numpy.array(object, *args, **kwargs)
    if dist is None and grid_shape is None:
        # A copy of a distributed array keeps its layout (like np.copy).
        layout = _explicit_layout(object)
        if layout is not None and isinstance(result, _numpy.ndarray) and \
                result.shape == layout.shape:
            return _with_layout(result.view(_numpy.ndarray), layout)
        return result
    return _apply(result, dist, grid_shape, "array")


array.__doc__ = ("dac: NumPy's `array`, plus keyword-only `dist=` and "
                 "`grid_shape=`.\n\n" + (_numpy.array.__doc__ or ""))

# `from numpy import *` bound `random` to numpy.random; `from . import`
# would then not load dac.numpy.random.
globals().pop("random", None)
from . import random  # noqa: E402  (after the wrappers it uses)

# Submodules reachable as `import dac.numpy.linalg` too.
for _name in ("linalg", "fft", "ma", "testing", "polynomial", "lib",
              "typing", "ctypeslib", "char", "rec", "emath"):
    _mod = getattr(_numpy, _name, None)
    if _mod is not None:
        _sys.modules.setdefault(__name__ + "." + _name, _mod)
        globals()[_name] = _mod
del _name, _mod


def __getattr__(name):
    # Everything else is NumPy's (names outside numpy.__all__ included).
    try:
        return getattr(_numpy, name)
    except AttributeError:
        raise AttributeError("module 'dac.numpy' has no attribute %r"
                             % name) from None


def __dir__():
    return sorted(set(globals()) | set(dir(_numpy)))
