"""What a label, a poster or the printed catalogue shows of one product, independent of the catalogue's models."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..languages import available, printed, t
from ..makers.qr import QrMatrix
from ..status import IN_FORCE, CertificateStatus
from ..translated import Localized, pick
from ..vocab import Group


@dataclass(frozen=True)
class PrintItem:
    """One product as printed: its QR code leads to `url`; `photo` is the cover photo, if any;
    `names` holds its translated names by language."""

    id: str
    name: str
    stars: int
    status: CertificateStatus
    url: str
    photo: Path | None = None
    names: Mapping[str, str] = field(default_factory=dict)

    def localized_name(self, lang: str) -> Localized:
        """The name in `lang` when translated, else the Vietnamese one, with the language it is in."""
        return pick(self.name, self.names, lang)

    def display_name(self, lang: str) -> str:
        """The name in `lang`, falling back to the Vietnamese one."""
        check_lang(lang)
        return self.localized_name(lang).text


@dataclass(frozen=True)
class CatalogueEntry:
    """One product in the printed catalogue: the label's facts, its certificate and its producer.

    `qr` is the code already made for the site, read back (see `catalogue.makers.qr.from_svg`);
    without it the code is encoded again from `item.url`. `summaries` and `producers` hold the
    translated summaries and producer names by language, `trade` the trade facts' lines.
    """

    item: PrintItem
    group: Group
    summary: str
    certificate_number: str
    issuer: str
    issued: date
    expires: date
    producer: str
    address: str
    phone: str
    qr: QrMatrix | None = None
    summaries: Mapping[str, str] = field(default_factory=dict)
    producers: Mapping[str, str] = field(default_factory=dict)
    # Trade facts as (label, text) lines by print language (catalogue/pages/trade.py), none when it has none.
    trade: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)

    def summary_in(self, lang: str) -> str:
        """The summary in `lang`, falling back to the Vietnamese one."""
        check_lang(lang)
        return pick(self.summary, self.summaries, lang).text

    def trade_in(self, lang: str) -> tuple[tuple[str, str], ...]:
        """The trade facts' (label, text) lines in `lang`, or none."""
        check_lang(lang)
        return self.trade.get(lang, ())

    def producer_in(self, lang: str) -> str:
        """The producer's name in `lang`, falling back to the Vietnamese one."""
        check_lang(lang)
        return pick(self.producer, self.producers, lang).text


def print_languages() -> tuple[str, ...]:
    """The languages print can be made in: their words files say `print: true` (the PDFs' font,
    Be Vietnam Pro, has no glyphs for scripts other than Latin)."""
    return tuple(printed(available()))


def check_lang(lang: str) -> None:
    """Refuse a language that print output cannot be made in."""
    if lang not in print_languages():
        raise ValueError(f"language must be one of {', '.join(repr(code) for code in print_languages())}, got {lang!r}")


def stars_words(stars: int, lang: str) -> str:
    """'4 sao' or '4-star', the words after 'OCOP' and the drawn stars."""
    check_lang(lang)
    return t(lang, "star_n", n=stars)


def require_in_force(items: list[PrintItem] | tuple[PrintItem, ...], what: str) -> None:
    """Refuse any item whose certificate is expired or revoked: print must never advertise it."""
    for item in items:
        if item.status not in IN_FORCE:
            raise ValueError(f"{item.id}: the certificate is {item.status.value}; {what} are only made for products in force")
