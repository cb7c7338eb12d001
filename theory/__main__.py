"""``python -m theory``: the same command line as ``spiked-theory``."""

import sys

try:
    from theory.cli import main
except KeyboardInterrupt:  # Ctrl-C while the toolkit loads: the same contract as a command
    sys.stderr.write("spiked-theory: interrupted (Ctrl-C); no output written\n")
    raise SystemExit(130) from None

if __name__ == "__main__":
    raise SystemExit(main())
