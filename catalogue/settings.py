"""Catalogue-wide settings: the one documented place for them is `catalogue.yaml`.

The file sits in the catalogue folder (beside `products/`). Every key is optional and has the
default shown in docs/reference.md, which is generated from this model.
"""

from __future__ import annotations

from string import ascii_letters, digits
from typing import Annotated
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, Field, StrictBool, StrictInt, StrictStr, ValidationInfo, WithJsonSchema, field_validator

from .fields import Email, Language, Line, Name, Phone, ShortText, Url, fail, fail_with
from .label_sheet import LabelSheet
from .languages import SOURCE, available
from .messages import Message, msg
from .model import Record
from .sales_points import SalesPoint
from .status import DEFAULT_TIMEZONE
from .synonyms import Synonyms, synonyms_field

_PLAIN_URL = frozenset(ascii_letters + digits + "-._~/:%")
# Names reserved for examples and tests (RFC 2606, RFC 6761); `.test` is left to test catalogues.
_RESERVED_HOSTS = (".example", "example.com", "example.net", "example.org", ".invalid", ".localhost")


class OfficeTranslation(Record):
    """The office's text in one language."""

    name: Name | None = Field(None, description="Office name in this language.")

    def of(self, lang: str) -> str:
        """The text in `lang`, or the Vietnamese one for a language it is not written in."""
        return str(getattr(self, lang, None) or self.vi)


class Office(Record):
    """The programme office that answers the public and receives reports of suspect labels."""

    name: Name = Field(description="Office name in Vietnamese.")
    phone: Phone | None = Field(None, description="Phone number for the public.")
    email: Email | None = None
    address: Line | None = None
    translations: dict[Language, OfficeTranslation] = Field(
        default_factory=dict, description="Text in other languages, by language code: `translations: {en: {name: ...}}`."
    )


class SettingsTranslation(Record):
    """The catalogue's own text in one language."""

    site_name: Name | None = Field(None, description="Site title in this language.")


DEFAULT_SITE_NAME = "Sản phẩm OCOP Lai Châu"


def _default_translations() -> dict[str, SettingsTranslation]:
    return {"en": SettingsTranslation(site_name="Lai Châu OCOP products"), "zh": SettingsTranslation(site_name="莱州省OCOP产品")}


class Targets(Record):
    """The year's targets of the provincial OCOP plan, for the programme dashboard."""

    year: Annotated[StrictInt, Field(ge=2018, le=2100)] = Field(2025, description="Plan year.")
    new_products: Annotated[StrictInt, Field(ge=0)] = Field(60, description="Newly certified products (công nhận mới), more than.")
    renewed_products: Annotated[StrictInt, Field(ge=0)] = Field(30, description="Re-certified products (công nhận lại), more than.")
    upgraded_products: Annotated[StrictInt, Field(ge=0)] | None = Field(
        None, description="Products upgraded to more stars (nâng hạng), more than; the 2025 plan sets none."
    )
    total_products: Annotated[StrictInt, Field(ge=0)] = Field(282, description="Products in force in the province, more than.")
    modern_channel_share: Annotated[float, Field(ge=0, le=1)] = Field(
        0.7, description="Share of producers selling through modern channels (supermarket, convenience store, e-commerce), at least."
    )
    developed_producers: Annotated[StrictInt, Field(ge=0)] = Field(
        20,
        description="Producers developed or consolidated in the plan year (a `development` entry of that year), more than; "
        "cooperatives and enterprises have priority.",
    )
    revenue_growth: Annotated[float, Field(ge=-1, le=10)] = Field(
        0.05, description="Growth of the products' revenue over the year before, at least (0.05 is 5%)."
    )
    revenue_growth_high: Annotated[float, Field(ge=-1, le=10)] = Field(
        0.1, description="Top of the plan's growth range (0.1 is 10%): shown beside the target, not needed to meet it."
    )

    @field_validator("revenue_growth_high")
    @classmethod
    def _range_in_order(cls, high: float, info: ValidationInfo) -> float:
        low = info.data.get("revenue_growth")
        if low is not None and high < low:
            raise fail("invalid-value", "settings.growth-range", high=high, low=low)
        return high


def site_url_problem(url: str) -> Message | None:
    """What makes `url` unfit as the site's public address, or None.

    Printed QR codes encode `<site_url>p/<id>/` and pages carry it in links and metadata, so it
    must be a plain http(s) address: no user name (`https://official@evil.example/` opens
    evil.example), no query or fragment, and only the characters of a plain URL, so that it can
    never carry markup.
    """
    parts = urlsplit(url)
    odd = next((c for c in url if c not in _PLAIN_URL), None)
    if parts.scheme not in ("http", "https") or not url.startswith(f"{parts.scheme}://"):
        return msg("settings.url-scheme", url=url)
    if "@" in parts.netloc:
        user = parts.netloc.rsplit("@", 1)[0]
        return msg("settings.url-user", url=url, user=user, host=str(parts.hostname))
    if "?" in url or "#" in url:
        return msg("settings.url-query", url=url)
    if odd is not None:
        return msg("settings.url-character", url=url, char=odd)
    try:
        parts.port  # noqa: B018  (raises ValueError for a port that is not a number up to 65535)
    except ValueError:
        return msg("settings.url-port", url=url)
    if not parts.hostname:
        return msg("settings.url-host", url=url)
    if not url.endswith("/"):
        return msg("settings.url-slash", url=url)
    return None


def reserved_host(url: str) -> str | None:
    """The reserved name (RFC 2606, RFC 6761) that the host of `url` falls under, such as '.example', or None."""
    host = (urlsplit(url).hostname or "").rstrip(".")
    for name in _RESERVED_HOSTS:
        if host == name.lstrip(".") or host.endswith(name if name.startswith(".") else f".{name}"):
            return name
    return None


def _site_url(value: str, info: ValidationInfo) -> str:
    problem = site_url_problem(value)
    if problem:
        raise fail_with("invalid-url", problem)
    reserved = reserved_host(value)
    if reserved and info.data.get("demo") is False:
        raise fail("reserved-address", "settings.reserved-address", got=value, name=reserved)
    return value


# A language's code; the schema lists the codes with a words file, for editors' completion.
LanguageCode = Annotated[StrictStr, WithJsonSchema({"type": "string", "enum": list(available())})]


def _languages(value: list[str]) -> list[str]:
    unknown = next((code for code in value if code not in available()), None)
    if unknown is not None:
        raise fail("invalid-value", "settings.unknown-language", got=unknown, known=", ".join(available()))
    if not value or value[0] != SOURCE:
        raise fail("invalid-value", "settings.vi-first", got=", ".join(value))
    twice = next((lang for i, lang in enumerate(value) if lang in value[:i]), None)
    if twice:
        raise fail("invalid-value", "settings.listed-twice", lang=twice)
    return value


def _timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise fail("invalid-value", "settings.timezone", got=value) from None
    return value


class Settings(Record):
    """Settings of one catalogue (`catalogue.yaml`)."""

    demo: StrictBool = Field(False, description="The data is illustrative: every page of the site says so.")
    province: ShortText = Field("Lai Châu", description="Province name, shown in titles.")
    site_name: Name = Field(DEFAULT_SITE_NAME, description="Site title in Vietnamese.")
    translations: dict[Language, SettingsTranslation] = Field(
        default_factory=_default_translations,
        description="The site title in other languages, by language code: `translations: {en: {site_name: ...}}`. "
        "The default translates the default title; when you change `site_name`, write its translations too.",
    )
    site_url: Annotated[Url, AfterValidator(_site_url)] = Field(
        "https://ocop.laichau.gov.vn/",
        description="Public address of the site, ending with '/'. Printed QR codes encode <site_url>p/<id>/. "
        "A plain http(s) address: no user name, query or fragment. A reserved example address "
        "(.example, example.com, .invalid, .localhost) only with `demo: true`.",
    )
    languages: Annotated[list[LanguageCode], AfterValidator(_languages)] = Field(
        ["vi", "en"],
        description="Languages built, each once; Vietnamese first, at / (where the QR codes lead). "
        f"Each has a words file, catalogue/words/<code>.yaml: {', '.join(available())}.",
    )
    certificate_validity_months: Annotated[StrictInt, Field(ge=1, le=120)] = Field(
        36, description="Validity of a certificate from its issue date."
    )
    expiring_within_days: Annotated[StrictInt, Field(ge=0, le=365)] = Field(
        90, description="A certificate this close to its expiry shows as expiring."
    )
    timezone: Annotated[str, AfterValidator(_timezone)] = Field(DEFAULT_TIMEZONE, description="Time zone that decides what 'today' is.")
    office: Office | None = Field(None, description="Programme office contact.")
    targets: Targets = Field(Targets(), description="The year's targets.")
    labels: LabelSheet = Field(
        LabelSheet(), description="A4 sheet of QR labels: an Avery preset (default L7160, 3 × 7) or numbers measured from your own sheet."
    )
    sales_points: list[SalesPoint] = Field(
        default_factory=list, description="OCOP showrooms, sales points and fair booths, and the products each one carries."
    )
    synonyms: Synonyms = synonyms_field()  # type: ignore[assignment]
