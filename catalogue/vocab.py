"""Closed sets of the data format: groups, categories, fact keys, kinds of producers, channels and sales points,
results of inspections.

The groups are those of Decision 148/QĐ-TTg; the category and fact vocabularies ship with the
package in `catalogue/data/` so that a province can extend them without touching code.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from importlib import resources

import yaml

# A term by language code, e.g. {"vi": "Chè", "en": "Tea", "zh": "茶叶"}; every term has the
# Vietnamese one, and `catalogue.translated.term` falls back to it for a language it lacks.
Label = dict[str, str]


class Group(StrEnum):
    """The six OCOP product groups."""

    FOOD = "thuc-pham"
    BEVERAGES = "do-uong"
    HERBAL = "duoc-lieu"
    HANDICRAFTS = "thu-cong-my-nghe"
    ORNAMENTALS = "sinh-vat-canh"
    TOURISM = "du-lich"


GROUP_LABELS: dict[Group, Label] = {
    Group.FOOD: {"vi": "Thực phẩm", "en": "Food", "zh": "食品"},
    Group.BEVERAGES: {"vi": "Đồ uống", "en": "Beverages", "zh": "饮品"},
    Group.HERBAL: {"vi": "Dược liệu và sản phẩm từ dược liệu", "en": "Medicinal herbs and herbal products", "zh": "药材及药材制品"},
    Group.HANDICRAFTS: {"vi": "Hàng thủ công mỹ nghệ", "en": "Handicrafts", "zh": "手工艺品"},
    Group.ORNAMENTALS: {"vi": "Sinh vật cảnh", "en": "Ornamental plants and animals", "zh": "观赏动植物"},
    Group.TOURISM: {
        "vi": "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
        "en": "Community and eco-tourism services and sites",
        "zh": "社区旅游、生态旅游服务及旅游景点",
    },
}


class ProducerKind(StrEnum):
    """Legal form of an OCOP subject (chủ thể OCOP)."""

    COOPERATIVE = "cooperative"  # hợp tác xã (HTX)
    COOPERATIVE_GROUP = "cooperative-group"  # tổ hợp tác (THT)
    ENTERPRISE = "enterprise"  # doanh nghiệp (DN)
    HOUSEHOLD = "household"  # hộ kinh doanh (HKD)


PRODUCER_KIND_LABELS: dict[ProducerKind, Label] = {
    ProducerKind.COOPERATIVE: {"vi": "Hợp tác xã", "en": "Cooperative", "zh": "合作社"},
    ProducerKind.COOPERATIVE_GROUP: {"vi": "Tổ hợp tác", "en": "Cooperative group", "zh": "合作组"},
    ProducerKind.ENTERPRISE: {"vi": "Doanh nghiệp", "en": "Enterprise", "zh": "企业"},
    ProducerKind.HOUSEHOLD: {"vi": "Hộ kinh doanh", "en": "Household business", "zh": "个体工商户"},
}


class CertificateKind(StrEnum):
    """How a certificate came about: công nhận mới, công nhận lại, nâng hạng."""

    NEW = "new"
    RENEWAL = "renewal"
    UPGRADE = "upgrade"


CERTIFICATE_KIND_LABELS: dict[CertificateKind, Label] = {
    CertificateKind.NEW: {"vi": "Công nhận mới", "en": "New", "zh": "首次认证"},
    CertificateKind.RENEWAL: {"vi": "Công nhận lại", "en": "Renewal", "zh": "重新认证"},
    CertificateKind.UPGRADE: {"vi": "Nâng hạng", "en": "Upgrade", "zh": "升星"},
}


class InspectionResult(StrEnum):
    """Outcome of a post-certification check (kiểm tra, giám sát sau chứng nhận)."""

    PASS = "pass"
    MINOR_ISSUES = "minor-issues"
    FAIL = "fail"


INSPECTION_RESULT_LABELS: dict[InspectionResult, Label] = {
    InspectionResult.PASS: {"vi": "Đạt", "en": "Passed", "zh": "合格"},
    InspectionResult.MINOR_ISSUES: {"vi": "Có tồn tại cần khắc phục", "en": "Issues to put right", "zh": "存在问题，需整改"},
    InspectionResult.FAIL: {"vi": "Không đạt", "en": "Failed", "zh": "不合格"},
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
    ChannelKind.ECOMMERCE: {"vi": "sàn thương mại điện tử", "en": "e-commerce", "zh": "电商平台"},
    ChannelKind.SUPERMARKET: {"vi": "siêu thị", "en": "supermarket", "zh": "超市"},
    ChannelKind.CONVENIENCE: {"vi": "cửa hàng tiện lợi", "en": "convenience store", "zh": "便利店"},
    ChannelKind.OCOP_POINT: {"vi": "điểm bán sản phẩm OCOP", "en": "OCOP sales point", "zh": "OCOP产品销售点"},
    ChannelKind.SHOP: {"vi": "cửa hàng", "en": "shop", "zh": "商店"},
    ChannelKind.DIRECT: {"vi": "bán trực tiếp", "en": "direct sales", "zh": "直销"},
    ChannelKind.EXPORT: {"vi": "xuất khẩu", "en": "export", "zh": "出口"},
}


class SalesPointKind(StrEnum):
    """A place where visitors can see and buy OCOP products in person."""

    SHOWROOM = "showroom"  # trung tâm / điểm giới thiệu và bán sản phẩm OCOP
    SALES_POINT = "sales-point"  # điểm bán sản phẩm OCOP
    FAIR_BOOTH = "fair-booth"  # gian hàng hội chợ, for the days of the fair


SALES_POINT_LABELS: dict[SalesPointKind, Label] = {
    SalesPointKind.SHOWROOM: {"vi": "Trung tâm giới thiệu và bán sản phẩm OCOP", "en": "OCOP showroom", "zh": "OCOP产品展销中心"},
    SalesPointKind.SALES_POINT: {"vi": "Điểm bán sản phẩm OCOP", "en": "OCOP sales point", "zh": "OCOP产品销售点"},
    SalesPointKind.FAIR_BOOTH: {"vi": "Gian hàng hội chợ", "en": "Fair booth", "zh": "展会展位"},
}

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
