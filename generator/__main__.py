"""`python -m generator`: the same command line as `boto-typegen`."""

import sys

from .cli import main

sys.exit(main())
