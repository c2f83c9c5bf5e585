"""The MkDocs hook that gives a page its body back once the theme's search plugin has read the
stand-in that catalogue/render/hooks.py showed it (a module of its own: MkDocs takes one function
per event from each hooks file)."""

from __future__ import annotations

from typing import Any

from mkdocs.plugins import event_priority


@event_priority(-100)  # after the search plugin
def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    """The page's own body, for the theme to render."""
    content = page.__dict__.pop("ocop_content", None)
    if content is not None:
        page.content = content
    return context
