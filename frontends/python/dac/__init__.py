"""dac's reference package: lets scripts written for dac run under CPython.

A dac array script is a NumPy program. Scripts that use dac-only helpers
(`import dac`, `import dac.numpy as np`) run under plain CPython + NumPy
with this package on PYTHONPATH; that run is the oracle the compiled
program is compared with.

Layout queries answer for the rank count in the environment variable
DAC_REFERENCE_RANKS (default 1; grid shapes are only checked against it
when it is set):

    localshapes(a)        [(4,), (3,), (3,)]: owned local shapes, rank order
    grid_shape(a)         (2, 2): the process grid, one extent per
                          dimension, 1 where it is not distributed
                          (DistArray's form: (4, 1) for 'bn' on 4 ranks,
                          (1, 1) for 'nn', () for a 0-d array)
    owned_indices(a, r)   per dimension, the global indices rank r owns
                          (in local order)
    ghost_indices(a, r)   per dimension, (low, high) global indices of the
                          halo of rank r ([] for dimensions without one)
    layout(a)             the Layout (normalized dist, grid_shape, shape)
    redistribute(a, dist=..., grid_shape=...)
                          a copy with another layout (same data)
    local(f)              decorator: in the reference run f sees the whole
                          array; local(f, a, ...) calls it at once

`grid_shape=` (on the creation functions and redistribute) takes either
form: one extent per dimension (1 for each 'n' dimension) or one per
distributed dimension.

Arrays that were given no layout have the default one: block on axis 0,
'n' elsewhere.
"""

import operator as _operator

import numpy as _np

from . import numpy  # noqa: F401  (dac.numpy)
from . import io  # noqa: F401  (dac.io)
from ._array import DistributedArray, explicit_layout as _explicit_layout
from ._array import with_layout as _with_layout
from ._layout import DistributionError, Layout, default_layout as _default
from ._layout import parse_layout as _parse_layout
from ._layout import reference_ranks

__all__ = ["numpy", "io", "localshapes", "grid_shape", "owned_indices",
           "ghost_indices", "layout", "redistribute", "local",
           "reference_ranks", "DistributedArray", "DistributionError",
           "Layout"]


def layout(a):
    """The Layout of `a`: its explicit one, else the default for its shape.
    Anything NumPy can take the shape of is accepted (scalars are 0-d)."""
    found = _explicit_layout(a)
    if found is not None:
        return found
    return _default(_np.shape(a))


def grid_shape(a):
    """The process-grid tuple of `a`: one extent per dimension, 1 where the
    dimension is not distributed (DistArray's form)."""
    lay = layout(a)
    by_axis = dict(zip(lay.distributed_axes, lay.resolve_grid()))
    return tuple(int(by_axis.get(axis, 1)) for axis in range(len(lay.shape)))


def localshapes(a):
    """The owned local shapes of `a`, one tuple per rank, in rank order."""
    lay = layout(a)
    p, p_is_set = reference_ranks()
    grid = lay.resolve_grid(p, p_is_set)
    return [lay.local_shape(r, grid)
            for r in range(lay.nranks(p, p_is_set))]


def _rank_checked(lay, rank):
    p, p_is_set = reference_ranks()
    grid = lay.resolve_grid(p, p_is_set)
    n = lay.nranks(p, p_is_set)
    try:
        r = _operator.index(rank)
    except TypeError:
        r = None
    if r is None or isinstance(rank, bool) or not 0 <= r < n:
        raise ValueError("rank must be an integer in [0, %d), got %r"
                         % (n, rank))
    return grid, r


def owned_indices(a, rank):
    """Per dimension, the list of global indices `rank` owns (local order)."""
    lay = layout(a)
    grid, r = _rank_checked(lay, rank)
    return lay.owned_indices(r, grid)


def ghost_indices(a, rank):
    """Per dimension, (low, high): the global indices of rank's halo,
    [start-lo, start) and [stop, stop+hi), wrapped when periodic and cut at
    a non-periodic edge; ([], []) for dimensions without a halo."""
    lay = layout(a)
    grid, r = _rank_checked(lay, rank)
    return [tuple(g) for g in lay.ghost_indices(r, grid)]


def redistribute(a, dist=None, grid_shape=None):
    """A copy of `a` with the layout dist= / grid_shape= (the default
    layout when neither is given). In the reference run the data is
    unchanged."""
    data = _np.array(a, copy=True, subok=False)
    if dist is None and grid_shape is None:
        return data
    try:
        new = _parse_layout(dist, grid_shape, data.shape)
    except DistributionError as e:
        raise DistributionError(
            "redistribute(): invalid distribution for shape %s: %s"
            % (data.shape, e)) from None
    return _with_layout(data, new)


def local(f, *args, **kwargs):
    """dac.local(f): in the compiled run f runs on each rank's local part;
    in the reference run on the whole array. As a decorator it returns f's
    stand-in; with arguments it calls f on them at once."""
    if args or kwargs:
        return f(*args, **kwargs)

    def call(*a, **k):
        return f(*a, **k)

    call.__name__ = getattr(f, "__name__", "local")
    call.__doc__ = getattr(f, "__doc__", None)
    call.__wrapped__ = f
    return call
