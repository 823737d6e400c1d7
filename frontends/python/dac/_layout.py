"""Layouts: parsing and validating `dist=` / `grid_shape=`, and the rules that
say which rank owns which global index.

This is the reference (second, independent) implementation of the rules in
design/ARCHITECTURE.md "Distributions" and oracle/DISTRIBUTIONS.md; the C++
runtime has the other one and the tests compare the two. Everything here is
plain Python (no NumPy) so that it reads like the specification:

* per dimension: 'b' balanced block (the first n mod p parts get one extra
  element), 'b' with explicit `bounds`, 'b' with a halo (lo, hi) and
  optional periodicity (the halo never changes the owned part), 'c' cyclic
  with block size k (ScaLAPACK NUMROC: block b lives on grid coordinate
  b mod p, a partial last block on (n div k) mod p), 'u' unstructured (one
  explicit index list per grid coordinate), 'n' not distributed;
* a C-ordered process grid over the distributed (non-'n') dimensions
  (held that way in `Layout.grid`; `grid_shape=` may also give DistArray's
  form, one extent per dimension with 1 for each 'n' dimension, and
  `dac.grid_shape` answers in that form);
* when no grid is given: one distributed dimension takes all P ranks;
  several follow DistArray's rule (DISTRIBUTIONS.md, "Grid choice").

Dimensions whose grid size is fixed by the distribution itself (`bounds`
with m+1 entries, `indices` with m lists) keep that size; the automatic
choice then spreads the remaining P / (product of the fixed sizes) ranks
over the other distributed dimensions.
"""

import math
import numbers
import os

__all__ = [
    "DistributionError", "Dim", "Layout", "parse_layout", "default_layout",
    "reference_ranks", "choose_grid", "factorizations", "block_range",
    "cyclic_count", "cyclic_indices",
]

CODES = ("b", "c", "n", "u")
_CODE_HELP = "(expected 'b', 'c', 'n' or 'u')"


class DistributionError(ValueError):
    """An invalid `dist=` / `grid_shape=`, or a layout that does not fit the
    rank count. A ValueError, so scripts may catch it as one."""


# ---------------------------------------------------------------------------
# Rank count of the reference run
# ---------------------------------------------------------------------------

def reference_ranks():
    """(P, is_set): the rank count the reference run pretends to have.

    P comes from DAC_REFERENCE_RANKS (default 1); `is_set` says whether the
    variable is set at all (grid shapes are only checked against P then).
    """
    text = os.environ.get("DAC_REFERENCE_RANKS")
    if text is None or text.strip() == "":
        return 1, False
    try:
        p = int(text)
    except ValueError:
        raise DistributionError(
            "DAC_REFERENCE_RANKS must be a positive integer, got %r" % text)
    if p < 1:
        raise DistributionError(
            "DAC_REFERENCE_RANKS must be a positive integer, got %r" % text)
    return p, True


# ---------------------------------------------------------------------------
# Per-dimension rules
# ---------------------------------------------------------------------------

def block_range(n, p, c):
    """[start, stop) of part c of p under the balanced block rule."""
    base, extra = divmod(n, p)
    start = c * base + min(c, extra)
    return start, start + base + (1 if c < extra else 0)


def cyclic_count(n, p, k, c):
    """ScaLAPACK NUMROC: elements of an axis of n in blocks of k that grid
    coordinate c of p owns (block b -> coordinate b mod p)."""
    nblocks, rest = divmod(n, k)
    count = (nblocks // p) * k
    extra = nblocks % p
    if c < extra:
        count += k
    elif c == extra:
        count += rest
    return count


def cyclic_indices(n, p, k, c):
    """Global indices owned by coordinate c, in increasing (= local) order."""
    out = []
    start = c * k
    while start < n:
        out.extend(range(start, min(start + k, n)))
        start += p * k
    return out


# ---------------------------------------------------------------------------
# Data model
# ---------------------------------------------------------------------------

class Dim:
    """One dimension of a layout (immutable)."""

    __slots__ = ("kind", "block_size", "halo", "periodic", "bounds",
                 "indices")

    def __init__(self, kind, block_size=1, halo=(0, 0), periodic=False,
                 bounds=None, indices=None):
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "block_size", block_size)
        object.__setattr__(self, "halo", tuple(halo))
        object.__setattr__(self, "periodic", bool(periodic))
        object.__setattr__(self, "bounds",
                           None if bounds is None else tuple(bounds))
        object.__setattr__(self, "indices",
                           None if indices is None
                           else tuple(tuple(l) for l in indices))

    def __setattr__(self, name, value):
        raise AttributeError("Dim is immutable")

    def __reduce__(self):
        return (Dim, (self.kind, self.block_size, self.halo, self.periodic,
                      self.bounds, self.indices))

    @property
    def distributed(self):
        return self.kind != "n"

    @property
    def fixed_parts(self):
        """Grid size this dimension forces (bounds/indices), else None."""
        if self.bounds is not None:
            return len(self.bounds) - 1
        if self.indices is not None:
            return len(self.indices)
        return None

    def _key(self):
        return (self.kind, self.block_size, self.halo, self.periodic,
                self.bounds, self.indices)

    def __eq__(self, other):
        return isinstance(other, Dim) and self._key() == other._key()

    def __hash__(self):
        return hash(self._key())

    def spec(self):
        """The dimension in the script's notation (normalized)."""
        if self.kind == "c":
            return "c" if self.block_size == 1 else ("c", self.block_size)
        opts = {}
        if self.bounds is not None:
            opts["bounds"] = list(self.bounds)
        if self.halo != (0, 0):
            opts["halo"] = self.halo
        if self.periodic:
            opts["periodic"] = True
        if self.indices is not None:
            opts["indices"] = [list(l) for l in self.indices]
        return (self.kind, opts) if opts else self.kind

    def __repr__(self):
        return "Dim(%r)" % (self.spec(),)

    # --- ownership along this axis for grid coordinate c of p -------------

    def count(self, n, p, c):
        if self.kind == "n":
            return n
        if self.kind == "b":
            if self.bounds is not None:
                return self.bounds[c + 1] - self.bounds[c]
            lo, hi = block_range(n, p, c)
            return hi - lo
        if self.kind == "c":
            return cyclic_count(n, p, self.block_size, c)
        return len(self.indices[c])

    def owned(self, n, p, c):
        """Global indices owned by coordinate c, in local order."""
        if self.kind == "n":
            return list(range(n))
        if self.kind == "b":
            lo, hi = self.range(n, p, c)
            return list(range(lo, hi))
        if self.kind == "c":
            return cyclic_indices(n, p, self.block_size, c)
        return list(self.indices[c])

    def range(self, n, p, c):
        """[start, stop) of a block dimension ('n': the whole axis)."""
        if self.kind == "n":
            return 0, n
        if self.kind != "b":
            raise ValueError("range() needs a block dimension")
        if self.bounds is not None:
            return self.bounds[c], self.bounds[c + 1]
        return block_range(n, p, c)

    def ghosts(self, n, p, c):
        """(low, high) ghost indices of a block dimension, by global index:
        [start - lo, start) and [stop, stop + hi), wrapped when periodic,
        dropped past a non-periodic edge."""
        lo, hi = self.halo
        if self.kind != "b" or (lo == 0 and hi == 0):
            return [], []
        start, stop = self.range(n, p, c)
        low = list(range(start - lo, start))
        high = list(range(stop, stop + hi))
        if self.periodic and n > 0:
            low = [g % n for g in low]
            high = [g % n for g in high]
        else:
            low = [g for g in low if 0 <= g < n]
            high = [g for g in high if 0 <= g < n]
        return low, high


class Layout:
    """A validated layout of an array of a given shape.

    `dims` has one Dim per axis; `grid` is the grid the script asked for
    (a tuple over the distributed dimensions only, whichever form the
    script used) or None for the automatic choice, which depends on the
    rank count and is made by `resolve_grid`. dac.grid_shape expands it to
    one extent per dimension.
    """

    __slots__ = ("dims", "grid", "shape")

    def __init__(self, dims, grid, shape):
        object.__setattr__(self, "dims", tuple(dims))
        object.__setattr__(self, "grid", None if grid is None else tuple(grid))
        object.__setattr__(self, "shape", tuple(shape))

    def __setattr__(self, name, value):
        raise AttributeError("Layout is immutable")

    def __reduce__(self):
        return (Layout, (self.dims, self.grid, self.shape))

    def __eq__(self, other):
        return (isinstance(other, Layout) and self.dims == other.dims and
                self.grid == other.grid and self.shape == other.shape)

    def __hash__(self):
        return hash((self.dims, self.grid, self.shape))

    def __repr__(self):
        return "Layout(dist=%r, grid_shape=%r, shape=%r)" % (
            self.dist(), self.grid, self.shape)

    @property
    def distributed_axes(self):
        return tuple(i for i, d in enumerate(self.dims) if d.distributed)

    def dist(self):
        """The distribution in the script's notation (a tuple per axis)."""
        return tuple(d.spec() for d in self.dims)

    def is_default(self):
        return self.grid is None and self.dims == _default_dims(len(self.shape))

    def permuted(self, perm):
        """The layout of `a.transpose(perm)`."""
        dims = [self.dims[i] for i in perm]
        grid = None
        if self.grid is not None:
            by_axis = dict(zip(self.distributed_axes, self.grid))
            grid = tuple(by_axis[i] for i in perm if i in by_axis)
        return Layout(dims, grid, [self.shape[i] for i in perm])

    # --- the process grid -------------------------------------------------

    def resolve_grid(self, p=None, p_is_set=None):
        """The process grid (one entry per distributed dimension) on P ranks.

        Raises DistributionError when the layout cannot live on P ranks. When
        DAC_REFERENCE_RANKS is not set, P is not checked: an explicit grid
        is taken as is, and dimensions the distribution does not fix get 1.
        """
        if p is None:
            p, p_is_set = reference_ranks()
        axes = self.distributed_axes
        if self.grid is not None:
            if p_is_set and axes and _prod(self.grid) != p:
                raise DistributionError(
                    "grid_shape=%s has %d positions but there are %d ranks "
                    "(DAC_REFERENCE_RANKS=%d)"
                    % (_fmt_tuple(self.grid), _prod(self.grid), p, p))
            return self.grid
        fixed = {}
        for axis in axes:
            f = self.dims[axis].fixed_parts
            if f is not None:
                fixed[axis] = f
        free = [axis for axis in axes if axis not in fixed]
        fixed_product = _prod(fixed.values())
        if not p_is_set:
            sizes = dict(fixed)
            sizes.update((axis, 1) for axis in free)
            return tuple(sizes[axis] for axis in axes)
        if not free:
            if axes and fixed_product != p:
                raise DistributionError(
                    "the distribution fixes a grid of %s = %d positions "
                    "(from bounds/indices) but there are %d ranks"
                    % (_fmt_tuple(tuple(fixed[a] for a in axes)),
                       fixed_product, p))
            return tuple(fixed[a] for a in axes)
        if p % fixed_product != 0:
            raise DistributionError(
                "the bounds/indices fix %d grid positions, which does not "
                "divide the %d ranks" % (fixed_product, p))
        rest = choose_grid([self.shape[a] for a in free], p // fixed_product)
        sizes = dict(fixed)
        sizes.update(zip(free, rest))
        return tuple(sizes[axis] for axis in axes)

    def nranks(self, p=None, p_is_set=None):
        if p is None:
            p, p_is_set = reference_ranks()
        grid = self.resolve_grid(p, p_is_set)
        if self.distributed_axes:
            return _prod(grid)
        return p

    def coords(self, rank, grid):
        """C-ordered grid coordinates of `rank`."""
        out = []
        for g in reversed(grid):
            rank, c = divmod(rank, g)
            out.append(c)
        return tuple(reversed(out))

    def local_shape(self, rank, grid):
        coords = dict(zip(self.distributed_axes, self.coords(rank, grid)))
        sizes = dict(zip(self.distributed_axes, grid))
        return tuple(d.count(n, sizes.get(i, 1), coords.get(i, 0))
                     for i, (d, n) in enumerate(zip(self.dims, self.shape)))

    def owned_indices(self, rank, grid):
        coords = dict(zip(self.distributed_axes, self.coords(rank, grid)))
        sizes = dict(zip(self.distributed_axes, grid))
        return [d.owned(n, sizes.get(i, 1), coords.get(i, 0))
                for i, (d, n) in enumerate(zip(self.dims, self.shape))]

    def ghost_indices(self, rank, grid):
        coords = dict(zip(self.distributed_axes, self.coords(rank, grid)))
        sizes = dict(zip(self.distributed_axes, grid))
        return [d.ghosts(n, sizes.get(i, 1), coords.get(i, 0))
                for i, (d, n) in enumerate(zip(self.dims, self.shape))]


def _prod(values):
    out = 1
    for v in values:
        out *= v
    return out


def _fmt_tuple(t):
    return repr(tuple(t))


# ---------------------------------------------------------------------------
# Automatic grid choice
# ---------------------------------------------------------------------------

def factorizations(p, d):
    """Non-decreasing d-tuples of positive integers with product p, in
    lexicographic order."""
    out = []

    def rec(rest, d, lo, prefix):
        if d == 1:
            if rest >= lo:
                out.append(prefix + (rest,))
            return
        f = lo
        while f ** d <= rest:
            if rest % f == 0:
                rec(rest // f, d - 1, f, prefix + (f,))
            f += 1

    rec(p, d, 1, ())
    return out


def _ratio(a, b):
    # IEEE semantics (as in C++): x/0 = inf, 0/0 = nan.
    if b == 0:
        return math.nan if a == 0 else math.inf
    return a / b


def _ratios(values):
    v = [float(x) for x in values]
    return [_ratio(v[i], v[j])
            for i in range(len(v)) for j in range(i + 1, len(v))]


def choose_grid(lengths, p):
    """The grid DistArray's rule picks for axes of `lengths` on p ranks.

    One axis gets all p. Several: the non-decreasing factorizations of p in
    lexicographic order, factors handed to the axes from the shortest to
    the longest (equal lengths keep axis order), scored by the Euclidean
    distance between the pairwise length ratios len[i]/len[j] (i < j) and
    the same ratios of the grid; the first minimum wins (a strict `<`, so
    NaN or infinite scores from empty axes keep the first candidate).
    """
    d = len(lengths)
    if d == 0:
        return ()
    if d == 1:
        return (p,)
    order = sorted(range(d), key=lambda i: (lengths[i], i))
    want = _ratios(lengths)
    best = None
    best_score = None
    for cand in factorizations(p, d):
        grid = [0] * d
        for axis, f in zip(order, cand):
            grid[axis] = f
        got = _ratios(grid)
        total = 0.0
        for w, g in zip(want, got):
            diff = w - g
            total += diff * diff
        score = math.sqrt(total)
        if best is None or score < best_score:
            best, best_score = tuple(grid), score
    return best


# ---------------------------------------------------------------------------
# Parsing and validation of dist= / grid_shape=
# ---------------------------------------------------------------------------

def _is_int(x):
    return isinstance(x, numbers.Integral) and not isinstance(x, bool) and \
        type(x).__name__ != "bool_"


def _default_dims(ndim):
    return tuple(Dim("b") if i == 0 else Dim("n") for i in range(ndim))


def default_layout(shape):
    """Block on axis 0, 'n' elsewhere (0-d: nothing distributed)."""
    shape = tuple(int(s) for s in shape)
    return Layout(_default_dims(len(shape)), None, shape)


def _int_list(value, what):
    if not isinstance(value, (list, tuple)):
        raise DistributionError("%s must be a list of integers, got %r"
                                % (what, value))
    for v in value:
        if not _is_int(v):
            raise DistributionError("%s must be a list of integers, got %r"
                                    % (what, value))
    return [int(v) for v in value]


def _parse_dim(spec, axis, n):
    """One dimension's spec -> Dim, validated against the axis length n."""
    where = "axis %d" % axis
    code, param = None, None
    if isinstance(spec, str):
        code = spec
    elif isinstance(spec, (tuple, list)) and len(spec) == 2 and \
            isinstance(spec[0], str):
        code, param = spec
    else:
        hint = ""
        if isinstance(spec, dict):
            hint = " (options go in a pair: ('b', {'halo': 1}))"
        raise DistributionError(
            "%s: a dimension's distribution is a code %s or a (code, "
            "parameter) pair, not %r%s" % (where, _CODE_HELP, spec, hint))
    if code not in CODES:
        raise DistributionError("%s: unknown distribution code %r %s"
                                % (where, code, _CODE_HELP))
    k, halo, periodic, bounds, indices = 1, (0, 0), False, None, None
    if param is None:
        pass
    elif _is_int(param):
        if code != "c":
            raise DistributionError(
                "%s: only cyclic ('c') takes a block size, got (%r, %r)"
                % (where, code, param))
        k = int(param)
    elif isinstance(param, dict):
        for key, value in param.items():
            if key in ("halo", "padding"):
                if _is_int(value):
                    halo = (int(value), int(value))
                else:
                    w = _int_list(value, "%s: the halo" % where)
                    if len(w) != 2:
                        raise DistributionError(
                            "%s: 'halo' is a width or a (lo, hi) pair, got %r"
                            % (where, value))
                    halo = (w[0], w[1])
            elif key == "periodic":
                if not (isinstance(value, bool) or
                        type(value).__name__ == "bool_" or
                        (_is_int(value) and value in (0, 1))):
                    raise DistributionError(
                        "%s: 'periodic' must be True or False, got %r"
                        % (where, value))
                periodic = bool(value)
            elif key == "bounds":
                bounds = _int_list(value, "%s: 'bounds'" % where)
            elif key == "indices":
                if not isinstance(value, (list, tuple)):
                    raise DistributionError(
                        "%s: 'indices' must be a list of lists of integers "
                        "(one per grid position), got %r" % (where, value))
                indices = [_int_list(l, "%s: each 'indices' list" % where)
                           for l in value]
            elif key in ("block_size", "k"):
                if not _is_int(value):
                    raise DistributionError(
                        "%s: the block size must be an integer, got %r"
                        % (where, value))
                if code != "c":
                    raise DistributionError(
                        "%s: only cyclic ('c') takes a block size" % where)
                k = int(value)
            else:
                raise DistributionError(
                    "%s: unknown distribution option %r (expected 'halo', "
                    "'periodic', 'bounds', 'indices' or 'block_size')"
                    % (where, key))
    else:
        raise DistributionError(
            "%s: a distribution parameter is a block size or a dict of "
            "options, not %r" % (where, param))

    # The same rules as the dialect's verifier, plus those needing n.
    if k < 1:
        raise DistributionError(
            "%s: the block size of a cyclic distribution must be at least 1, "
            "got %d" % (where, k))
    lo, hi = halo
    if lo < 0 or hi < 0:
        raise DistributionError("%s: halo widths must be non-negative, got "
                                "(%d, %d)" % (where, lo, hi))
    if (lo or hi or periodic) and code != "b":
        raise DistributionError("%s: halo and periodic need a block ('b') "
                                "dimension, not %r" % (where, code))
    if lo > n or hi > n:
        raise DistributionError(
            "%s: halo (%d, %d) is wider than the axis (length %d)"
            % (where, lo, hi, n))
    if bounds is not None:
        if code != "b":
            raise DistributionError("%s: bounds need a block ('b') dimension"
                                    % where)
        if len(bounds) < 2:
            raise DistributionError(
                "%s: bounds need at least two entries (0 and the axis length "
                "%d), got %r" % (where, n, bounds))
        if bounds[0] != 0:
            raise DistributionError("%s: bounds must start at 0, got %r"
                                    % (where, bounds))
        for a, b in zip(bounds, bounds[1:]):
            if b < a:
                raise DistributionError(
                    "%s: bounds must be non-decreasing, got %r"
                    % (where, bounds))
        if bounds[-1] != n:
            raise DistributionError(
                "%s: bounds must end at the axis length %d, got %r"
                % (where, n, bounds))
    if code == "u" and indices is None:
        raise DistributionError(
            "%s: an unstructured ('u') dimension needs its indices: "
            "('u', {'indices': [[...], ...]})" % where)
    if indices is not None:
        if code != "u":
            raise DistributionError("%s: indices need an unstructured ('u') "
                                    "dimension" % where)
        if not indices:
            raise DistributionError("%s: 'indices' needs at least one list"
                                    % where)
        seen = set()
        for lst in indices:
            for g in lst:
                if g < 0 or g >= n:
                    raise DistributionError(
                        "%s: index %d is outside the axis [0, %d)"
                        % (where, g, n))
                if g in seen:
                    raise DistributionError(
                        "%s: index %d is listed twice; the lists must "
                        "partition [0, %d)" % (where, g, n))
                seen.add(g)
        if len(seen) != n:
            missing = sorted(set(range(n)) - seen)
            raise DistributionError(
                "%s: the index lists miss %s; they must partition [0, %d)"
                % (where, missing[:10], n))
    return Dim(code, k, halo, periodic, bounds, indices)


def _parse_dims(dist, shape):
    ndim = len(shape)
    if dist is None:
        return _default_dims(ndim)
    dims = [Dim("n")] * ndim
    if isinstance(dist, str):
        if len(dist) > ndim:
            raise DistributionError(
                "dist %r has %d codes for an array of %d dimension%s"
                % (dist, len(dist), ndim, "" if ndim == 1 else "s"))
        for i, c in enumerate(dist):
            dims[i] = _parse_dim(c, i, shape[i])
    elif isinstance(dist, (tuple, list)):
        if len(dist) > ndim:
            hint = ""
            if ndim == 1 and len(dist) == 2 and isinstance(dist[0], str) and \
                    not isinstance(dist[1], str):
                hint = " (for one dimension with a parameter write " \
                       "dist=(%r,))" % (tuple(dist),)
            raise DistributionError(
                "dist %r has %d entries for an array of %d dimension%s%s"
                % (dist, len(dist), ndim, "" if ndim == 1 else "s", hint))
        for i, spec in enumerate(dist):
            dims[i] = _parse_dim(spec, i, shape[i])
    elif isinstance(dist, dict):
        given = set()
        for key, spec in dist.items():
            if not _is_int(key):
                raise DistributionError(
                    "dist dictionary keys are axis numbers, got %r" % (key,))
            axis = int(key) + ndim if key < 0 else int(key)
            if not 0 <= axis < ndim:
                raise DistributionError(
                    "dist names axis %d of an array of %d dimension%s"
                    % (key, ndim, "" if ndim == 1 else "s"))
            if axis in given:
                raise DistributionError("dist names axis %d twice" % axis)
            given.add(axis)
            dims[axis] = _parse_dim(spec, axis, shape[axis])
    else:
        raise DistributionError(
            "dist must be a string ('bn'), a tuple (('b', ('c', 2))) or a "
            "dict ({0: 'b'}), not %r" % (dist,))
    return tuple(dims)


def _parse_grid(grid_shape, dims):
    if grid_shape is None:
        return None
    if _is_int(grid_shape):
        grid = [int(grid_shape)]
    elif isinstance(grid_shape, (tuple, list)):
        grid = _int_list(grid_shape, "grid_shape")
    else:
        raise DistributionError(
            "grid_shape must be a tuple of positive integers, not %r"
            % (grid_shape,))
    for g in grid:
        if g < 1:
            raise DistributionError(
                "grid_shape entries must be at least 1, got %s"
                % (tuple(grid),))
    axes = [i for i, d in enumerate(dims) if d.distributed]
    # DistArray's form has one extent per dimension, 1 where a dimension is
    # not distributed; the layout keeps the distributed ones.
    if len(grid) == len(dims) and len(dims) != len(axes):
        for axis, (d, g) in enumerate(zip(dims, grid)):
            if not d.distributed and g != 1:
                raise DistributionError(
                    "grid_shape gives %d ranks to axis %d, which is not "
                    "distributed ('n'): it must be 1" % (g, axis))
        grid = [g for d, g in zip(dims, grid) if d.distributed]
    if len(grid) != len(axes):
        raise DistributionError(
            "grid_shape=%s has %d entr%s but the distribution has %d "
            "distributed dimension%s (give one extent per dimension, or "
            "one per distributed dimension)"
            % (tuple(grid), len(grid), "y" if len(grid) == 1 else "ies",
               len(axes), "" if len(axes) == 1 else "s"))
    for axis, g in zip(axes, grid):
        f = dims[axis].fixed_parts
        if f is not None and f != g:
            what = "bounds" if dims[axis].bounds is not None else "indices"
            raise DistributionError(
                "axis %d: its %s describe %d part%s but grid_shape gives it "
                "%d" % (axis, what, f, "" if f == 1 else "s", g))
    return tuple(grid)


def parse_layout(dist, grid_shape, shape, check_ranks=True):
    """Validate `dist=` / `grid_shape=` for an array of `shape` -> Layout.

    With check_ranks, also check the layout against DAC_REFERENCE_RANKS
    when it is set (grid product, bounds/indices counts, factorization).
    """
    shape = tuple(int(s) for s in shape)
    dims = _parse_dims(dist, shape)
    grid = _parse_grid(grid_shape, dims)
    layout = Layout(dims, grid, shape)
    if check_ranks:
        p, p_is_set = reference_ranks()
        if p_is_set:
            layout.resolve_grid(p, True)
    return layout
