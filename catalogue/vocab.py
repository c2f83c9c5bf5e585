"""Closed sets of the data format: groups, categories, fact keys, kinds of producers, channels and sales points,
results of inspections.

The groups are those of Decision 148/QĐ-TTg; the category and fact vocabularies ship with the
package in `catalogue/data/` so that a province can extend them without touching code.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from importlib import resources
from typing import TypeVar

import yaml

from .languages import available, language

# A term by language code, e.g. {"vi": "Chè", "en": "Tea", "zh": "茶叶"}; every term has the
# Vietnamese one, and `catalogue.translated.term` falls back to it for a language it lacks.
Label = dict[str, str]
_Term = TypeVar("_Term", bound=StrEnum)


def _terms(vocabulary: str, values: type[_Term]) -> dict[_Term, Label]:
    """The label of each value of a closed set in every language, from the words files' keys
    '<vocabulary>.<value>': a new language's words file brings its terms, no Python change."""
    return {value: {code: language(code).words[f"{vocabulary}.{value.value}"] for code in available()} for value in values}


class Group(StrEnum):
    """The six OCOP product groups."""

    FOOD = "thuc-pham"
    BEVERAGES = "do-uong"
    HERBAL = "duoc-lieu"
    HANDICRAFTS = "thu-cong-my-nghe"
    ORNAMENTALS = "sinh-vat-canh"
    TOURISM = "du-lich"


GROUP_LABELS: dict[Group, Label] = _terms("group", Group)


class ProducerKind(StrEnum):
    """Legal form of an OCOP subject (chủ thể OCOP)."""

    COOPERATIVE = "cooperative"  # hợp tác xã (HTX)
    COOPERATIVE_GROUP = "cooperative-group"  # tổ hợp tác (THT)
    ENTERPRISE = "enterprise"  # doanh nghiệp (DN)
    HOUSEHOLD = "household"  # hộ kinh doanh (HKD)


PRODUCER_KIND_LABELS: dict[ProducerKind, Label] = _terms("producer_kind", ProducerKind)


class CertificateKind(StrEnum):
    """How a certificate came about: công nhận mới, công nhận lại, nâng hạng."""

    NEW = "new"
    RENEWAL = "renewal"
    UPGRADE = "upgrade"


CERTIFICATE_KIND_LABELS: dict[CertificateKind, Label] = _terms("certificate_kind", CertificateKind)


class DevelopmentKind(StrEnum):
    """What the programme did for a producer in a year: the plan's "phát triển mới và củng cố"."""

    DEVELOPED = "developed"  # phát triển mới: the producer joined the programme
    CONSOLIDATED = "consolidated"  # củng cố: a producer already in it was strengthened


DEVELOPMENT_KIND_LABELS: dict[DevelopmentKind, Label] = _terms("development_kind", DevelopmentKind)

# The plan gives priority to developing cooperatives and small and medium enterprises.
PRIORITY_PRODUCER_KINDS = frozenset({ProducerKind.COOPERATIVE, ProducerKind.ENTERPRISE})


class InspectionResult(StrEnum):
    """Outcome of a post-certification check (kiểm tra, giám sát sau chứng nhận)."""

    PASS = "pass"
    MINOR_ISSUES = "minor-issues"
    FAIL = "fail"


INSPECTION_RESULT_LABELS: dict[InspectionResult, Label] = _terms("inspection_result", InspectionResult)


class ChannelKind(StrEnum):
    """Where a product is sold."""

    ECOMMERCE = "ecommerce"
    SUPERMARKET = "supermarket"
    CONVENIENCE = "convenience"
    OCOP_POINT = "ocop-point"
    SHOP = "shop"
    DIRECT = "direct"
    EXPORT = "export"


CHANNEL_LABELS: dict[ChannelKind, Label] = _terms("channel", ChannelKind)


class SalesPointKind(StrEnum):
    """A place where visitors can see and buy OCOP products in person."""

    SHOWROOM = "showroom"  # trung tâm / điểm giới thiệu và bán sản phẩm OCOP
    SALES_POINT = "sales-point"  # điểm bán sản phẩm OCOP
    FAIR_BOOTH = "fair-booth"  # gian hàng hội chợ, for the days of the fair


SALES_POINT_LABELS: dict[SalesPointKind, Label] = _terms("sales_point_kind", SalesPointKind)


class CertificationKind(StrEnum):
    """Other certifications a trade buyer asks about (trade facts, `trade.certifications`)."""

    VIETGAP = "vietgap"  # Thực hành nông nghiệp tốt Việt Nam
    GLOBALGAP = "globalgap"
    ORGANIC = "organic"  # hữu cơ (TCVN 11041 or a foreign organic standard)
    GEOGRAPHICAL_INDICATION = "geographical-indication"  # chỉ dẫn địa lý
    HACCP = "haccp"
    ISO_22000 = "iso-22000"
    FOOD_SAFETY = "food-safety"  # giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm


CERTIFICATION_LABELS: dict[CertificationKind, Label] = _terms("certification", CertificationKind)


# The plan's "modern channels": supermarkets, convenience stores and e-commerce.
MODERN_CHANNELS = frozenset({ChannelKind.ECOMMERCE, ChannelKind.SUPERMARKET, ChannelKind.CONVENIENCE})


def _data(name: str) -> dict:
    text = resources.files("catalogue").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=yaml.CSafeLoader)


@cache
def categories() -> dict[str, tuple[Group, Label]]:
    """Every category code with its group and its label by language."""
    table = _data("categories.yaml")
    return {code: (Group(group), dict(label)) for group, codes in table.items() for code, label in codes.items()}


@cache
def fact_labels() -> dict[str, Label]:
    """Every allowed key of a product's `facts`, with its label by language."""
    return {key: dict(label) for key, label in _data("facts.yaml").items()}
