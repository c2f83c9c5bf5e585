"""Build the OCOP catalogue site; `python build_site.py --check` only validates the data."""

import sys

from catalogue.cli import main

if __name__ == "__main__":
    sys.exit(main())
