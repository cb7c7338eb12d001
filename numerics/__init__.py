"""Numeric kernels printed from :mod:`derivations`, and the solvers built on them.

The generated modules live in :mod:`numerics._generated` (``python -m numerics.codegen``);
nothing here imports SymPy at run time.
"""
