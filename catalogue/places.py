"""The province's commune-level units (xã, phường), shipped as data in `catalogue/data/places.yaml`."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

from .messages import Message, msg
from .rules import fold_tone_marks


@dataclass(frozen=True)
class Bounds:
    """A latitude/longitude rectangle."""

    south: float
    north: float
    west: float
    east: float

    def contains(self, lat: float, lon: float) -> bool:
        """True when the point lies inside the rectangle."""
        return self.south <= lat <= self.north and self.west <= lon <= self.east


@dataclass(frozen=True)
class Place:
    """A commune (xã) or ward (phường) in force since 1 July 2025."""

    id: str
    name: str
    kind: str
    former_district: str
    former_units: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """The unit's name with its kind, as written in an address: 'xã Bình Lư'."""
        return f"{'phường' if self.kind == 'phuong' else 'xã'} {self.name}"


@dataclass(frozen=True)
class ProvinceTranslation:
    """The province's name in one language."""

    name: str


@dataclass(frozen=True)
class Province:
    """A province and its units; `translations` holds its name in other languages (see `catalogue.translated`)."""

    name: str
    bounds: Bounds
    units: dict[str, Place] = field(default_factory=dict)
    translations: dict[str, ProvinceTranslation] = field(default_factory=dict)


@cache
def province() -> Province:
    """The province described by the shipped place list."""
    text = resources.files("catalogue").joinpath("data", "places.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=yaml.CSafeLoader)
    units = {
        u["id"]: Place(
            id=u["id"],
            name=u["name"],
            kind=u["kind"],
            former_district=u["former_district"],
            former_units=tuple(u.get("former_units", ())),
            aliases=tuple(u.get("aliases", ())),
        )
        for u in data["units"]
    }
    info = data["province"]
    translations = {lang: ProvinceTranslation(**text) for lang, text in info.get("translations", {}).items()}
    return Province(info["name"], Bounds(**info["bounds"]), units, translations)


def _folded_name(text: str) -> str:
    """A place name folded for comparison: 'Huyện Tam Đường' → 'tam duong'."""
    folded = " ".join(fold_tone_marks(text).replace("-", " ").split())
    for prefix in ("huyen ", "thanh pho ", "tp ", "tp. ", "thi tran ", "tt ", "xa ", "phuong "):
        folded = folded.removeprefix(prefix)
    return folded


def former_district_hint(value: str) -> Message | None:
    """What to write instead of a district or a commune that no longer exists since 1 July 2025:
    the communes and wards of that former district, or the unit a former commune was merged into.
    None when `value` names neither, or names a unit in force too (Than Uyên is both)."""
    units = province().units.values()
    folded = _folded_name(value)
    if not folded or any(folded in (_folded_name(p.name), p.id.replace("-", " ")) for p in units):
        return None
    district = [p for p in units if _folded_name(p.former_district) == folded]
    if district:
        choices = ", ".join(f"{p.id} ({p.title})" for p in district)
        return msg("place.former-district", district=district[0].former_district, choices=choices)
    merged = next((p for p in units if any(_folded_name(old) == folded for old in p.former_units)), None)
    if merged:
        return msg("place.former-unit", unit=f"{merged.id} ({merged.title})")
    return None
