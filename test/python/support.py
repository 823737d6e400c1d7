"""Shared helpers of the reference-package tests (not a test module)."""

import contextlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PACKAGE_DIR = os.path.join(ROOT, "frontends", "python")

if PACKAGE_DIR not in sys.path:
    sys.path.insert(0, PACKAGE_DIR)

# Tests set the rank count themselves (see ranks()); one inherited from the
# caller's environment must not leak into those that expect it unset.
os.environ.pop("DAC_REFERENCE_RANKS", None)


@contextlib.contextmanager
def ranks(p):
    """Run the body with DAC_REFERENCE_RANKS=p (None: unset)."""
    old = os.environ.get("DAC_REFERENCE_RANKS")
    if p is None:
        os.environ.pop("DAC_REFERENCE_RANKS", None)
    else:
        os.environ["DAC_REFERENCE_RANKS"] = str(p)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("DAC_REFERENCE_RANKS", None)
        else:
            os.environ["DAC_REFERENCE_RANKS"] = old


def owner_table(a):
    """{global index tuple: (rank, local index tuple)} over all ranks, from
    dac.owned_indices; raises AssertionError if an element is owned twice."""
    import itertools
    import dac
    table = {}
    for r in range(len(dac.localshapes(a))):
        per_dim = dac.owned_indices(a, r)
        for local in itertools.product(*[range(len(d)) for d in per_dim]):
            g = tuple(d[i] for d, i in zip(per_dim, local))
            if g in table:
                raise AssertionError("%s owned by ranks %d and %d"
                                     % (g, table[g][0], r))
            table[g] = (r, local)
    return table
