"""The DMFT integrators as objects (docs/dynamics.md): a quadrature rule of the memory
integrals, a history of stored times, a stepper, one integration loop and one run plan."""
