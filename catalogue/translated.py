"""The one rule for translated text: the reader's language when the data has it, else Vietnamese.

The data is written in Vietnamese (`languages.SOURCE`). A record (product, producer, sales point,
office, settings) may carry `translations.<lang>.<field>`, which overrides `<field>` in `lang`;
a field missing there falls back to the Vietnamese text, and the result says which language the
text is in, so that a page can mark the fallback (`lang="vi"`, see `pages.html.text_span`).
Vocabulary terms (groups, categories, fact labels...) are mappings by language and follow the
same rule through `term`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .languages import SOURCE


@dataclass(frozen=True)
class Localized:
    """A text and the language it is written in."""

    text: str
    lang: str

    def fell_back(self, lang: str) -> bool:
        """True when the reader asked for `lang` but got the text in another language."""
        return self.lang != lang


def source(text: str) -> Localized:
    """A text of the data as written (in the source language, Vietnamese)."""
    return Localized(text, SOURCE)


def pick(original: str, translations: Mapping[str, str | None], lang: str) -> Localized:
    """The text in `lang` from `translations` when there is one, else `original` (Vietnamese)."""
    text = translations.get(lang) if lang != SOURCE else None
    return Localized(text, lang) if text else source(original)


def translation(record: Any, field: str, lang: str) -> Any:
    """The value of `field` written for `lang` in the record's `translations`, or None (no fallback)."""
    if lang == SOURCE:
        return getattr(record, field)
    translated = (getattr(record, "translations", None) or {}).get(lang)
    return getattr(translated, field, None) if translated is not None else None


def localized(record: Any, field: str, lang: str) -> Localized | None:
    """A record's `field` in `lang`, falling back to Vietnamese; None when the field is empty."""
    original = getattr(record, field)
    if original is None:
        return None
    return pick(original, {lang: translation(record, field, lang)}, lang)


def localized_text(record: Any, field: str, lang: str) -> str:
    """The text of `localized` alone ('' for an empty field), where no mark is needed (titles, data)."""
    found = localized(record, field, lang)
    return found.text if found else ""


def localized_fact(record: Any, key: str, lang: str) -> Localized:
    """The value of fact `key` (which the record has) in `lang`, falling back to Vietnamese."""
    facts = translation(record, "facts", lang) or {}
    return pick(record.facts[key], {lang: facts.get(key)}, lang)


def term(labels: Mapping[str, str], lang: str) -> str:
    """A vocabulary term (a mapping by language, such as a group's label) in `lang`, else in Vietnamese."""
    return pick(labels[SOURCE], labels, lang).text
