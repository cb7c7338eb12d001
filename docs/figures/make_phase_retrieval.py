"""Figures of docs/phase_retrieval.md: finite-N gradient descent on real phase retrieval.

    python docs/figures/make_phase_retrieval.py [spectrum] [success] [table]

With no argument both figures are made and the threshold table printed (about 6 minutes on
2 shared cores; the success ensemble is kept in the temporary folder and reused).  Each experiment
prints the numbers the page quotes and writes ``phase_retrieval_<name>.png`` beside this
script.  Seeds are fixed, so the numbers are reproducible on one machine (one BLAS thread).

The theory lines (bulk edges and outlier of ``theory.hessian(model=PhaseRetrieval(...))``, the
``initial_curvature`` and ``gradient_flow`` thresholds of ``theory.threshold``) are drawn when
the library provides them; otherwise the script says which are missing and the figure goes
without them.
"""

from __future__ import annotations

import math
import pickle
import sys
import tempfile
import time
from pathlib import Path

import matplotlib

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the packages, without installing
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

import theory  # noqa: E402
from numerics import pr_simulation as core  # noqa: E402
from theory import PhaseRetrieval  # noqa: E402
from theory._pr_simulation import simulate_phase_retrieval, simulate_phase_retrieval_ensemble  # noqa: E402

HERE = Path(__file__).resolve().parent
MODEL = PhaseRetrieval("regularised", a=0.01)


def save(fig, name):
    path = HERE / f"phase_retrieval_{name}.png"
    fig.savefig(path, dpi=130, bbox_inches="tight")
    plt.close(fig)
    print(f"wrote {path.relative_to(HERE.parent.parent)}")


def _try(what, fn, **kw):
    """The library's value, or None (printed) while the family's theory is not there."""
    try:
        return fn(**kw)
    except (TypeError, ValueError, NotImplementedError, AttributeError) as exc:
        print(f"  TODO(lead): {what} not available yet ({type(exc).__name__}: {str(exc).splitlines()[0][:100]})")
        return None


def _theory_lines(ax, th, colour, what):
    if th is None:
        return
    low = float(th.bulk_edges[0])
    ax.axvline(low, color=colour, linestyle="--", linewidth=1.2, label=f"{what}: lower edge {low:.2f}")
    if th.outlier is not None:
        ax.axvline(float(th.outlier), color=colour, linestyle="-", linewidth=1.5,
                   label=f"{what}: outlier {float(th.outlier):.2f}")


def spectrum():
    """Spectrum of the Riemannian Hessian at a random start and where a descent stalled."""
    n = 400
    fig, axes = plt.subplots(1, 2, figsize=(11, 3.8), layout="constrained")
    print(f"Hessian spectra, {MODEL}, N = {n} (dense eigvalsh of the Riemannian Hessian)")
    # (1) a random start at alpha = 4: (h, h*) independent Gaussians
    alpha = 4.0
    inst = core.Instance(n=n, m=math.ceil(alpha * n), labels=MODEL.labels, rng=np.random.default_rng(0))
    H, basis = core.riemannian_hessian_dense(inst, MODEL.loss_jets, inst.x0)
    values, vectors = np.linalg.eigh(H)
    v = basis @ vectors[:, 0]
    print(f"  random start, alpha = {alpha}: lowest {values[0]:.4f}, second {values[1]:.4f}, "
          f"overlap^2 of the lowest eigenvector with x* {(v @ inst.x_star) ** 2 / n:.3f}, m = "
          f"{inst.x0 @ inst.x_star / n:+.3f}")
    th = _try("theory.hessian(model=PhaseRetrieval, alpha=, m=0)", theory.hessian, model=MODEL, alpha=alpha, m=0.0)
    if th is not None:
        print(f"    theory at m = 0 (N -> infinity): bulk {th.bulk_edges}, outlier {th.outlier}, "
              f"overlap {th.overlap}, mu {th.mu}")
    h = inst.preactivations(inst.x0)
    ths = _try("theory.hessian(model=PhaseRetrieval, alpha=, sample=(h, h*))", theory.hessian, model=MODEL,
               alpha=alpha, sample=(h, inst.h_star))
    if ths is not None:
        print(f"    theory of the sample: bulk {ths.bulk_edges}, outlier {ths.outlier}, overlap {ths.overlap}, "
              f"mu {ths.mu}")
    _hist(axes[0], values, [(ths, "tab:blue", "theory of the sample"), (th, "tab:green", "theory, m = 0")],
          f"random start, $\\alpha$ = {alpha:g}")
    # (2) where a descent from a random start stalled, alpha = 1.5
    alpha = 1.5
    r = simulate_phase_retrieval(MODEL, n=n, alpha=alpha, seed=1, progress=False)
    inst = core.Instance(n=n, m=r.m_rows, labels=MODEL.labels, rng=np.random.default_rng(1))
    H, _ = core.riemannian_hessian_dense(inst, MODEL.loss_jets, r.x)
    values = np.linalg.eigvalsh(H)
    print(f"  descent at alpha = {alpha}: {r.outcome} after {r.steps} steps, |m| = {abs(r.m[-1]):.3f}, "
          f"Lanczos lowest {r.lowest:.5f} (dense {values[0]:.5f}), overlap^2 {r.overlap:.3f}")
    th = _try("theory.hessian(model=PhaseRetrieval, alpha=, sample=(h, h*, y), m=)", r.theory_hessian)
    if th is not None:
        print(f"    theory of the sample: bulk {th.bulk_edges}, outlier {th.outlier}, overlap {th.overlap}")
    _hist(axes[1], values, [(th, "tab:blue", "theory of the sample")], f"stalled descent, $\\alpha$ = {alpha:g}, |m| = {abs(r.m[-1]):.2f}")
    fig.suptitle(f"Riemannian Hessian of the regularised loss (a = {MODEL.a:g}) at N = {n}: sampled "
                 "spectrum (histogram) and the random-matrix theory (lines)")
    save(fig, "spectrum")


def _hist(ax, values, theories, title):
    hi = np.quantile(values, 0.9)
    lows = [values[0]] + [float(t.bulk_edges[0]) for t, _, _ in theories if t is not None]
    lows += [float(t.outlier) for t, _, _ in theories if t is not None and t.outlier is not None]
    lo = min(lows) - 0.1 * (hi - min(lows))
    shown = values[values <= hi]
    ax.hist(shown, bins=60, density=True, color="0.7", label=f"sampled ({len(values)} eigenvalues; lowest 90%)")
    ax.plot([values[0]], [0], marker="^", color="tab:red", markersize=9, linestyle="none",
            label=f"sampled lowest {values[0]:.3f}")
    for th, colour, what in theories:
        _theory_lines(ax, th, colour, what)
    ax.set(xlim=(lo, hi), xlabel="eigenvalue", ylabel="density", title=title)
    ax.legend(fontsize=7, loc="upper right")


def success():
    """Success rate against alpha at three N, with the thresholds of the theory."""
    ns = (128, 256, 512)
    alphas = (1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0)
    seeds = range(16)
    print(f"success rate, {MODEL}, N = {ns}, {len(seeds)} seeds per point, alphas {alphas}")
    # the ensemble is kept in the temporary folder, so that the lines can be redrawn without
    # rerunning it (delete the file to rerun)
    cache = Path(tempfile.gettempdir()) / "spiked_theory_phase_retrieval_success.pkl"
    key = (MODEL, alphas, ns, tuple(seeds))
    e = None
    if cache.is_file():
        stored_key, stored = pickle.loads(cache.read_bytes())
        e = stored if stored_key == key else None
    if e is None:
        e = simulate_phase_retrieval_ensemble(MODEL, alphas=alphas, ns=ns, seeds=seeds, diagnostics=False,
                                              progress=False)
        cache.write_bytes(pickle.dumps((key, e)))
    for i, n in enumerate(ns):
        for j, a in enumerate(alphas):
            print(f"  N={n:4d} alpha={a:4.2f} rate={e.rate[i, j]:.3f} [{e.ci_low[i, j]:.3f}, {e.ci_high[i, j]:.3f}] "
                  f"median steps {np.median(e.steps[i, j]):.0f}, mean {np.mean(e.seconds[i, j]):.2f} s")
        print(f"  N={n:4d}: alpha_50 = {e.alpha_50[i]:.3f} +- {e.alpha_50_error[i]:.3f} ({e.alpha_50_method[i]})")
    print(f"  extrapolation alpha_50(N) = alpha_inf + c/log N: alpha_inf = {e.alpha_inf:.3f} +- "
          f"{e.alpha_inf_error:.3f}, c = {e.slope:.3f}")
    fig, ax = plt.subplots(figsize=(7, 4.4), layout="constrained")
    e._draw(ax)
    curvature = float(theory.threshold(model=MODEL, kind="initial_curvature"))
    print(f"  initial_curvature: alpha = {curvature:.4f}")
    ax.axvline(curvature, color="tab:red", linestyle="--", label=f"initial_curvature (N $\\to\\infty$) = {curvature:.3g}")
    # the gradient_flow kind: its default (the most numerous 1RSB states) and its marginal states,
    # which it refuses by default (negative complexity): drawn with the check off, and labelled so
    flow = theory.threshold(model=MODEL, kind="gradient_flow", full_output=True)
    print(f"  gradient_flow (most numerous states): alpha = {flow.value:.4f}, Sigma = {flow.state.complexity:.4f}, "
          f"replicon = {flow.state.replicon:.3f}, gap = {flow.state.gap:.3f}")
    ax.axvline(flow.value, color="tab:purple", linestyle="-",
               label=f"gradient_flow, most numerous 1RSB states = {flow.value:.3g}")
    marginal = theory.threshold(model=MODEL, kind="gradient_flow", states="marginal", check_complexity=False,
                                full_output=True)
    print(f"  gradient_flow (marginal states, check_complexity=False): alpha = {marginal.value:.4f}, "
          f"Sigma = {marginal.state.complexity:.4f}")
    ax.axvline(marginal.value, color="tab:purple", linestyle="-.",
               label=f"gradient_flow, marginal 1RSB states = {marginal.value:.3g} "
                     f"($\\Sigma$ = {marginal.state.complexity:.3f} < 0)")
    # the BBP condition at the traps, measured at N = 800 (the table of "The traps of gradient
    # flow, measured"): a measurement, drawn as one
    ax.axvspan(4.0, 4.2, color="tab:purple", alpha=0.12, label="trap BBP measured at N = 800 (4.1 $\\pm$ 0.1)")
    ax.set_title(f"Gradient descent from a random start, regularised loss (a = {MODEL.a:g}); "
                 f"{len(seeds)} seeds per point", fontsize=9)
    ax.legend(fontsize=7, loc="lower right")
    save(fig, "success")


def table():
    """The markdown table of every threshold kind for both losses (docs/phase_retrieval.md)."""
    models = (PhaseRetrieval("square"), MODEL)
    kinds = list(theory.kinds(model=MODEL))
    print("| kind | square | regularised, $a = 0.01$ |")
    print("|---|---|---|")
    for kind in kinds:
        cells = []
        for model in models:
            kw = {"preprocessing": "optimal"} if kind == "spectral" else {}
            try:
                cells.append(f"{float(theory.threshold(model=model, kind=kind, **kw)):.5g}")
            except ValueError as exc:
                cell = f"refused ({str(exc).splitlines()[0][:60]}...)"
                cells.append(cell)
        name = f"`{kind}`" + (" (optimal)" if kind == "spectral" else "")
        print(f"| {name} | {' | '.join(cells)} |")
    cells = []
    for model in models:  # the marginal states of the gradient_flow kind
        try:
            cells.append(f"{theory.threshold(model=model, kind='gradient_flow', states='marginal'):.5g}")
        except ValueError as exc:
            cell = f"refused ({str(exc).splitlines()[0][:60]}...)"
            if "negative complexity" in str(exc):
                value = theory.threshold(model=model, kind="gradient_flow", states="marginal", check_complexity=False,
                                         full_output=True)
                cell += f"; {value.value:.5g} with check_complexity=False (Sigma = {value.state.complexity:.3g})"
            cells.append(cell)
    print(f"| `gradient_flow`, `states=\"marginal\"` | {' | '.join(cells)} |")
    print("Every kind that applies is available in float64 and at certified dps= (amp up to dps=50; a callable "
          "preprocessing and gradient_flow float64 only).")


EXPERIMENTS = {"spectrum": spectrum, "success": success, "table": table}

if __name__ == "__main__":
    for name in sys.argv[1:] or EXPERIMENTS:
        t0 = time.perf_counter()
        EXPERIMENTS[name]()
        print(f"[{name}: {time.perf_counter() - t0:.0f} s]", flush=True)
