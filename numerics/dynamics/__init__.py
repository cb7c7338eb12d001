"""The DMFT integrators as objects (docs/dynamics.md; :mod:`numerics.dmft` keeps the old names).

::

    quadrature.py    Rectangle, Cells, Trapezoid: row weights, R(t,t), memory sums, cell integrals
    history.py       Fixed, Thinned, Growing: capacity(), bytes(), work(), compact()
    store.py         C, R, m on the stored times; the derivative of the last row under a rule
    stepper.py       Euler, Heun (explicit, bound as Explicit), BDF2 (implicit, ImplicitBDF2)
    bdf2.py          the implicit row solve and its error estimates
    extrapolated.py  Extrapolated(levels): a combinator over runs of its base scheme
    loop.py          the one integration loop, and the Run it returns
    integrate.py     VALIDATED pairs; integrate(field, m0, t_max, dt, scheme=, history=)
    plan.py          RunPlan(scheme, history, dt, t_max): steps, bytes, cost, validity, refusals
    end_states.py    closed-form end states, crossing times, the aging drift of a stuck run
    jets.py          the float jets of xi and g (isolated: one evaluator to swap)
"""
