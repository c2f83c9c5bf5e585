"""Catalogue-wide settings: the one documented place for them is `catalogue.yaml`.

The file sits in the catalogue folder (beside `products/`). Every key is optional and has the
default shown in docs/reference.md, which is generated from this model.
"""

from __future__ import annotations

from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, Field, StrictBool, StrictInt
from pydantic_core import PydanticCustomError

from .fields import Email, Phone, Text, Url
from .model import Record
from .printing.sheets import LabelSheet
from .sales_points import SalesPoint

SETTINGS_FILE = "catalogue.yaml"


class LocalText(Record):
    """A text in both languages."""

    vi: Text
    en: Text


class Office(Record):
    """The programme office that answers the public and receives reports of suspect labels."""

    name: Text = Field(description="Office name in Vietnamese.")
    name_en: Text | None = Field(None, description="Office name in English.")
    phone: Phone | None = Field(None, description="Phone number for the public.")
    email: Email | None = None
    address: Text | None = None


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


def _site_url(value: str) -> str:
    if value.endswith("/"):
        return value
    raise PydanticCustomError("invalid-url", "must end with '/': QR codes append p/<id>/ to it, got '{got}'", {"got": value})


def _timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise PydanticCustomError("invalid-value", "'{got}' is not a time zone name such as Asia/Ho_Chi_Minh", {"got": value}) from None
    return value


class Settings(Record):
    """Settings of one catalogue (`catalogue.yaml`)."""

    demo: StrictBool = Field(False, description="The data is illustrative: every page of the site says so.")
    province: Text = Field("Lai Châu", description="Province name, shown in titles.")
    site_name: LocalText = Field(
        LocalText(vi="Sản phẩm OCOP Lai Châu", en="Lai Châu OCOP products"), description="Site title in each language."
    )
    site_url: Annotated[Url, AfterValidator(_site_url)] = Field(
        "https://ocop.laichau.gov.vn/",
        description="Public address of the site, ending with '/'. Printed QR codes encode <site_url>p/<id>/.",
    )
    languages: list[Literal["vi", "en"]] = Field(["vi", "en"], description="Languages built; Vietnamese first, at /.")
    certificate_validity_months: Annotated[StrictInt, Field(ge=1, le=120)] = Field(
        36, description="Validity of a certificate from its issue date."
    )
    expiring_within_days: Annotated[StrictInt, Field(ge=0, le=365)] = Field(
        90, description="A certificate this close to its expiry shows as expiring."
    )
    timezone: Annotated[str, AfterValidator(_timezone)] = Field("Asia/Ho_Chi_Minh", description="Time zone that decides what 'today' is.")
    office: Office | None = Field(None, description="Programme office contact.")
    targets: Targets = Field(Targets(), description="The year's targets.")
    labels: LabelSheet = Field(
        LabelSheet(), description="A4 sheet of QR labels: an Avery preset (default L7160, 3 × 7) or numbers measured from your own sheet."
    )
    sales_points: list[SalesPoint] = Field(
        default_factory=list, description="OCOP showrooms, sales points and fair booths, and the products each one carries."
    )
