"""The standalone bundle's program: `presskit` as the console script runs it."""

import multiprocessing

from presskit.entry import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the PDF's render workers are this program, spawned
    raise SystemExit(main())
