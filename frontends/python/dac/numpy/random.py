"""`np.random` under `import dac.numpy as np`: NumPy's, with `dist=` and
`grid_shape=` on the drawing functions.

`default_rng(seed)` returns a `Generator` -- a subclass of NumPy's
`numpy.random.Generator` on the same PCG64 bit generator, so the numbers
are NumPy's bit for bit -- whose `random, uniform, standard_normal, normal,
integers` (and a few more) accept the keywords. The legacy functions
(`rand, random, random_sample, randn, uniform, normal, standard_normal,
randint`) draw from NumPy's global RandomState, so `np.random.seed(s)` works
as usual. Everything else is NumPy's.
"""

import functools as _functools

import numpy.random as _npr
from numpy.random import *  # noqa: F401,F403

from . import _apply

__all__ = list(getattr(_npr, "__all__", ()))

_GENERATOR_METHODS = ("random", "uniform", "standard_normal", "normal",
                      "integers", "exponential", "standard_exponential",
                      "choice", "permutation", "poisson", "binomial",
                      "beta", "gamma", "standard_gamma")


def _method(name):
    base = getattr(_npr.Generator, name)

    @_functools.wraps(base)
    def method(self, *args, dist=None, grid_shape=None, **kwargs):
        return _apply(base(self, *args, **kwargs), dist, grid_shape,
                      "Generator." + name)

    return method


class Generator(_npr.Generator):
    """NumPy's Generator; the drawing methods also take dist=/grid_shape=.

    Its name is `Generator` so that it prints like NumPy's
    (`Generator(PCG64) at 0x...`), and isinstance(g, numpy.random.Generator)
    holds.
    """

    __slots__ = ()


for _name in _GENERATOR_METHODS:
    setattr(Generator, _name, _method(_name))
del _name


def default_rng(seed=None):
    """NumPy's `default_rng`, returning dac's Generator (the same stream)."""
    if isinstance(seed, Generator):
        return seed
    if isinstance(seed, _npr.Generator):
        return Generator(seed.bit_generator)
    if isinstance(seed, _npr.BitGenerator):
        return Generator(seed)
    return Generator(_npr.PCG64(seed))


def _legacy(name):
    base = getattr(_npr, name)

    @_functools.wraps(base)
    def function(*args, dist=None, grid_shape=None, **kwargs):
        return _apply(base(*args, **kwargs), dist, grid_shape,
                      "random." + name)

    return function


rand = _legacy("rand")
random = _legacy("random")
random_sample = _legacy("random_sample")
randn = _legacy("randn")
uniform = _legacy("uniform")
normal = _legacy("normal")
standard_normal = _legacy("standard_normal")
randint = _legacy("randint")


def __getattr__(name):
    try:
        return getattr(_npr, name)
    except AttributeError:
        raise AttributeError("module 'dac.numpy.random' has no attribute %r"
                             % name) from None
