"""Field types of the data format: pydantic annotated types with our own error codes.

Each validator raises `PydanticCustomError(code, message)`; `catalogue.explain` turns the code
into the `[code]` of a problem and prefixes the message with the field's path.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, StrictStr, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from . import richtext, rules
from .places import province
from .vocab import categories, fact_labels

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SUMMARY_MAX = 160
_ID = re.compile(ID_PATTERN)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
_TAX_CODE = re.compile(r"\d{10}(-\d{3})?")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

Text = Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1)]


def _fail(code: str, message: str, **ctx: Any) -> PydanticCustomError:
    return PydanticCustomError(code, message, ctx or None)


def _check_id(value: str) -> str:
    if 3 <= len(value) <= 40 and _ID.match(value):
        return value
    raise _fail(
        "invalid-id",
        "'{got}' is not a valid id: use 3 to 40 lowercase letters a-z, digits and single hyphens, e.g. gao-seng-cu",
        got=value,
    )


Id = Annotated[
    StrictStr,
    AfterValidator(_check_id),
    WithJsonSchema({"type": "string", "pattern": ID_PATTERN, "minLength": 3, "maxLength": 40}),
]


def _check_summary(value: str) -> str:
    if len(value) <= SUMMARY_MAX:
        return value
    raise _fail(
        "summary-too-long",
        "is {length} characters long; keep it to {limit} or fewer (cards and link previews cut it)",
        length=len(value),
        limit=SUMMARY_MAX,
    )


Summary = Annotated[Text, AfterValidator(_check_summary), WithJsonSchema({"type": "string", "maxLength": SUMMARY_MAX})]


def _check_markdown(value: str) -> str:
    found = richtext.refusals(value)
    if not found:
        return value
    more = f" (and {len(found) - 1} more in this text)" if len(found) > 1 else ""
    # The message goes in as context: a template would read the braces of "{: #id }" as its own.
    raise _fail(found[0].code, "{refusal}", refusal=found[0].message + more)


Markdown = Annotated[Text, AfterValidator(_check_markdown)]


def _check_phone(value: str) -> str:
    digits = rules.normalize_phone(value)
    if digits:
        return digits
    raise _fail(
        "invalid-phone",
        "'{got}' is not a Vietnamese phone number: expected a 10-digit mobile (09x xxx xxxx), "
        "an 11-digit landline (0213 xxxx xxx) or +84 followed by the number without its 0",
        got=value,
    )


Phone = Annotated[StrictStr, AfterValidator(_check_phone)]


def _check_url(value: str) -> str:
    if rules.is_http_url(value):
        return value
    raise _fail("invalid-url", "'{got}' is not an http:// or https:// address", got=value[:80])


Url = Annotated[StrictStr, AfterValidator(_check_url), WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"})]


def _check_email(value: str) -> str:
    if _EMAIL.fullmatch(value):
        return value
    raise _fail("invalid-email", "'{got}' is not an e-mail address", got=value)


Email = Annotated[StrictStr, AfterValidator(_check_email), WithJsonSchema({"type": "string", "format": "email"})]


def _check_tax_code(value: str) -> str:
    if _TAX_CODE.fullmatch(value):
        return value
    raise _fail("invalid-tax-code", "'{got}' is not a tax code: expected 10 digits, or 10-3 for a branch", got=value)


TaxCode = Annotated[StrictStr, AfterValidator(_check_tax_code)]


def _check_gtin(value: str) -> str:
    if not (value.isascii() and value.isdigit() and len(value) in (8, 12, 13, 14)):
        raise _fail("invalid-gtin", "'{got}' is not a GTIN: expected 8, 12, 13 or 14 digits", got=value)
    if not rules.gtin_is_valid(value):
        expected = rules.gtin_check_digit(value[:-1])
        raise _fail("invalid-gtin", "'{got}' has a wrong check digit: the last digit should be {expected}", got=value, expected=expected)
    return value


Gtin = Annotated[StrictStr, AfterValidator(_check_gtin), WithJsonSchema({"type": "string", "pattern": r"^(\d{8}|\d{12,14})$"})]


def _parse_date(value: Any) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _fail("invalid-date", "expected a date written YYYY-MM-DD, got '{got}'", got=str(value)[:40])


IsoDate = Annotated[date, BeforeValidator(_parse_date)]


def _check_commune(value: str) -> str:
    units = province().units
    if value in units:
        return value
    hint = rules.suggest(value, [*units, *(p.name for p in units.values())])
    hint_id = next((p.id for p in units.values() if hint in (p.id, p.name)), None) if hint else None
    raise _fail(
        "unknown-commune",
        "'{got}' is not a commune or ward of {province}{hint}",
        got=value,
        province=province().name,
        hint=f"; did you mean '{hint_id}'?" if hint_id else " (see docs/reference.md for the list)",
    )


CommuneId = Annotated[StrictStr, AfterValidator(_check_commune), WithJsonSchema({"type": "string", "enum": list(province().units)})]


def _vocabulary(name: str, code: str, noun: str, choices: Callable[[], Iterable[str]]) -> Callable[[str], str]:
    """A validator accepting only the codes of a shipped vocabulary, suggesting the closest one."""

    def check(value: str) -> str:
        known = list(choices())
        if value in known:
            return value
        hint = rules.suggest(value, known)
        raise _fail(
            code,
            "'{got}' is not {noun}{hint}",
            got=value,
            noun=noun,
            hint=f"; did you mean '{hint}'?" if hint else " (see docs/reference.md for the list)",
        )

    check.__name__ = name
    return check


CategoryCode = Annotated[
    StrictStr,
    AfterValidator(_vocabulary("_check_category", "unknown-category", "a category", categories)),
    WithJsonSchema({"type": "string", "enum": list(categories())}),
]


FactKey = Annotated[StrictStr, AfterValidator(_vocabulary("_check_fact_key", "unknown-fact", "a fact key", fact_labels))]


def _number_as_text(value: Any) -> Any:
    # YAML reads `net_weight: 500` as a number; a fact is text, so accept it as written.
    return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else value


FactValue = Annotated[Text, BeforeValidator(_number_as_text), WithJsonSchema({"type": ["string", "number"]})]
