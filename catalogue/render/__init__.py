"""The renderer seam: everything that knows MkDocs (configuration, hooks, the builds, the preview
server) and the offline rewrite of the rendered site."""

import re

# The environment variable naming where the theme's templates, compiled, are kept between builds
# (build.py sets it for each MkDocs build, hooks.py reads it). Here, not in config.py: the hooks
# load in every MkDocs process, and config.py imports the catalogue's models.
TEMPLATE_CACHE = "OCOP_TEMPLATE_CACHE"

# A page body's own title, which the theme's search plugin takes for the page's entry title (read
# by hooks.py, and kept in the stand-in of a body put in place after MkDocs: shells.py).
FIRST_H1 = re.compile(r"<h1[\s>].*?</h1>", re.DOTALL)
