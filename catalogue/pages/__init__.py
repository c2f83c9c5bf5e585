"""The site's pages as Markdown with front matter, per language; no MkDocs here."""
