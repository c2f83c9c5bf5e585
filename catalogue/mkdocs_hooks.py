"""MkDocs hooks of the catalogue (with render.py, the only MkDocs-specific code).

Generated pages are ready HTML; passing them through Markdown (whose raw-HTML parser walks every
tag) cost about 40% of the build, so their Markdown file holds only front matter naming the HTML
file, and the HTML is put in place after conversion.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Nothing to convert for a generated page."""
    return "" if page.meta.get("ocop_body") else markdown


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """The generated page's HTML in place of the (empty) converted Markdown."""
    body = page.meta.get("ocop_body")
    if not body:
        return html
    return (Path(config.extra["ocop_bodies"]) / body).read_text(encoding="utf-8")
