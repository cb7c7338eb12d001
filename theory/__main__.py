"""``python -m theory``: the same command line as ``spiked-theory``."""

import os
import sys

try:
    from theory.cli import main
except KeyboardInterrupt:  # Ctrl-C while the toolkit loads: the same contract as a command
    sys.stderr.write("spiked-theory: interrupted (Ctrl-C); no output written\n")
    raise SystemExit(130) from None

if __name__ == "__main__":
    status = main()
    if status == 130:
        # After a Ctrl-C, leave at once with 130.  Returning through runpy let CPython 3.11 end
        # about one run in five by killing itself with SIGINT (status -2, no traceback) although
        # the command had caught the KeyboardInterrupt and printed its line (seen with strace:
        # kill(self, SIGINT) after finalisation); the console script never did.  The command has
        # already removed its temporary output, so nothing is left to clean up.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(130)
    raise SystemExit(status)
