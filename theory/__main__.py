"""``python -m theory``: the same command line as ``spiked-theory``."""

from theory.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
