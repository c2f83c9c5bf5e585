"""The renderer seam: everything that knows MkDocs (configuration, hooks, the builds, the preview
server) and the offline rewrite of the rendered site."""
