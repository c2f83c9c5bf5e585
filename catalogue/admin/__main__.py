"""`python -m catalogue.admin`: the form editor with the live preview (see catalogue.admin.server)."""

import sys

from .server import main

sys.exit(main())
