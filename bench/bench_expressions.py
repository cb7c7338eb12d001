"""Cold start of theory.expressions(): fresh processes, ratio against ``import sympy`` and
against deriving (derivations.expressions()).  Run: ``python bench/bench_expressions.py``."""

import subprocess
import sys
import time

CASES = {
    "import sympy": "import sympy",
    "theory.expressions() + ThresholdCurve.latex()":
        "import theory; theory.expressions(); theory.threshold(p=3).latex()",
    "derivations.expressions() (derive)": "import derivations; derivations.expressions()",
}


def cold(code: str, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        best = min(best, time.perf_counter() - t)
    return best


if __name__ == "__main__":
    base = cold("pass")
    times = {name: cold(code, 1 if "derive" in name else 3) - base for name, code in CASES.items()}
    ref = times["import sympy"]
    for name, t in times.items():
        print(f"{name:<50} {t:6.2f} s   {t / ref:5.2f} x import sympy")
