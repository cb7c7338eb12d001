"""Threshold kinds as objects (docs: design section 6): one module per model family, each with
an explicit catalogue ``LINES`` in the documented order; no registration side effects.

See :class:`numerics.lines.base.Line` for the protocol a kind follows.
"""
