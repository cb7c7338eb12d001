"""Numeric kernels printed from :mod:`derivations`, and the solvers built on them.

The generated modules live in :mod:`numerics._generated` (printed by ``python -m derivations._codegen``);
nothing here imports SymPy at run time.
"""
