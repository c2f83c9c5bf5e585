"""The print jobs: a fair poster per product, the label sheets, the printed catalogue per
language; each a frozen dataclass of its parameters that makes its PDF (see `catalogue.jobs.job`)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import ClassVar

from ..jobs.job import Files, Input, JobError, Meta
from ..label_sheet import LabelSheet
from ..makers.qr import QrMatrix, from_svg
from ..urls import Urls
from .calibration import calibration_pdf
from .catalogue_front import Cover
from .catalogue_parts import WHOLE, CataloguePart
from .catalogue_pdf import catalogue_pdf
from .items import CatalogueEntry, PrintItem
from .kept_pieces import KeptPieces
from .labels import label_sheet_pdf
from .posters import PosterFacts, poster_pdf

# Bump a kind's version when its output changes for the same inputs: the cache keys include it.
VERSIONS = {"poster": 3, "labels": 3, "catalogue-pdf": 4, "calibration": 1}
PRINT_PHOTO_WIDTH = 640  # px: the photo variant the printed catalogue embeds, about 200 dpi across 80 mm


@dataclass(frozen=True)
class PosterJob:
    """A one-page fair poster for one product in force."""

    kind: ClassVar[str] = "poster"
    item: PrintItem
    site_name: str
    path: str
    qr_key: str | None = None  # the QR job whose code the poster draws
    facts: PosterFacts | None = None  # the producer's phone and the trade facts

    def run(self, inputs: Mapping[str, Input]) -> tuple[Files, Meta]:
        """The poster at `path`."""
        code = _made_code(self.item, inputs.get(self.qr_key)) if self.qr_key else None
        with _layout_problems():
            return {self.path: poster_pdf(self.item, self.site_name, code, self.facts)}, {}


@dataclass(frozen=True)
class LabelsJob:
    """The QR label sheets of the products in force, in each language: of all of them, or of one
    `part` when the catalogue is printed in parts (an edit then makes one part's sheets again)."""

    kind: ClassVar[str] = "labels"
    items: tuple[PrintItem, ...]
    sheet: LabelSheet
    languages: tuple[str, ...]
    qr_keys: tuple[str, ...] = ()  # by item: the key of the QR job that made its code
    part: CataloguePart = WHOLE
    pieces: str | None = None  # the folder of pages kept between builds (`kept_pieces`); not in the key

    def run(self, inputs: Mapping[str, Input]) -> tuple[Files, Meta]:
        """print/labels-<lang>[-<part>].pdf for each language; meta: the number of labels.

        The codes are the QR jobs' SVGs read back once for every language (one whose job failed is
        encoded again by the sheet)."""
        made = zip(self.items, self.qr_keys, strict=False)
        codes = {item.url: code for item, key in made if (code := _made_code(item, inputs.get(key))) is not None}
        kept = _kept(self.pieces, self.kind)
        with _layout_problems():
            files = {
                Urls.labels(lang, self.part.slug): label_sheet_pdf(self.items, self.sheet, lang, codes, kept) for lang in self.languages
            }
        return files, {"labels": len(self.items)}


@dataclass(frozen=True)
class CalibrationJob:
    """The label printer's calibration page: the outline of every label of the sheet. It depends on
    the sheet alone, so no edit makes it again."""

    kind: ClassVar[str] = "calibration"
    sheet: LabelSheet

    def run(self, inputs: Mapping[str, Input]) -> tuple[Files, Meta]:
        """print/labels-calibration.pdf."""
        with _layout_problems():
            return {Urls.labels_calibration(): calibration_pdf(self.sheet)}, {}


@dataclass(frozen=True)
class PlannedEntry:
    """A product of the printed catalogue before its photo and code are made: `entry` without
    them, and the keys of the photo and QR jobs whose outputs it embeds."""

    entry: CatalogueEntry
    photo_key: str | None
    qr_key: str


@dataclass(frozen=True)
class CataloguePdfJob:
    """The printed catalogue in one language, or one `part` of it, from the cover photos and QR codes already made."""

    kind: ClassVar[str] = "catalogue-pdf"
    lang: str
    cover: Cover
    entries: tuple[PlannedEntry, ...]
    path: str
    part: CataloguePart = WHOLE
    pieces: str | None = None  # the folder of entries kept between builds (`kept_pieces`); not in the key

    def run(self, inputs: Mapping[str, Input]) -> tuple[Files, Meta]:
        """The catalogue at `path`; `inputs` hold the photo and QR jobs it needs (a photo that could
        not be made is simply absent); meta: the number of entries."""
        entries = [_resolved(planned, inputs) for planned in self.entries]
        with _layout_problems():
            return {self.path: catalogue_pdf(entries, self.cover, self.lang, _kept(self.pieces, self.kind))}, {"entries": len(entries)}


def _kept(folder: str | None, kind: str) -> KeptPieces:
    """The pieces of `kind` kept in `folder`, salted with the kind's version (none without a folder)."""
    return KeptPieces(Path(folder) if folder else None, salt=(kind, VERSIONS[kind]))


def _resolved(planned: PlannedEntry, inputs: Mapping[str, Input]) -> CatalogueEntry:
    """The entry with its photo's print variant and its code read back from the QR job's SVG."""
    entry = planned.entry
    photo = _print_photo(inputs.get(planned.photo_key)) if planned.photo_key else None
    return replace(entry, item=replace(entry.item, photo=photo), qr=_made_code(entry.item, inputs.get(planned.qr_key)))


def _made_code(item: PrintItem, code: Input | None) -> QrMatrix | None:
    """The product's code read back from the SVG its QR job made, or None when that job failed."""
    if code is None:
        return None
    return from_svg((code.folder / Urls.qr(Urls.qr_stem(item.id))).read_text(encoding="utf-8"), item.url)


def _print_photo(photo: Input | None) -> Path | None:
    """The JPEG variant of a made photo closest above `PRINT_PHOTO_WIDTH` (or its largest).

    The photo job's meta lists its variants as [width, height, webp, jpeg] (`catalogue.media.jobs.PhotoJob`).
    """
    if photo is None:
        return None
    listed = photo.meta["variants"]
    variants = sorted((int(v[0]), str(v[3])) for v in listed if isinstance(v, list)) if isinstance(listed, list) else []
    if not variants:
        return None
    _, jpeg = next((v for v in variants if v[0] >= PRINT_PHOTO_WIDTH), variants[-1])
    return photo.folder / jpeg


@contextmanager
def _layout_problems() -> Iterator[None]:
    """A print layout that cannot hold what it must (labels too small for a code) is a problem, not a traceback."""
    try:
        yield
    except ValueError as exc:
        raise JobError("print-layout", str(exc)) from exc
