"""The data format (DESIGN.md §2) as pydantic models: products, certificates and producers.

Models only describe and check single files; rules that need other files (unknown producer,
duplicates, images on disk) live in `catalogue.validate`. Unknown fields are errors, so that a
typo such as `stras:` never passes silently.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, FiniteFloat, StrictBool, StrictInt, field_validator, model_validator

from .fields import (
    CategoryCode,
    CommuneId,
    Email,
    FactKey,
    FactValue,
    Gtin,
    Id,
    IsoDate,
    Language,
    Line,
    Markdown,
    Name,
    Note,
    Phone,
    ShortText,
    Summary,
    TaxCode,
    Text,
    Url,
    fail,
)
from .rules import add_months
from .vocab import CertificateKind, CertificationKind, ChannelKind, DevelopmentKind, Group, InspectionResult, ProducerKind

Vnd = Annotated[StrictInt, Field(ge=0)]


def _focus_share(value: object) -> object:
    """A focus coordinate written as a percentage ("30%") as the share of the side it is (0.3)."""
    if isinstance(value, str):
        number = value.strip().removesuffix("%")
        if number == value.strip() or not re.fullmatch(r"\d+(\.\d+)?", number):
            raise fail("invalid-value", "image.focus", got=repr(value))
        return float(number) / 100
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise fail("invalid-value", "image.focus", got=repr(value))
    return value


# A share of a photo's width or height: 0 is the left or top side, 1 the right or bottom one.
Focus = Annotated[FiniteFloat, BeforeValidator(_focus_share), Field(ge=0, le=1)]
Year = Annotated[StrictInt, Field(ge=2000, le=2099)]


class Record(BaseModel):
    """Base of every model: unknown fields are errors and models are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)


class Revocation(Record):
    """A certificate revoked before its expiry (thu hồi giấy chứng nhận)."""

    date: IsoDate = Field(description="Date the certificate was revoked.")
    reason: Note = Field(description="Why it was revoked, as stated in the decision.")


class EarlierCertificate(Record):
    """A certificate of this same product that a renewal or an upgrade replaced.

    Its number stays printed on packaging in the shops, so the certificate check still finds it
    and says what replaced it.
    """

    number: ShortText = Field(description="Number exactly as printed; no other number, current or earlier, may equal it.")
    issued: IsoDate = Field(description="Date of issue, YYYY-MM-DD; earlier certificates are listed oldest first.")
    expires: IsoDate | None = Field(None, description="Last day of validity; defaults to `issued` plus the catalogue's validity.")
    stars: Literal[3, 4, 5] | None = Field(None, description="Stars of that certificate: copy the product's `stars` when moving it here.")
    kind: CertificateKind | None = Field(None, description="new, renewal or upgrade: how that certificate came about.")
    decision_url: Url | None = Field(None, description="Link to its recognition decision on the province's portal.")


class Certificate(Record):
    """The OCOP certificate (giấy chứng nhận) of one product."""

    number: ShortText = Field(description="Certificate number exactly as printed (text, quote it if it looks like a number).")
    issued: IsoDate = Field(description="Date of issue, YYYY-MM-DD.")
    issuer: Name = Field(description="Issuing body, e.g. UBND tỉnh Lai Châu.")
    expires: IsoDate | None = Field(
        None, description="Last day of validity; defaults to `issued` plus the catalogue's validity (36 months)."
    )
    decision: Name | None = Field(None, description="Recognition decision, e.g. 1234/QĐ-UBND.")
    kind: CertificateKind | None = Field(None, description="new, renewal or upgrade (công nhận mới / lại / nâng hạng).")
    revoked: Revocation | None = Field(None, description="Set when the certificate was revoked (thu hồi): {date, reason}.")
    decision_url: Url | None = Field(None, description="Link to the recognition decision document on the province's portal.")
    previous: list[EarlierCertificate] = Field(
        default_factory=list,
        description="Earlier certificates of this product, oldest first: on a renewal or an upgrade, move the current "
        "certificate here and write the new one above.",
    )


class Withdrawal(Record):
    """The product left the catalogue: its producer stopped making it. Its page stays and says so."""

    date: IsoDate = Field(description="First day the product is no longer in the catalogue.")
    reason: Note = Field(description="Why, in words, e.g. Chủ thể ngừng sản xuất sản phẩm này.")


class Price(Record):
    """A retail price range in Vietnamese đồng (no minor unit)."""

    low: Vnd = Field(alias="from", description="Lowest price in VND, a whole number.")
    high: Vnd | None = Field(None, alias="to", description="Highest price in VND; at least `from`.")
    unit: ShortText | None = Field(None, description="What the price buys, e.g. kg, gói 500 g, chai 500 ml.")


class Image(Record):
    """A product photo; the first one of a product is its cover."""

    src: Text = Field(description="Path of the image file, relative to the product file, inside the catalogue.")
    alt: Line | None = Field(None, description="What the picture shows, for people who cannot see it.")
    focus: tuple[Focus, Focus] | None = Field(
        None,
        description="[x, y] of the point to keep in view when cards and galleries crop the photo to their one shape (4:3): "
        'from 0 (left, top) to 1 (right, bottom), or as percentages such as "30%". Without it, the centre.',
    )


class Video(Record):
    """A film about the product (a report of the province's television, a producer's clip), shown as a
    poster that loads the player only when tapped."""

    url: Url = Field(description="Address of the video: a YouTube link (youtube.com/watch?v=..., youtu.be/...) or any https page.")
    title: Line = Field(description="What the video is, e.g. Phóng sự PTV Lai Châu: mùa chè Shan.")

    @field_validator("url")
    @classmethod
    def _https(cls, url: str) -> str:
        # The page would otherwise mix an unencrypted player or link into an https site.
        if not url.lower().startswith("https://"):
            raise fail("invalid-value", "video.https", url=url)
        return url


class Step(Record):
    """One stage of the supply chain."""

    stage: Name = Field(description="What happens, e.g. Thu hái, Sao chè, Đóng gói.")
    where: Name | None = Field(None, description="Where it happens.")
    who: Name | None = Field(None, description="Who does it.")


class Origin(Record):
    """Traceability: where the raw material comes from and how the product is made."""

    area: Line | None = Field(None, description="Raw-material area.")
    commune: CommuneId | None = Field(None, description="Commune or ward of the raw-material area (an id from the place list).")
    coordinates: tuple[FiniteFloat, FiniteFloat] | None = Field(None, description="[latitude, longitude] of the area, in degrees.")
    steps: list[Step] = Field(default_factory=list, description="Supply-chain stages in order.")
    trace_url: Url | None = Field(None, description="Page of an outside traceability system for this product.")


class Channel(Record):
    """Somewhere the product can be bought."""

    kind: ChannelKind = Field(description="Kind of sales channel.")
    name: Name = Field(description="Name of the shop, platform or place.")
    url: Url | None = Field(None, description="Web address, http or https only.")


class Inspection(Record):
    """A post-certification check of the product (kiểm tra, giám sát sau chứng nhận)."""

    date: IsoDate = Field(description="Day of the inspection, YYYY-MM-DD; not in the future.")
    body: Name = Field(description="Inspecting body, e.g. Sở Nông nghiệp và Môi trường tỉnh Lai Châu.")
    result: InspectionResult = Field(description="pass, minor-issues or fail (đạt / có tồn tại cần khắc phục / không đạt).")
    note: Note | None = Field(None, description="What was checked or found.")


class Revenue(Record):
    """A product's sales in one calendar year, in VND, for the plan's revenue growth through distribution channels.

    Optional and kept out of the open data: the dashboard shows only totals over the products that
    give both the plan year and the year before.
    """

    year: Year = Field(description="Calendar year of the sales, e.g. 2025.")
    amount: Vnd = Field(description="Sales of the product in that year, in VND, a whole number (all channels together).")
    by_channel: dict[ChannelKind, Vnd] = Field(
        default_factory=dict,
        description="Optional: the same amount split by kind of channel (ecommerce, supermarket...); the parts must add up to `amount`.",
    )

    @model_validator(mode="after")
    def _parts_add_up(self) -> Revenue:
        parts = sum(self.by_channel.values())
        if self.by_channel and parts != self.amount:
            raise fail("revenue-sum", "field.revenue-sum", parts=parts, amount=self.amount)
        return self


class Development(Record):
    """A year in which the programme developed (phát triển mới) or consolidated (củng cố) this producer."""

    date: IsoDate = Field(description="Day it happened, YYYY-MM-DD: the decision or the day the support ended; its year is what counts.")
    kind: DevelopmentKind = Field(
        description="developed (phát triển mới: the producer joined the programme) or consolidated (củng cố: "
        "a producer already in it was strengthened)."
    )
    note: Note | None = Field(None, description="What was done, e.g. Hỗ trợ nhà xưởng, bao bì; thành lập hợp tác xã.")


# Trade facts (issue 15, part "trade"): what a trade buyer at a fair asks before ordering.


class Certification(Record):
    """A certification other than OCOP (VietGAP, organic, geographical indication, HACCP...)."""

    kind: CertificationKind = Field(description="Which certification: one of the closed list (vietgap, organic, haccp...).")
    issuer: Name = Field(description="Body that issued it, e.g. Sở Nông nghiệp và Môi trường tỉnh Lai Châu.")
    number: ShortText | None = Field(None, description="Number of the certificate, as printed.")
    issued: IsoDate | None = Field(None, description="Date of issue, YYYY-MM-DD.")
    expires: IsoDate | None = Field(None, description="Last day of validity, YYYY-MM-DD; leave out when it does not expire.")

    @model_validator(mode="after")
    def _dates_in_order(self) -> Certification:
        if self.issued and self.expires and self.expires < self.issued:
            raise fail("date-order", "field.certification-dates", expires=self.expires.isoformat(), issued=self.issued.isoformat())
        return self


class WholesaleContact(Record):
    """Who takes wholesale orders (it may differ from the producer's own phone)."""

    name: Name | None = Field(None, description="Person or office to ask for, e.g. Phòng kinh doanh.")
    phone: Phone | None = Field(None, description="Vietnamese phone number.")
    email: Email | None = None
    zalo: Phone | None = Field(None, description="Phone number registered on Zalo.")

    @model_validator(mode="after")
    def _reachable(self) -> WholesaleContact:
        if not (self.phone or self.email or self.zalo):
            raise fail("missing-contact", "field.wholesale-no-contact")
        return self


class TradeTranslation(Record):
    """Trade facts in one language; anything left out falls back to Vietnamese."""

    capacity: Line | None = Field(None, description="Capacity in this language.")
    minimum_order: Line | None = Field(None, description="Minimum order in this language.")
    packaging: Line | None = Field(None, description="Packaging in this language.")


class Trade(Record):
    """Trade facts for distributors and buyers: shown under "Dành cho nhà phân phối" / "For buyers"."""

    capacity: Line | None = Field(None, description="What the producer can supply, e.g. 20 tấn/năm.")
    minimum_order: Line | None = Field(None, description="Smallest wholesale order, e.g. 100 hộp.")
    packaging: Line | None = Field(None, description="Packs and cartons, e.g. hộp 200 g, thùng 24 hộp.")
    certifications: list[Certification] = Field(
        default_factory=list, description="Other certifications, each with its issuer and validity."
    )
    export_markets: list[ShortText] = Field(default_factory=list, description="Countries or markets it is exported to, e.g. Nhật Bản.")
    wholesale: WholesaleContact | None = Field(
        None, description="Contact for wholesale orders: {name, phone, email, zalo}, one of phone, email or zalo."
    )
    translations: dict[Language, TradeTranslation] = Field(
        default_factory=dict, description="capacity, minimum_order and packaging in other languages: `translations: {en: {capacity: ...}}`."
    )

    @model_validator(mode="after")
    def _says_something(self) -> Trade:
        if not (self.capacity or self.minimum_order or self.packaging or self.certifications or self.export_markets or self.wholesale):
            raise fail("empty-trade", "field.trade-empty")
        return self


class ProductTranslation(Record):
    """A product's text in one language; anything left out falls back to Vietnamese."""

    name: Name | None = Field(None, description="Name in this language.")
    summary: Summary | None = Field(None, description="Summary in this language, at most 160 characters.")
    description: Markdown | None = Field(None, description="Description in this language.")
    story: Markdown | None = Field(None, description="Story in this language.")
    facts: dict[FactKey, FactValue] = Field(default_factory=dict, description="Values of facts in this language, by key.")


class Product(Record):
    """One certified product: the content of `products/<id>.yaml`."""

    id: Id = Field(description="Permanent id, equal to the file name; the QR code is built from it. Never reuse one.")
    name: Name = Field(description="Vietnamese name.")
    group: Group = Field(description="One of the six OCOP groups (Decision 148/QĐ-TTg).")
    category: CategoryCode | None = Field(None, description="Sub-group code; must belong to `group`.")
    stars: Literal[3, 4, 5] = Field(description="OCOP rating: 3, 4 or 5 stars.")
    producer: Id = Field(description="Id of the producer's file in producers/.")
    certificate: Certificate
    summary: Summary = Field(description="One line of at most 160 characters for cards, search results and link previews.")
    description: Markdown | None = Field(
        None, description="Markdown: no raw HTML, no attribute lists; links to http(s), mailto, tel or relative addresses."
    )
    story: Markdown | None = Field(None, description="The product's story, Markdown like `description`.")
    facts: dict[FactKey, FactValue] = Field(
        default_factory=dict, description="Facts shown as a table, by key (net_weight, shelf_life, ...)."
    )
    price: Price | None = None
    images: list[Image] = Field(default_factory=list, description="Photos; the first is the cover.")
    videos: list[Video] = Field(default_factory=list, description="Videos about the product, in the order shown.")
    origin: Origin | None = None
    gtin: Gtin | None = Field(None, description="GTIN-8/12/13/14 barcode number with a valid check digit (text).")
    channels: list[Channel] = Field(default_factory=list, description="Where to buy.")
    inspections: list[Inspection] = Field(
        default_factory=list, description="Post-certification checks, in any order; the programme dashboard uses the latest."
    )
    translations: dict[Language, ProductTranslation] = Field(
        default_factory=dict,
        description="Text in other languages, by language code (en, zh...): `translations: {en: {name: ..., summary: ...}}`; "
        "what is left out falls back to Vietnamese.",
    )
    revenue: list[Revenue] = Field(
        default_factory=list,
        description="Optional sales by year, one entry per year, for the dashboard's revenue growth; not published per product.",
    )
    trade: Trade | None = Field(
        None,
        description="Optional trade facts for distributors: capacity, minimum order, packaging, "
        "other certifications, export markets, wholesale contact.",
    )
    tags: list[ShortText] = Field(default_factory=list, description="Free tags.")
    featured: StrictBool = Field(False, description="Shown first on the home page.")
    withdrawn: Withdrawal | None = Field(
        None,
        description="{date, reason}: the product left the catalogue. Never delete a product file instead: "
        "QR codes printed for it must keep opening its page.",
    )

    @field_validator("revenue")
    @classmethod
    def _one_entry_a_year(cls, revenue: list[Revenue]) -> list[Revenue]:
        years = [r.year for r in revenue]
        twice = sorted({y for y in years if years.count(y) > 1})
        if twice:
            raise fail("duplicate-year", "field.duplicate-year", years=", ".join(map(str, twice)))
        return revenue


class ProducerTranslation(Record):
    """A producer's text in one language."""

    name: Name | None = Field(None, description="Name in this language.")


class Producer(Record):
    """An OCOP subject (chủ thể OCOP): the content of `producers/<id>.yaml`."""

    id: Id = Field(description="Permanent id, equal to the file name.")
    name: Name = Field(description="Registered name, e.g. Hợp tác xã Thanh Xuân.")
    kind: ProducerKind = Field(description="cooperative (HTX), cooperative-group (THT), enterprise (DN) or household (HKD).")
    address: Line = Field(description="Address, small to large: bản, xã/phường, tỉnh.")
    commune: CommuneId = Field(description="Commune or ward (an id from the place list).")
    phone: Phone = Field(description="Vietnamese phone number (mobile, landline or +84).")
    coordinates: tuple[FiniteFloat, FiniteFloat] | None = Field(
        None, description="[latitude, longitude] of the workshop or shop where visitors can buy, in degrees: the map shows it."
    )
    representative: Name | None = Field(None, description="Legal representative.")
    email: Email | None = None
    website: Url | None = None
    zalo: Phone | None = Field(None, description="Phone number registered on Zalo.")
    tax_code: TaxCode | None = Field(None, description="Tax code (mã số thuế): 10 digits, or 10-3.")
    development: list[Development] = Field(
        default_factory=list,
        description="Optional: when the programme developed the producer (it joined, once) or consolidated it "
        "(any year); the dashboard counts producers developed or consolidated in the plan year.",
    )
    translations: dict[Language, ProducerTranslation] = Field(
        default_factory=dict, description="Text in other languages, by language code: `translations: {zh: {name: ...}}`."
    )

    @field_validator("development")
    @classmethod
    def _joined_once(cls, development: list[Development]) -> list[Development]:
        joined = [d.date for d in development if d.kind is DevelopmentKind.DEVELOPED]
        if len(joined) > 1:
            raise fail(
                "duplicate-development", "field.duplicate-development", n=len(joined), dates=", ".join(d.isoformat() for d in joined)
            )
        return development


def last_inspection(product: Product, today: date) -> Inspection | None:
    """The product's latest inspection on or before `today` (a later date is a typo, warned about), if any."""
    done = [i for i in product.inspections if i.date <= today]
    return max(done, key=lambda i: i.date) if done else None


def expiry_date(certificate: Certificate | EarlierCertificate, validity_months: int) -> date:
    """The certificate's last day of validity: `expires`, or `issued` plus the validity."""
    return certificate.expires or add_months(certificate.issued, validity_months)
