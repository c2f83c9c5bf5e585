"""Closed sets of the data format: groups, categories, fact keys, kinds of producers, channels and sales points,
results of inspections.

The groups are those of Decision 148/QĐ-TTg; the category and fact vocabularies ship with the
package in `catalogue/data/` so that a province can extend them without touching code.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from importlib import resources
from typing import NamedTuple, TypeVar

import yaml

from .languages import t

E = TypeVar("E", bound=StrEnum)
_PREFIXES: dict[type, str] = {}  # each closed set's key prefix in the words files


class Label(NamedTuple):
    """A term in Vietnamese and English, and in the further languages its vocabulary file gives."""

    vi: str
    en: str
    more: tuple[tuple[str, str], ...] = ()  # (language code, term) for further languages

    def of(self, lang: str) -> str:
        """The term in `lang`, or the Vietnamese one when the vocabulary has none in it."""
        return str(getattr(self, lang, None) or dict(self.more).get(lang) or self.vi)


def _labels(kind: type[E], prefix: str) -> dict[E, Label]:
    """The Vietnamese and English words of a closed set, from the words files (key <prefix>_<value>),
    for the reference documentation; pages ask `term` for any language."""
    _PREFIXES[kind] = prefix
    return {member: Label(t("vi", f"{prefix}_{member.value}"), t("en", f"{prefix}_{member.value}")) for member in kind}


def term(value: StrEnum, lang: str) -> str:
    """The interface word for a value of a closed set (a group, a kind of producer...) in `lang`."""
    return t(lang, f"{_PREFIXES[type(value)]}_{value.value}")


class Group(StrEnum):
    """The six OCOP product groups."""

    FOOD = "thuc-pham"
    BEVERAGES = "do-uong"
    HERBAL = "duoc-lieu"
    HANDICRAFTS = "thu-cong-my-nghe"
    ORNAMENTALS = "sinh-vat-canh"
    TOURISM = "du-lich"


GROUP_LABELS: dict[Group, Label] = _labels(Group, "group")


class ProducerKind(StrEnum):
    """Legal form of an OCOP subject (chủ thể OCOP)."""

    COOPERATIVE = "cooperative"  # hợp tác xã (HTX)
    COOPERATIVE_GROUP = "cooperative-group"  # tổ hợp tác (THT)
    ENTERPRISE = "enterprise"  # doanh nghiệp (DN)
    HOUSEHOLD = "household"  # hộ kinh doanh (HKD)


PRODUCER_KIND_LABELS: dict[ProducerKind, Label] = _labels(ProducerKind, "producer_kind")


class CertificateKind(StrEnum):
    """How a certificate came about: công nhận mới, công nhận lại, nâng hạng."""

    NEW = "new"
    RENEWAL = "renewal"
    UPGRADE = "upgrade"


CERTIFICATE_KIND_LABELS: dict[CertificateKind, Label] = _labels(CertificateKind, "certificate_kind")


class InspectionResult(StrEnum):
    """Outcome of a post-certification check (kiểm tra, giám sát sau chứng nhận)."""

    PASS = "pass"
    MINOR_ISSUES = "minor-issues"
    FAIL = "fail"


INSPECTION_RESULT_LABELS: dict[InspectionResult, Label] = _labels(InspectionResult, "inspection")


class ChannelKind(StrEnum):
    """Where a product is sold."""

    ECOMMERCE = "ecommerce"
    SUPERMARKET = "supermarket"
    CONVENIENCE = "convenience"
    OCOP_POINT = "ocop-point"
    SHOP = "shop"
    DIRECT = "direct"
    EXPORT = "export"


CHANNEL_LABELS: dict[ChannelKind, Label] = _labels(ChannelKind, "channel")


class SalesPointKind(StrEnum):
    """A place where visitors can see and buy OCOP products in person."""

    SHOWROOM = "showroom"  # trung tâm / điểm giới thiệu và bán sản phẩm OCOP
    SALES_POINT = "sales-point"  # điểm bán sản phẩm OCOP
    FAIR_BOOTH = "fair-booth"  # gian hàng hội chợ, for the days of the fair


SALES_POINT_LABELS: dict[SalesPointKind, Label] = _labels(SalesPointKind, "point_kind")

# The plan's "modern channels": supermarkets, convenience stores and e-commerce.
MODERN_CHANNELS = frozenset({ChannelKind.ECOMMERCE, ChannelKind.SUPERMARKET, ChannelKind.CONVENIENCE})


def _data(name: str) -> dict:
    text = resources.files("catalogue").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=yaml.CSafeLoader)


@cache
def categories() -> dict[str, tuple[Group, Label]]:
    """Every category code with its group and label."""
    table = _data("categories.yaml")
    return {code: (Group(group), Label(label["vi"], label["en"])) for group, codes in table.items() for code, label in codes.items()}


@cache
def fact_labels() -> dict[str, Label]:
    """Every allowed key of a product's `facts`, with its label."""
    return {
        key: Label(v["vi"], v["en"], tuple((code, text) for code, text in v.items() if code not in Label._fields))
        for key, v in _data("facts.yaml").items()
    }
