"""Kernels generated from derivations/ by ``python -m derivations._codegen``; do not edit by hand.

For each derivation module ``NAME`` there are ``NAME_numpy`` (float64, broadcasting) and
``NAME_mpmath`` (every function takes a context ``ctx`` first) modules.
"""
