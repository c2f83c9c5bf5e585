"""Build the OCOP catalogue site; `python build_site.py --check` only validates the data."""

from catalogue.cli import leave, main

if __name__ == "__main__":
    leave(main())
