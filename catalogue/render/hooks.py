"""MkDocs hooks of the catalogue (with render.py, the only MkDocs-specific code).

Generated pages are ready HTML; passing them through Markdown (whose raw-HTML parser walks every
tag) cost about 40% of the build, so their Markdown file holds only front matter naming the HTML
file, and the HTML is put in place after conversion.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from html import escape, unescape
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket
from mkdocs.plugins import event_priority

from catalogue.render import FIRST_H1, TEMPLATE_CACHE
from catalogue.render.offline import file_link
from catalogue.rules import fold_tone_marks
from catalogue.urls import Urls

_TAG = re.compile(r"<[^>]+>")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_SEGMENT = "\u200b"  # where the theme's search plugin splits Chinese words (jieba); the zh theme's separator splits there

# Pages that say what the search index should hold for them (front matter `ocop_search`), by URL.
_SEARCH_TEXT: dict[str, str] = {}


def on_pre_build(config: Any) -> None:
    """Start each build (and each rebuild under `serve`) afresh."""
    _SEARCH_TEXT.clear()


class _TemplateCache(FileSystemBytecodeCache):
    """Compiled templates, each under its name and the checksum of its source: compiling the
    theme's templates was a third of a MkDocs build of the navigation's pages. A cache that cannot
    be written only costs the next build that time."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def on_env(env: Environment, config: Any, files: Any) -> Environment:
    """Templates compiled by an earlier build are taken from its cache, when the build names one."""
    folder = os.environ.get(TEMPLATE_CACHE)
    if folder:
        with contextlib.suppress(OSError):
            Path(folder).mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = _TemplateCache(folder)
    return env


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Nothing to convert for a generated page."""
    return "" if page.meta.get("ocop_body") else markdown


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """The generated page's HTML in place of the (empty) converted Markdown."""
    if page.meta.get("ocop_search"):
        _SEARCH_TEXT[page.url] = page.meta["ocop_search"]
    body = page.meta.get("ocop_body")
    if not body:
        return html
    return (Path(config.extra["ocop_bodies"]) / body).read_text(encoding="utf-8")


@event_priority(100)  # before the search plugin reads the page; catalogue/render/after_search.py puts it back
def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    """A page that says what the index should hold for it (`ocop_search`) is shown to the theme's
    search plugin as its own <h1> alone: the plugin would otherwise parse a listing's every card
    (half of MkDocs' time) for text that `on_post_build` replaces. The entry is the same: the
    plugin titles it after that <h1> (or the page's title when there is none), and a generated
    body has no headings with anchors to make sections of."""
    if page.meta.get("ocop_search") and page.meta.get("ocop_body"):
        page.ocop_content = page.content
        title = FIRST_H1.search(page.content)
        page.content = title.group(0) if title else ""
    return context


@event_priority(-50)  # after the search plugin has written its index
def on_post_build(config: Any) -> None:
    """Pages that say what the index should hold for them (front matter `ocop_search`: a listing by
    its title and intro, not its cards) are indexed by that text alone; product pages are not in
    the index at all (catalogue/pages/search.py has the header search's own).
    Then make the theme's search box find words typed without tone marks ("mat ong" → "Mật ong"),
    and Chinese names typed whole ("帕乌蜂蜜") as well as by their words ("蜂蜜"):
    every entry whose title or text has marks also gets them folded, in the fields that
    render.py declares to the search plugin (it indexes them without showing them). For the
    offline copy, results link to index.html files and the index is also written as a script."""
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        if doc["location"] in _SEARCH_TEXT:
            doc["text"] = f"<p>{escape(segmented(_SEARCH_TEXT[doc['location']]))}</p>"
        for field in ("title", "text"):
            plain = unescape(_TAG.sub(" ", doc.get(field, "")))
            # Chinese is also indexed unsegmented: the browser does not segment what is typed, so a
            # whole name typed without spaces must match too (its words match the segmented field).
            folded = fold_tone_marks(plain.replace(_SEGMENT, ""))
            if folded != plain.casefold():
                doc[f"folded_{field}"] = escape(folded)  # every field of the index is HTML, as the theme expects
        if config.extra.get("ocop_offline"):
            doc["location"] = file_link(doc["location"]) if doc["location"] else Urls.index_file("")
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    path.write_text(data, encoding="utf-8")
    if config.extra.get("ocop_offline"):
        # From file:// the theme loads the index as a script (it cannot fetch JSON there).
        path.with_suffix(".js").write_text(f"var __index = {data};\n", encoding="utf-8")


def segmented(text: str) -> str:
    """`text` with its Chinese words split as the theme's search plugin splits the pages it indexes
    (with jieba, when it is installed), for the index text that replaces theirs."""
    try:
        import jieba
    except ImportError:
        return text
    return _HAN.sub(lambda run: _SEGMENT + _SEGMENT.join(jieba.cut(run.group(0))) + _SEGMENT, text).strip(_SEGMENT)
