"""The Markdown of a product's `description` and `story` (and their translations): one parser for
both the product page and validation, so that `--check` refuses exactly what the page would not
show as written.

What the catalogue's text needs, and so all that is rendered: paragraphs and line breaks, emphasis,
lists, links, images, headings (`#` becomes `<h3>` and so on down to `<h6>`, because the page puts
each text under an `<h2>` of its own), blockquotes, code (spans, indented and fenced blocks),
tables and horizontal rules. Not rendered: raw HTML (it is shown as text), attribute lists,
footnotes, definition lists and abbreviations; no element gets an `id` or a `class`, since our
scripts and the theme rely on theirs (`ocop-*` ids, `md-*` classes).

Links may use http, https, mailto or tel, or be relative; images http, https or relative. Every
other scheme (`javascript:`, `data:`, `vbscript:`, `file:`…) is refused however it is spelled:
entities, mixed case, or spaces and control characters inside are all seen through. An address
starting with `//` (protocol-relative) is refused too: it is another site, it breaks in the
offline copy (it would become `file://host/…`), and `https://` is just as short to write.

Python-Markdown is the parser (it came with MkDocs); `nh3` then cleans the rendered HTML
with an allowlist, a second wall should this configuration ever let something through.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any
from xml.etree.ElementTree import Element

import markdown
import nh3
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.extensions.tables import TableExtension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE
from markupsafe import Markup

from .messages import Message, msg

LINK_SCHEMES = ("http", "https", "mailto", "tel")
IMAGE_SCHEMES = ("http", "https")
EXTERNAL_REL = "noopener noreferrer"
HEADING_SHIFT = 2  # the page's sections are <h2>: a text's own "# Heading" becomes <h3>

_PROSE_TAGS = {"p", "br", "em", "strong", "a", "img", "ul", "ol", "li", "blockquote", "code", "pre", "hr"}
_STRUCTURE_TAGS = {"h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td"}  # no h1, h2: see HEADING_SHIFT
ALLOWED_TAGS = frozenset(_PROSE_TAGS | _STRUCTURE_TAGS)
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "rel"}, "img": {"src", "alt", "title"}, "ol": {"start"}}
# Attributes allowed with these values only (nh3 wants them apart from ALLOWED_ATTRIBUTES).
ALLOWED_VALUES = {
    "img": {"loading": {"lazy"}},
    "th": {"align": {"left", "center", "right"}},
    "td": {"align": {"left", "center", "right"}},
}

# The keys of the refusals' messages (catalogue/messages).
RAW_HTML_MESSAGE = "markdown.raw-html"
TOO_DEEP_MESSAGE = "markdown.too-deep"
ATTRIBUTES_MESSAGE = "markdown.attributes"

# What a reader would take for a tag or comment. `<` before a space or a digit ("độ ẩm < 12%")
# is text, and autolinks (`<https://…>`) have become links before this is looked for.
_TAG = re.compile(r"<!--|<[!?][A-Za-z]|</?[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)[^<>]*>?")
# Attribute lists as Python-Markdown's attr_list reads them: `{: …}`, or braces whose first word
# is `#id`, `.class` or `key=value`. Other braces ("{xem ghi chú}") are text.
_ATTRIBUTE_LIST = re.compile(r"\{(?::[^{}\n]*|[ \t]*(?:[#.][^\s{}]|[A-Za-z_:][\w:.-]*=)[^{}\n]*)\}")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_HEADINGS = {f"h{n}": f"h{min(n + HEADING_SHIFT, 6)}" for n in range(1, 7)}


@dataclass(frozen=True)
class Refusal:
    """Something in a Markdown text that the page would not show as written."""

    code: str
    message: Message


def render(text: str) -> Markup:
    """The HTML of a Markdown text, safe to put in a page as it is."""
    return _convert(text)[0]


def refusals(text: str) -> tuple[Refusal, ...]:
    """Everything in a Markdown text that `render` drops or shows as plain text, in reading order."""
    return _convert(text)[1]


def target_refusal(target: str, image: bool = False) -> Message | None:
    """Why a link's (or an image's) address is refused, or None when it may be used."""
    noun = msg("markdown.image" if image else "markdown.link", target=_shown(target))
    if _as_browser_reads(target)[:2].replace("\\", "/") == "//":
        return msg("markdown.no-scheme", noun=noun)
    scheme = scheme_of(target)
    allowed = IMAGE_SCHEMES if image else LINK_SCHEMES
    if scheme is None or scheme in allowed:
        return None
    return msg("markdown.scheme", noun=noun, schemes=_either(allowed))


def scheme_of(target: str) -> str | None:
    """The scheme of an address in lower case, as a browser finds it, or None for a relative one."""
    match = _SCHEME.match(_as_browser_reads(target))
    return match.group(1).lower() if match else None


def sanitise(fragment: str) -> str:
    """HTML with only the tags, attributes and URL schemes of rendered catalogue Markdown."""
    return _cleaner().clean(fragment)


def _as_browser_reads(target: str) -> str:
    """The address with character references decoded (more than once, to see through `&amp;#x61;`)
    and every space, control or invisible character removed, as a browser ignores them in a scheme."""
    text = target.replace(AMP_SUBSTITUTE, "&")
    for _ in range(4):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) not in ("Cc", "Cf", "Zs"))


def _either(schemes: tuple[str, ...]) -> Message:
    """('http', 'https', 'tel') → 'http://, https:// or tel:', as the addresses start."""
    words = [f"{scheme}://" if scheme.startswith("http") else f"{scheme}:" for scheme in schemes]
    return msg("field.either", first=", ".join(words[:-1]), last=words[-1])


def _shown(text: str, limit: int = 80) -> str:
    """Text for a one-line message: invisible characters written as escapes, cut to `limit`."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text[:limit])


@lru_cache(maxsize=4096)  # validation and the page of each language render the same texts
def _convert(text: str) -> tuple[Markup, tuple[Refusal, ...]]:
    renderer = _renderer()
    renderer.found.clear()
    try:
        html_text = renderer.md.reset().convert(text)
    except RecursionError:  # Python-Markdown's block parser recurses once per level of nesting
        _renderer.cache_clear()  # the parser's state was left half-way: start the next text afresh
        return Markup("<p>{}</p>").format(text), (Refusal("markdown-too-deep", msg(TOO_DEEP_MESSAGE)),)
    return Markup(sanitise(html_text)), tuple(renderer.found)


class _Renderer:
    """One configured Markdown converter and the list its processors report refusals to.
    Not thread-safe; the build renders pages in one thread per process."""

    def __init__(self) -> None:
        self.found: list[Refusal] = []
        self.md = markdown.Markdown(extensions=["sane_lists", TableExtension(use_align_attribute=True)], output_format="html")
        # Raw HTML is text: without these two, `<b>` and `<div>` are escaped like any other text.
        self.md.preprocessors.deregister("html_block")
        self.md.inlinePatterns.deregister("html")
        self.md.preprocessors.register(_Fences(self.md, self.found), "fenced_code_block", 25)
        # After Python-Markdown's own "unescape" (0): texts and addresses as the reader gets them.
        self.md.treeprocessors.register(_Inspector(self.md, self.found), "ocop_inspector", -10)


@cache
def _renderer() -> _Renderer:
    return _Renderer()


@cache
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        tag_attribute_values={tag: {name: set(values) for name, values in pairs.items()} for tag, pairs in ALLOWED_VALUES.items()},
        url_schemes=set(LINK_SCHEMES),
        link_rel=None,  # set by _Inspector on links to other sites only
        strip_comments=True,
    )


class _Fences(FencedBlockPreprocessor):
    """Fenced code blocks (``` or ~~~) without the `{#id .class}` that may follow the fence."""

    def __init__(self, md: markdown.Markdown, found: list[Refusal]) -> None:
        super().__init__(md, {"lang_prefix": "language-"})
        self.found = found

    def handle_attrs(self, attrs: Iterable[tuple[str, str | None]]) -> tuple[str, list[str], dict[str, Any]]:
        words = [_attribute_word(key, value) for key, value in attrs]
        if words:
            self.found.append(Refusal("markdown-attributes", msg(ATTRIBUTES_MESSAGE, found=_shown("{" + " ".join(words) + "}", 40))))
        return "", [], {}


def _attribute_word(key: str, value: str | None) -> str:
    if key == "id":
        return f"#{value}"
    if key == ".":
        return f".{value}"
    return key if value is None else f'{key}="{value}"'


class _Inspector(Treeprocessor):
    """Shifts headings, checks link and image addresses (removing refused ones), marks links to
    other sites, and reports text that looks like HTML or an attribute list."""

    def __init__(self, md: markdown.Markdown, found: list[Refusal]) -> None:
        super().__init__(md)
        self.found = found

    def run(self, root: Element) -> None:
        for element, closing in _in_reading_order(root):
            if closing:
                self._check_text(element.tail)
                continue
            element.tag = _HEADINGS.get(element.tag, element.tag)
            if element.tag == "a":
                self._check_target(element, "href", image=False)
            elif element.tag == "img":
                self._check_target(element, "src", image=True)
                element.set("loading", "lazy")
            if element.tag not in ("code", "pre"):
                self._check_text(element.text)
            self._check_text(element.get("alt"))
            self._check_text(element.get("title"))

    def _check_target(self, element: Element, attribute: str, image: bool) -> None:
        target = element.get(attribute)
        if target is None:
            return
        problem = target_refusal(target, image)
        if problem:
            self.found.append(Refusal("unsafe-link", problem))
            del element.attrib[attribute]
        elif not image and scheme_of(target) in ("http", "https"):
            element.set("rel", EXTERNAL_REL)

    def _check_text(self, text: str | None) -> None:
        if not text:
            return
        tags = [(m.start(), "raw-html", RAW_HTML_MESSAGE, m.group(0)) for m in _TAG.finditer(text)]
        lists = [(m.start(), "markdown-attributes", ATTRIBUTES_MESSAGE, m.group(0)) for m in _ATTRIBUTE_LIST.finditer(text)]
        for _, code, message, found in sorted(tags + lists):
            self.found.append(Refusal(code, msg(message, found=_shown(found, 40))))


def _in_reading_order(root: Element) -> Iterator[tuple[Element, bool]]:
    """Each element as it opens (False) and as it closes (True, when its tail follows), in
    document order; without recursion, as lists may be nested deep."""
    stack = [(root, False)]
    while stack:
        element, closing = stack.pop()
        yield element, closing
        if not closing:
            stack.append((element, True))
            stack.extend((child, False) for child in reversed(element))
