"""dac.io: parallel IO helpers. In the reference run they are serial h5py
calls (h5py is imported on first use, so `import dac` never needs it).

    save_hdf5(path, a, dataset="x")   write a as dataset `dataset` (replacing
                                      the file)
    load_hdf5(path, dataset, dist=None, grid_shape=None)
                                      read a dataset back as an ndarray
"""

import os as _os

import numpy as _np

__all__ = ["save_hdf5", "load_hdf5"]


def _h5py():
    try:
        import h5py
    except ImportError as e:  # pragma: no cover - depends on the machine
        raise ImportError("dac.io needs h5py in the reference run "
                          "(apt install python3-h5py)") from e
    return h5py


def save_hdf5(path, a, dataset="x"):
    """Write `a` to `path` as `dataset`; a partial file never replaces a
    good one (written to a temporary name, then renamed)."""
    h5py = _h5py()
    data = _np.asarray(a)
    tmp = "%s.tmp%d" % (path, _os.getpid())
    try:
        with h5py.File(tmp, "w") as f:
            f.create_dataset(dataset, data=data)
        _os.replace(tmp, path)
    finally:
        if _os.path.exists(tmp):
            _os.remove(tmp)


def load_hdf5(path, dataset="x", dist=None, grid_shape=None):
    """Read `dataset` from `path` (with an optional layout)."""
    h5py = _h5py()
    from .numpy import _apply
    with h5py.File(path, "r") as f:
        if dataset not in f:
            raise KeyError("%s: no dataset %r" % (path, dataset))
        data = f[dataset][()]
    return _apply(_np.asarray(data), dist, grid_shape, "load_hdf5")
