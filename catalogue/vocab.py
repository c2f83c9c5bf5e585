"""Closed sets of the data format: groups, categories, fact keys, kinds of producers, channels and sales points,
results of inspections.

The groups are those of Decision 148/QĐ-TTg; the category and fact vocabularies ship with the
package in `catalogue/data/` so that a province can extend them without touching code.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from importlib import resources
from typing import NamedTuple

import yaml


class Label(NamedTuple):
    """A term in Vietnamese and English."""

    vi: str
    en: str


class Group(StrEnum):
    """The six OCOP product groups."""

    FOOD = "thuc-pham"
    BEVERAGES = "do-uong"
    HERBAL = "duoc-lieu"
    HANDICRAFTS = "thu-cong-my-nghe"
    ORNAMENTALS = "sinh-vat-canh"
    TOURISM = "du-lich"


GROUP_LABELS: dict[Group, Label] = {
    Group.FOOD: Label("Thực phẩm", "Food"),
    Group.BEVERAGES: Label("Đồ uống", "Beverages"),
    Group.HERBAL: Label("Dược liệu và sản phẩm từ dược liệu", "Medicinal herbs and herbal products"),
    Group.HANDICRAFTS: Label("Hàng thủ công mỹ nghệ", "Handicrafts"),
    Group.ORNAMENTALS: Label("Sinh vật cảnh", "Ornamental plants and animals"),
    Group.TOURISM: Label(
        "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
        "Community and eco-tourism services and sites",
    ),
}


class ProducerKind(StrEnum):
    """Legal form of an OCOP subject (chủ thể OCOP)."""

    COOPERATIVE = "cooperative"  # hợp tác xã (HTX)
    COOPERATIVE_GROUP = "cooperative-group"  # tổ hợp tác (THT)
    ENTERPRISE = "enterprise"  # doanh nghiệp (DN)
    HOUSEHOLD = "household"  # hộ kinh doanh (HKD)


PRODUCER_KIND_LABELS: dict[ProducerKind, Label] = {
    ProducerKind.COOPERATIVE: Label("Hợp tác xã", "Cooperative"),
    ProducerKind.COOPERATIVE_GROUP: Label("Tổ hợp tác", "Cooperative group"),
    ProducerKind.ENTERPRISE: Label("Doanh nghiệp", "Enterprise"),
    ProducerKind.HOUSEHOLD: Label("Hộ kinh doanh", "Household business"),
}


class CertificateKind(StrEnum):
    """How a certificate came about: công nhận mới, công nhận lại, nâng hạng."""

    NEW = "new"
    RENEWAL = "renewal"
    UPGRADE = "upgrade"


CERTIFICATE_KIND_LABELS: dict[CertificateKind, Label] = {
    CertificateKind.NEW: Label("Công nhận mới", "New"),
    CertificateKind.RENEWAL: Label("Công nhận lại", "Renewal"),
    CertificateKind.UPGRADE: Label("Nâng hạng", "Upgrade"),
}


class InspectionResult(StrEnum):
    """Outcome of a post-certification check (kiểm tra, giám sát sau chứng nhận)."""

    PASS = "pass"
    MINOR_ISSUES = "minor-issues"
    FAIL = "fail"


INSPECTION_RESULT_LABELS: dict[InspectionResult, Label] = {
    InspectionResult.PASS: Label("Đạt", "Passed"),
    InspectionResult.MINOR_ISSUES: Label("Có tồn tại cần khắc phục", "Issues to put right"),
    InspectionResult.FAIL: Label("Không đạt", "Failed"),
}


class ChannelKind(StrEnum):
    """Where a product is sold."""

    ECOMMERCE = "ecommerce"
    SUPERMARKET = "supermarket"
    CONVENIENCE = "convenience"
    OCOP_POINT = "ocop-point"
    SHOP = "shop"
    DIRECT = "direct"
    EXPORT = "export"


CHANNEL_LABELS: dict[ChannelKind, Label] = {
    ChannelKind.ECOMMERCE: Label("sàn thương mại điện tử", "e-commerce"),
    ChannelKind.SUPERMARKET: Label("siêu thị", "supermarket"),
    ChannelKind.CONVENIENCE: Label("cửa hàng tiện lợi", "convenience store"),
    ChannelKind.OCOP_POINT: Label("điểm bán sản phẩm OCOP", "OCOP sales point"),
    ChannelKind.SHOP: Label("cửa hàng", "shop"),
    ChannelKind.DIRECT: Label("bán trực tiếp", "direct sales"),
    ChannelKind.EXPORT: Label("xuất khẩu", "export"),
}


class SalesPointKind(StrEnum):
    """A place where visitors can see and buy OCOP products in person."""

    SHOWROOM = "showroom"  # trung tâm / điểm giới thiệu và bán sản phẩm OCOP
    SALES_POINT = "sales-point"  # điểm bán sản phẩm OCOP
    FAIR_BOOTH = "fair-booth"  # gian hàng hội chợ, for the days of the fair


SALES_POINT_LABELS: dict[SalesPointKind, Label] = {
    SalesPointKind.SHOWROOM: Label("Trung tâm giới thiệu và bán sản phẩm OCOP", "OCOP showroom"),
    SalesPointKind.SALES_POINT: Label("Điểm bán sản phẩm OCOP", "OCOP sales point"),
    SalesPointKind.FAIR_BOOTH: Label("Gian hàng hội chợ", "Fair booth"),
}

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
    return {key: Label(v["vi"], v["en"]) for key, v in _data("facts.yaml").items()}
