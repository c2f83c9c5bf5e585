"""The languages of a catalogue: the one the data is written in, and every language the site can be
built in, each with its interface words.

The catalogue's data (names, summaries, addresses) is written in Vietnamese; other languages are
translations of it, and any text missing from a translation falls back to Vietnamese.

A language is a words file, `catalogue/words/<code>.yaml`: a `language:` header (how HTML, Open
Graph, Babel, the theme and its search name the language; whether print can be made in it) and
`words:`, every interface text by key with its `{placeholders}`. Adding a language to the site is a
new words file and a line in the settings: no Python change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from types import MappingProxyType

import yaml
from markupsafe import Markup, escape

SOURCE = "vi"  # the language the data is written in; first in `languages`, at the site root
DATE_STYLES = ("short", "medium", "long")  # Babel's date formats, for the header's `dates`


@dataclass(frozen=True)
class Language:
    """One language of the site, as its words file describes it."""

    code: str  # the settings' code and the folder of its pages: 'zh'
    name: str  # its own name, for the language switch: '简体中文'
    html: str  # BCP 47 tag for lang= and hreflang=: 'zh-Hans'
    og_locale: str  # Open Graph locale: 'zh_CN'
    babel: str  # Babel locale for dates and numbers: 'zh_Hans_CN'
    theme: str  # Material for MkDocs' language (its partials/languages/<theme>.html)
    search: str  # the language of the search plugin's lunr index
    dates: str  # Babel's date format ('medium': 28 Nov 2026, 'long': 2026年11月28日) or a CLDR pattern ('dd/MM/y')
    print: bool  # PDFs and share cards can be drawn in it (their font covers its script)
    words: Mapping[str, str]

    def text(self, key: str, **values: object) -> str:
        """The words `key` with their `{placeholders}` filled."""
        return self.words[key].format(**values)


def words_folder() -> Traversable:
    """The folder of the words files shipped with the package."""
    return resources.files("catalogue").joinpath("words")


@cache
def available() -> tuple[str, ...]:
    """The codes of every language with a words file, Vietnamese first, the others by code."""
    codes = sorted(entry.name.removesuffix(".yaml") for entry in words_folder().iterdir() if entry.name.endswith(".yaml"))
    return (SOURCE, *(code for code in codes if code != SOURCE))


@cache
def language(code: str) -> Language:
    """The language `code` from its words file; KeyError for a code without one."""
    if code not in available():
        raise KeyError(f"no words file for language '{code}' (catalogue/words/{code}.yaml)")
    return read_language(code, words_folder().joinpath(f"{code}.yaml").read_text(encoding="utf-8"))


def read_language(code: str, text: str) -> Language:
    """A language from the text of its words file (ValueError, naming the file, when its header is wrong)."""
    data = yaml.load(text, Loader=yaml.CSafeLoader)
    where = f"catalogue/words/{code}.yaml"
    header, words = data.get("language"), data.get("words")
    if not isinstance(header, dict) or not isinstance(words, dict):
        raise ValueError(f"{where}: needs a `language:` header and `words:`")
    fields = ("name", "html", "og_locale", "babel", "theme", "search", "dates", "print")
    missing = [field for field in fields if field not in header]
    if missing:
        raise ValueError(f"{where}: the `language:` header lacks {', '.join(missing)}")
    text = MappingProxyType({str(key): str(value) for key, value in words.items()})
    return Language(code=code, **{field: header[field] for field in fields}, words=text)


def t(lang: str, key: str, **values: object) -> str:
    """The interface text `key` in `lang`, with `{placeholders}` filled."""
    return language(lang).text(key, **values)


def t_html(lang: str, key: str, **values: object) -> Markup:
    """The interface text `key` as HTML, its placeholders filled with escaped text or with Markup
    (a <time> element, say)."""
    return escape(language(lang).words[key]).format(**values)


def html_lang(lang: str) -> str:
    """The language's tag for HTML lang= and hreflang= ('zh-Hans' for 'zh')."""
    return language(lang).html


def printed(languages: Iterable[str]) -> list[str]:
    """Those of `languages` that PDFs and share cards can be drawn in (`print: true`)."""
    return [code for code in languages if language(code).print]


def drawn_in(lang: str) -> str:
    """The language whose PDFs and share cards a page in `lang` shows: its own when they can be
    drawn in it, else Vietnamese (the font of the PDFs covers Latin scripts only)."""
    return lang if language(lang).print else SOURCE
