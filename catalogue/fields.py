"""Field types of the data format: pydantic annotated types with our own error codes.

Each validator raises `fail(code, key, **values)`, a `PydanticCustomError` whose context holds
the office's `Message` (`catalogue.messages`); `catalogue.explain` turns the code into the
`[code]` of a problem and prefixes the message with the field's path.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, StrictStr, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from . import languages, richtext, rules
from .dates import date_problem, date_range_problem
from .messages import Message, msg
from .places import former_district_hint, province
from .vocab import categories, fact_labels

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SUMMARY_MAX = 160
URL_MAX = 2000
EMAIL_MAX = 254
_ID = re.compile(ID_PATTERN)
_EMAIL = re.compile(r"[^@\s\"<>]+@[^@\s\"<>]+\.[A-Za-z]{2,}")
_TAX_CODE = re.compile(r"\d{10}(-\d{3})?")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NOT_IN_URLS = set('"<>`\\')


def fail(code: str, key: str, **values: Any) -> PydanticCustomError:
    """A validation error with the problem `code` and the message `key` (catalogue/messages):
    `catalogue.explain` reads the `Message` from the error's context; its English text is the
    error's own message, for anyone printing the pydantic error as it is."""
    return fail_with(code, msg(key, **values))


def fail_with(code: str, message: Message) -> PydanticCustomError:
    """A validation error with the problem `code` and `message`."""
    return PydanticCustomError(code, "{english}", {"english": message.text("en"), "message": message})


def _unsafe(char: str) -> PydanticCustomError:
    name = unicodedata.name(char, "")
    point = f"{ord(char):04X}"
    if char in rules.BIDI_CONTROLS:
        return fail("bidi-control", "field.bidi-control", point=point, name=name)
    if char == "\n":
        return fail("control-character", "field.line-break")
    if char == "\t":
        return fail("control-character", "field.tab")
    return fail("control-character", "field.control-character", point=point, name=f" ({name})" if name else "")


def _check_line(value: str) -> str:
    char = rules.unsafe_character(value)
    if char is None:
        return value
    raise _unsafe(char)


def _check_multiline(value: str) -> str:
    char = rules.unsafe_character(value, multiline=True)
    if char is None:
        return value
    raise _unsafe(char)


_Stripped = Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1)]
# One line of text, with no control characters and no bidirectional controls.
Text = Annotated[_Stripped, AfterValidator(_check_line)]


def _length_check(limit: int, code: str = "text-too-long", why: str = "") -> Callable[[str], str]:
    """A validator refusing text longer than `limit` characters (`why`: a message key saying why
    the limit); its `limit` is read by the reference."""

    def _check_length(value: str) -> str:
        if len(value) <= limit:
            return value
        raise fail(code, "field.too-long", length=len(value), limit=limit, why=msg(why) if why else "")

    _check_length.limit = limit  # type: ignore[attr-defined]
    return _check_length


def text_of(limit: int) -> Any:
    """One line of text of at most `limit` characters."""
    return Annotated[Text, AfterValidator(_length_check(limit)), WithJsonSchema({"type": "string", "minLength": 1, "maxLength": limit})]


# Lengths a real catalogue needs, and that labels, cards and the printed catalogue can hold.
SHORT_MAX, NAME_MAX, LINE_MAX, NOTE_MAX = 40, 120, 250, 1000
ShortText = text_of(SHORT_MAX)  # certificate numbers, price units, tags, a province
Name = text_of(NAME_MAX)  # names of products, producers, people, bodies, places, sales points
Line = text_of(LINE_MAX)  # addresses, alt texts, fact values, opening hours
Note = text_of(NOTE_MAX)  # reasons and notes


def _check_id(value: str) -> str:
    if 3 <= len(value) <= 40 and _ID.match(value):
        return value
    raise fail("invalid-id", "field.invalid-id", got=value)


Id = Annotated[
    StrictStr,
    AfterValidator(_check_id),
    WithJsonSchema({"type": "string", "pattern": ID_PATTERN, "minLength": 3, "maxLength": 40}),
]


Summary = Annotated[
    Text,
    AfterValidator(_length_check(SUMMARY_MAX, "summary-too-long", "field.summary-why")),
    WithJsonSchema({"type": "string", "minLength": 1, "maxLength": SUMMARY_MAX}),
]


def _check_markdown(value: str) -> str:
    found = richtext.refusals(value)
    if not found:
        return value
    more: Message | str = msg("field.and-more", count=len(found) - 1) if len(found) > 1 else ""
    raise fail(found[0].code, "field.markdown-refusal", refusal=found[0].message, more=more)


Markdown = Annotated[_Stripped, AfterValidator(_check_multiline), AfterValidator(_check_markdown)]


def _check_phone(value: str) -> str:
    digits = rules.normalize_phone(value)
    if digits:
        return digits
    raise fail("invalid-phone", "field.invalid-phone", got=value)


Phone = Annotated[StrictStr, AfterValidator(_check_phone)]


def _check_url(value: str) -> str:
    char = rules.unsafe_character(value) or next((c for c in value if c in _NOT_IN_URLS or c.isspace()), None)
    if char is not None:
        shown: Message | str = (
            msg("field.a-space") if char == " " else f"U+{ord(char):04X}" if rules.unsafe_character(char) or char.isspace() else f"'{char}'"
        )
        raise fail("invalid-url", "field.url-character", got=value[:80], char=shown)
    if len(value) > URL_MAX:
        raise fail("invalid-url", "field.url-too-long", length=len(value), limit=URL_MAX)
    if rules.is_http_url(value):
        return value
    raise fail("invalid-url", "field.not-http", got=value[:80])


Url = Annotated[
    StrictStr,
    AfterValidator(_check_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": '^https?://[^\\s"<>`\\\\]*$', "maxLength": URL_MAX}),
]


def _check_email(value: str) -> str:
    if len(value) <= EMAIL_MAX and _EMAIL.fullmatch(value) and rules.unsafe_character(value) is None:
        return value
    raise fail("invalid-email", "field.invalid-email", got=value[:80])


Email = Annotated[StrictStr, AfterValidator(_check_email), WithJsonSchema({"type": "string", "format": "email", "maxLength": EMAIL_MAX})]


def _check_tax_code(value: str) -> str:
    if _TAX_CODE.fullmatch(value):
        return value
    raise fail("invalid-tax-code", "field.invalid-tax-code", got=value)


TaxCode = Annotated[StrictStr, AfterValidator(_check_tax_code)]


def _check_gtin(value: str) -> str:
    if not (value.isascii() and value.isdigit() and len(value) in (8, 12, 13, 14)):
        raise fail("invalid-gtin", "field.invalid-gtin", got=value)
    if not rules.gtin_is_valid(value):
        expected = rules.gtin_check_digit(value[:-1])
        raise fail("invalid-gtin", "field.gtin-check-digit", got=value, expected=expected)
    return value


Gtin = Annotated[StrictStr, AfterValidator(_check_gtin), WithJsonSchema({"type": "string", "pattern": r"^(\d{8}|\d{12,14})$"})]


def _parse_date(value: Any) -> date:
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        with contextlib.suppress(ValueError):  # 2024-02-30 stays text, reported below
            value = date.fromisoformat(value)
    if isinstance(value, date) and not isinstance(value, datetime):
        return check_date_range(value)
    raise fail_with("invalid-date", date_problem(str(value)[:40]))


def check_date_range(value: date) -> date:
    """`value`, or PydanticCustomError `date-out-of-range` when it is not between FIRST_DATE and LAST_DATE."""
    problem = date_range_problem(value)
    if problem is None:
        return value
    raise fail_with("date-out-of-range", problem)


IsoDate = Annotated[date, BeforeValidator(_parse_date)]


def _check_commune(value: str) -> str:
    units = province().units
    if value in units:
        return value
    former = former_district_hint(value)
    hint = rules.suggest(value, [*units, *(p.name for p in units.values())])
    hint_id = next((p.id for p in units.values() if hint in (p.id, p.name)), None) if hint else None
    said = former or (msg("field.did-you-mean", hint=hint_id) if hint_id else msg("field.see-reference"))
    raise fail("unknown-commune", "field.unknown-commune", got=value, province=province().name, hint=said)


CommuneId = Annotated[StrictStr, AfterValidator(_check_commune), WithJsonSchema({"type": "string", "enum": list(province().units)})]


def _vocabulary(name: str, code: str, noun: str, choices: Callable[[], Iterable[str]]) -> Callable[[str], str]:
    """`noun`: the key of the message naming what the value should be ('field.a-category')."""

    def check(value: str) -> str:
        known = list(choices())
        if value in known:
            return value
        hint = rules.suggest(value, known)
        raise fail(
            code,
            "field.not-in-vocabulary",
            got=value,
            noun=msg(noun),
            hint=msg("field.did-you-mean", hint=hint) if hint else msg("field.see-reference"),
        )

    check.__name__ = name
    return check


CategoryCode = Annotated[
    StrictStr,
    AfterValidator(_vocabulary("_check_category", "unknown-category", "field.a-category", categories)),
    WithJsonSchema({"type": "string", "enum": list(categories())}),
]


FactKey = Annotated[StrictStr, AfterValidator(_vocabulary("_check_fact_key", "unknown-fact", "field.a-fact-key", fact_labels))]


def _number_as_text(value: Any) -> Any:
    # YAML reads `net_weight: 500` as a number; a fact is text, so accept it as written.
    return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else value


FactValue = Annotated[
    Text,
    BeforeValidator(_number_as_text),
    AfterValidator(_length_check(LINE_MAX)),
    WithJsonSchema({"type": ["string", "number"], "maxLength": LINE_MAX}),
]


def _check_language(value: str) -> str:
    if value == languages.SOURCE:
        raise fail("source-language", "field.source-language", got=value)
    if value in languages.available():
        return value
    others = [code for code in languages.available() if code != languages.SOURCE]
    hint = rules.suggest(value, others)
    raise fail(
        "unknown-language",
        "field.unknown-language",
        got=value,
        choices=", ".join(others),
        hint=msg("field.did-you-mean", hint=hint) if hint else "",
    )


# The language of a translation: a code with a words file, other than the source language.
Language = Annotated[
    StrictStr,
    AfterValidator(_check_language),
    WithJsonSchema({"type": "string", "enum": [code for code in languages.available() if code != languages.SOURCE]}),
]
