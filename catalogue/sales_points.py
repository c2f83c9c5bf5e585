"""Sales points: OCOP showrooms, sales points and fair booths where a product can be seen in person.

They are catalogue-wide settings (the `sales_points` list of `catalogue.yaml`). The model checks
each point on its own; rules that need the products or other points (unknown or duplicate
products, duplicate ids, commune or province, date order) live in `catalogue.sales_checks`.
"""

from __future__ import annotations

from datetime import date

from pydantic import Field, FiniteFloat

from .fields import CommuneId, Id, IsoDate, Language, Line, Name, Phone, ShortText
from .model import Record
from .vocab import SalesPointKind


class SalesPointTranslation(Record):
    """A sales point's text in one language; anything left out falls back to Vietnamese."""

    name: Name | None = Field(None, description="Name in this language.")
    hours: Line | None = Field(None, description="Opening hours in this language.")


class SalesPoint(Record):
    """A place that shows and sells OCOP products: a showroom, a sales point or a fair booth."""

    id: Id = Field(description="Id of the point, unique in the list; its anchor on the sales points page, `sales-points/#<id>`.")
    name: Name = Field(description="Name in Vietnamese, e.g. Điểm bán sản phẩm OCOP Tam Đường.")
    kind: SalesPointKind = Field(description="What it is: a showroom, a sales point or a fair booth (see Sales point kinds below).")
    address: Line = Field(description="Street address, small to large.")
    commune: CommuneId | None = Field(None, description="Commune or ward, for a point in the province (an id from the place list).")
    province: ShortText | None = Field(
        None, description="Province name, for a point outside the province instead of `commune`, e.g. Hà Nội."
    )
    phone: Phone | None = Field(None, description="Vietnamese phone number (mobile, landline or +84).")
    hours: Line | None = Field(None, description="Opening hours as written for visitors, e.g. 7:30–17:00, thứ Hai đến Chủ nhật.")
    first_day: IsoDate | None = Field(None, alias="from", description="First day, for a temporary point such as a fair booth.")
    last_day: IsoDate | None = Field(
        None, alias="to", description="Last day, not before `from`; once it has passed the point is shown as ended."
    )
    coordinates: tuple[FiniteFloat, FiniteFloat] | None = Field(None, description="[latitude, longitude] of the entrance, in degrees.")
    products: list[Id] = Field(default_factory=list, description="Ids of the products it carries (files in products/).")
    translations: dict[Language, SalesPointTranslation] = Field(
        default_factory=dict, description="Text in other languages, by language code: `translations: {en: {name: ..., hours: ...}}`."
    )

    def ended(self, today: date) -> bool:
        """True once the point's last day is past (a fair that is over)."""
        return self.last_day is not None and self.last_day < today
