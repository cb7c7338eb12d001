"""Symbolic derivations of the spiked matrix-tensor theory (SymPy).

This package is the single source of truth of the project: every formula used by
:mod:`numerics` and :mod:`theory` is derived here and printed into code by
``python -m derivations._codegen``.  Each module exposes

- functions returning exact SymPy expressions for a general covariance ``xi`` and
  signal ``g`` (a :class:`~derivations.model.SpikedModel`);
- ``KERNELS``: the expressions to print as numeric kernels (see :mod:`derivations._codegen`);
- ``INSTANCES`` (optional): matrix-tensor instances of jet kernels, kept as expressions (for
  :func:`expressions` and the docs) but not printed: the jet kernel is the one code path;
- ``EXPRESSIONS``: a callable returning the named expressions for the matrix-tensor model.

References
----------
arXiv:1907.08226 (Sarao Mannelli, Biroli, Cammarota, Krzakala, Zdeborova).
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

__all__ = ["expressions", "kernel_modules", "records"]


def kernel_modules() -> list[str]:
    """Names of the derivation modules that declare ``KERNELS``, sorted."""
    names = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "KERNELS"):
            names.append(info.name)
    return sorted(names)


def records(module) -> tuple:
    """The named expressions of one derivation module: its ``INSTANCES`` (not printed as code),
    then its ``KERNELS``."""
    return (*getattr(module, "INSTANCES", ()), *module.KERNELS)


@lru_cache(maxsize=None)
def expressions() -> dict:
    """All named expressions of the matrix-tensor model (general integer ``p``).

    Returns
    -------
    dict
        Maps a name (``"xi"``, ``"theta"``, ``"delta2_gf"``, ...) to a SymPy expression
        in the symbols of :mod:`derivations.symbols`.
    """
    out = {}
    for name in kernel_modules():
        module = importlib.import_module(f"{__name__}.{name}")
        for kernel in records(module):
            out[kernel.name] = kernel.expr
    return out
