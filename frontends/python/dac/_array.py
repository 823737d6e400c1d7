"""How the reference run remembers an array's layout.

Design choice: an ndarray subclass, `DistributedArray`, that carries a
`Layout` -- used only for arrays that have an explicit layout (`dist=` /
`grid_shape=`, or computed from such arrays). Arrays without one stay plain
`numpy.ndarray` objects, exactly what NumPy returns, and have the default
layout (block on axis 0).

Why not a side table keyed by id() (with weakref cleanup)? Because the
layout must follow the data through `a + b`, `np.sqrt(a)`, `a += 1`,
`np.where(c, a, b)` ...: those run inside NumPy and would produce fresh
plain arrays the table never hears about. Only a subclass gets a say in
the result (through __array_ufunc__ / __array_function__ /
__array_finalize__).

The subclass must be invisible in what a script prints and computes, so:

* __array_ufunc__ and __array_function__ unwrap every DistributedArray to a
  plain ndarray view, let NumPy compute exactly as for plain arrays, and
  only re-wrap results that are ndarrays of dimension >= 1. Hence values,
  dtypes and result types are NumPy's: `a.sum()`, `np.mean(a)`,
  `a.max()`, `a @ b` of vectors ... return NumPy scalars (a bare subclass
  would return 0-d subclass arrays from reductions), and 0-d results stay
  plain.
* __str__ / __repr__ (and so `print`, f-strings, `print([a])`) print a
  plain ndarray view: `array([...])`, never the subclass name.
* Layout propagation: a result takes the layout of the first array operand
  that has an explicit layout *and the result's shape* (element-wise ops,
  broadcasting against smaller operands, `np.where`, `np.clip`, copies,
  `*_like`); any other result (reductions along an axis, reshapes, slices
  that change the shape) has the default layout. Views of the same shape
  (`a[:]`, `a.astype(...)`, `a.copy()`) keep the layout through
  __array_finalize__; `a.T` / `a.transpose(...)` / `np.transpose` permute it.
  Indexing that changes the shape (`a[1:]`, `a[0]`) gives a plain ndarray.
* `isinstance(a, np.ndarray)` holds; `type(a) is np.ndarray` does not (the
  one visible difference).
"""

import numpy as _np

from ._layout import Dim, Layout, default_layout

__all__ = ["DistributedArray", "with_layout", "explicit_layout"]

_BASE_UFUNC = _np.ndarray.__array_ufunc__
_BASE_FUNCTION = _np.ndarray.__array_function__


def explicit_layout(x):
    """The explicit Layout of x if it has one that matches its shape."""
    layout = getattr(x, "_dac_layout", None)
    if layout is not None and isinstance(x, _np.ndarray) and \
            layout.shape == x.shape:
        return layout
    return None


def with_layout(array, layout):
    """A DistributedArray view of `array` carrying `layout` (None: plain)."""
    if layout is None or not isinstance(array, _np.ndarray) or array.ndim == 0:
        return array
    out = array.view(DistributedArray)
    out._dac_layout = layout
    return out


def _plain(x):
    if isinstance(x, DistributedArray):
        return x.view(_np.ndarray)
    return x


def _unwrap(obj, sources, depth=0):
    """Replace DistributedArrays (also inside lists/tuples) by plain views,
    collecting (explicit layout or None, shape, item size) of them and of
    the plain arrays among the operands, in argument order."""
    if isinstance(obj, DistributedArray):
        sources.append((explicit_layout(obj), obj.shape, obj.dtype.itemsize))
        return obj.view(_np.ndarray)
    if isinstance(obj, _np.ndarray):
        if depth <= 1:
            sources.append((None, obj.shape, obj.dtype.itemsize))
        return obj
    if type(obj) in (list, tuple):
        if not any(isinstance(o, (DistributedArray, list, tuple))
                   for o in obj):
            return obj
        return type(obj)(_unwrap(o, sources, depth + 1) for o in obj)
    return obj


def _cheapest(sources, shape):
    """Of the layouts of the operands of `shape`, the one the others move
    the fewest bytes into (a replicated operand moves nothing; into a
    replicated layout every rank receives a whole operand), the first on a
    tie; None for the default. The compiler's rule is inferLayout in
    DistAssignLayout.cpp."""
    same = [(layout or default_layout(shape), size, layout is None)
            for layout, s, size in sources if s == shape]
    if not same:
        return None

    def replicated(layout):
        return not layout.distributed_axes

    def cost(target):
        return sum(size * (2 if replicated(target) else 1)
                   for layout, size, _ in same
                   if layout != target and not replicated(layout))

    best = min(range(len(same)), key=lambda i: (cost(same[i][0]), i))
    layout, _, default = same[best]
    return None if default else layout


def _rewrap(result, sources):
    if type(result) is _np.ndarray:
        if result.ndim == 0:
            return result
        return with_layout(result, _cheapest(sources, result.shape))
    if type(result) in (tuple, list):
        return type(result)(_rewrap(r, sources) for r in result)
    return result


def _product_layout(a, b, result):
    """The layout dac gives a matrix product of a and b (1-D or 2-D):
    replicated when the contracted dimension is the only split of the
    operand that has one (partial products summed over ranks), else the
    rows (columns, for a vector times a matrix) of the operand they come
    from; in blocks on a 2-D grid when the left matrix is. Stacks of
    matrices (3-D) are split along the stack as the (left) stack operand
    is. The compiler's rule is MatmulOp::inferResultLayout."""
    if not isinstance(result, _np.ndarray) or result.ndim == 0 or \
            not (1 <= _np.ndim(a) <= 3 and 1 <= _np.ndim(b) <= 3):
        return None
    if _np.ndim(a) == 3 and _np.ndim(b) == 3 and \
            _np.shape(a)[0] != _np.shape(b)[0]:
        # A stack of one against a longer one is its one matrix.
        if _np.shape(a)[0] == 1:
            a = a[0]
        else:
            b = b[0]
    la = explicit_layout(a) or default_layout(_np.shape(a))
    lb = explicit_layout(b) or default_layout(_np.shape(b))

    def count(layout):
        return len(layout.distributed_axes)

    def alone(layout, dim):
        return layout.grid is None and \
            count(layout) == (1 if dim.distributed else 0)

    ka, kb = la.dims[-1], lb.dims[0]
    split = None
    if alone(la, ka) and alone(lb, kb) and 3 not in (_np.ndim(a), _np.ndim(b)):
        if ka.distributed and (_np.ndim(a) >= _np.ndim(b) or
                               not kb.distributed):
            split = ka if ka.halo == (0, 0) else None
        elif kb.distributed:
            split = kb if kb.halo == (0, 0) else None
    if split is not None:
        return Layout([Dim("n")] * result.ndim, None, result.shape)
    if _np.ndim(a) == 2 and _np.ndim(b) == 2 and \
            all(d.kind == "b" and d.halo == (0, 0) for d in la.dims):
        # In blocks on a 2-D grid: the result too (SUMMA).
        return Layout([Dim("b"), Dim("b")], None, result.shape)

    def outer(layout, d):
        dim = layout.dims[d]
        return dim if alone(layout, dim) and dim.halo == (0, 0) else Dim("b")

    if 3 in (_np.ndim(a), _np.ndim(b)):
        stack = la if _np.ndim(a) == 3 else lb
        dims = [outer(stack, 0)] + [Dim("n")] * (result.ndim - 1)
    elif _np.ndim(a) == 2:
        dims = [outer(la, 0)] + ([Dim("n")] if _np.ndim(b) == 2 else [])
    else:
        dims = [outer(lb, 1)]
    return Layout(dims, None, result.shape)


def _foreign(types):
    return any(not issubclass(t, _np.ndarray) for t in types)


class DistributedArray(_np.ndarray):
    """An ndarray with an explicit dac layout (see the module docstring)."""

    _dac_layout = None

    def __array_finalize__(self, obj):
        layout = getattr(obj, "_dac_layout", None)
        if layout is not None and layout.shape != self.shape:
            layout = None
        self._dac_layout = layout

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        if ufunc is _np.matmul and method == "__call__" and \
                "out" not in kwargs and len(inputs) == 2:
            result = ufunc(*(_plain(x) for x in inputs), **kwargs)
            return with_layout(result, _product_layout(*inputs, result))
        for x in inputs + tuple(kwargs.get("out", ()) or ()):
            f = getattr(type(x), "__array_ufunc__", _BASE_UFUNC)
            if f is not _BASE_UFUNC and \
                    f is not DistributedArray.__array_ufunc__:
                return NotImplemented
        sources = []
        inputs = tuple(_unwrap(x, sources) for x in inputs)
        out = kwargs.get("out")
        if out is not None:
            kwargs["out"] = tuple(_plain(o) for o in out)
        if "where" in kwargs:
            kwargs["where"] = _plain(kwargs["where"])
        result = getattr(ufunc, method)(*inputs, **kwargs)
        if method == "at":
            return None
        if out is not None:
            # NumPy hands back the output arrays: give back the originals.
            if not isinstance(result, tuple):
                return out[0]
            return tuple(o if o is not None else _rewrap(r, sources)
                         for o, r in zip(out, result))
        return _rewrap(result, sources)

    def __array_function__(self, func, types, args, kwargs):
        if _foreign(types):
            return NotImplemented
        if func in (_np.dot, _np.inner) and len(args) == 2 and not kwargs:
            a, b = args
            result = func(_plain(a), _plain(b))
            if func is _np.inner and _np.ndim(b) == 2:
                b = b.T  # inner(a, b) is a @ b.T
            return with_layout(result, _product_layout(a, b, result))
        first = args[0] if args else None
        sources = []
        args = _unwrap(tuple(args), sources)
        out = kwargs.get("out")
        kwargs = {k: _unwrap(v, sources) for k, v in kwargs.items()}
        result = func(*args, **kwargs)
        if isinstance(out, DistributedArray):
            return out
        if func is _np.transpose and type(result) is _np.ndarray and \
                result.ndim > 0:
            layout = explicit_layout(first)
            if layout is not None:
                axes = kwargs.get("axes", args[1] if len(args) > 1 else None)
                return with_layout(
                    result, layout.permuted(_perm(result.ndim, axes)))
            return result
        return _rewrap(result, sources)

    # --- pickling keeps the layout -----------------------------------------

    def __reduce__(self):
        constructor, args, state = _np.ndarray.__reduce__(self)
        return constructor, args, (state, self._dac_layout)

    def __setstate__(self, state):
        if isinstance(state, tuple) and len(state) == 2 and \
                (state[1] is None or isinstance(state[1], Layout)):
            _np.ndarray.__setstate__(self, state[0])
            self._dac_layout = state[1]
        else:
            _np.ndarray.__setstate__(self, state)

    # --- printing: exactly NumPy's --------------------------------------

    def __repr__(self):
        return repr(self.view(_np.ndarray))

    def __str__(self):
        return str(self.view(_np.ndarray))

    def __format__(self, spec):
        return format(self.view(_np.ndarray), spec)

    # --- indexing: a view that lost the layout (other shape, 0-d) is plain

    def __getitem__(self, key):
        result = _np.ndarray.__getitem__(self, key)
        if isinstance(result, DistributedArray) and \
                result._dac_layout is None:
            return result.view(_np.ndarray)
        return result

    # --- methods whose layout is not the operand's ------------------------

    def transpose(self, *axes):
        if len(axes) == 1 and (axes[0] is None or
                               isinstance(axes[0], (tuple, list))):
            axes = axes[0]
        elif not axes:
            axes = None
        result = self.view(_np.ndarray).transpose(
            *(() if axes is None else (axes,)))
        layout = explicit_layout(self)
        if layout is None or result.ndim == 0:
            return result
        return with_layout(result, layout.permuted(_perm(self.ndim, axes)))

    @property
    def T(self):
        return self.transpose()

    def dot(self, b, out=None):
        return _np.dot(self, b, out=out)


def _perm(ndim, axes):
    if axes is None:
        return tuple(reversed(range(ndim)))
    return tuple(int(a) % ndim if ndim else int(a) for a in axes)
