"""The units of media work. Each job is a plain function of picklable parameters, so that jobs
can run in worker processes; it returns the files it made (paths relative to the site) and a
little metadata, or the problem that stopped it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ..makers.images import PhotoError, make_og, make_variants, open_photo
from ..makers.qr import encode, from_svg, to_png, to_svg
from ..status import CertificateStatus
from ..vocab import Group

# Bump a kind's version when its output changes for the same inputs: the cache keys include it.
VERSIONS = {"photo": 1, "qr": 1, "poster": 1, "labels": 1, "catalogue-pdf": 1, "card": 1, "site-card": 1}
PRINT_PHOTO_WIDTH = 640  # px: the photo variant the printed catalogue embeds, about 200 dpi across 80 mm

Files = dict[str, bytes]
Result = tuple[Files, dict[str, Any]]


def run_job(kind: str, params: dict[str, Any]) -> Result:
    """Run one job; a problem comes back as meta {'error': [code, message]} (exceptions with
    custom arguments do not cross process boundaries)."""
    try:
        return _WORKERS[kind](params)
    except PhotoError as exc:
        return {}, {"error": [exc.code, exc.message]}
    except (OSError, ValueError) as exc:
        if kind == "photo":  # decoded (as `--check` does) but refused by an encoder: a problem, not a traceback
            return {}, {"error": ["image-unreadable", f"cannot be made into web images ({exc}); export it again"]}
        if isinstance(exc, ValueError):  # a print layout that cannot hold a code, e.g. labels too small
            return {}, {"error": ["print-layout", str(exc)]}
        raise


def photo_job(params: dict[str, Any]) -> Result:
    """Variants of one photo, and its link-preview image when it is a cover."""
    image = open_photo(Path(params["source"]))
    variants, files = make_variants(image, params["stem"])
    meta: dict[str, Any] = {"variants": [[v.width, v.height, v.webp, v.jpeg] for v in variants], "og": None}
    if params["og"]:
        meta["og"] = f"{params['stem']}-og.jpg"
        files[meta["og"]] = make_og(image)
    return files, meta


def qr_job(params: dict[str, Any]) -> Result:
    """One code as SVG, PNG and PDF."""
    from ..makers.qr_pdf import qr_pdf

    matrix = encode(params["url"])
    stem = params["stem"]
    files = {f"{stem}.svg": to_svg(matrix, params["url"]).encode(), f"{stem}.png": to_png(matrix), f"{stem}.pdf": qr_pdf(matrix)}
    return files, {"version": matrix.version, "modules": matrix.size}


def card_job(params: dict[str, Any]) -> Result:
    """A product's share card (a product without photos)."""
    from ..makers.cards import CardFrame, ProductCard, product_card

    card = ProductCard(**{**params["card"], "frame": CardFrame(**params["card"]["frame"])})
    return {params["path"]: product_card(card).jpeg}, {}


def site_card_job(params: dict[str, Any]) -> Result:
    """The site's share card in one language."""
    from ..makers.cards import CardFrame, SiteCard, site_card

    card = SiteCard(**{**params["card"], "frame": CardFrame(**params["card"]["frame"])})
    return {params["path"]: site_card(card).jpeg}, {}


def poster_job(params: dict[str, Any]) -> Result:
    """A one-page fair poster for one product in force."""
    from ..printing.posters import poster_pdf

    item = _item(params["item"])
    return {params["path"]: poster_pdf(item, params["site_name"])}, {}


def labels_job(params: dict[str, Any]) -> Result:
    """The QR label sheets of every product in force, in each language, and a calibration page."""
    from ..printing.labels import LabelSheet, calibration_pdf, label_sheet_pdf

    sheet = LabelSheet.model_validate(params["sheet"])
    items = [_item(i) for i in params["items"]]
    files = {f"print/labels-{lang}.pdf": label_sheet_pdf(items, sheet, lang) for lang in params["languages"]}
    files["print/labels-calibration.pdf"] = calibration_pdf(sheet)
    return files, {"labels": len(items)}


def catalogue_pdf_job(params: dict[str, Any]) -> Result:
    """The printed catalogue in one language, from the cover photos and QR codes already made.

    `params["inputs"]` holds, by job key, the cache folder and meta of each photo and QR job it
    needs (see `catalogue.media_stage`); a photo that could not be made is simply absent.
    """
    from ..printing.catalogue_pdf import Cover, catalogue_pdf

    entries = [_catalogue_entry(data, params["inputs"]) for data in params["entries"]]
    cover = Cover(**{**params["cover"], "data_date": date.fromisoformat(params["cover"]["data_date"])})
    return {params["path"]: catalogue_pdf(entries, cover, params["lang"])}, {"entries": len(entries)}


def _catalogue_entry(data: dict[str, Any], inputs: dict[str, Any]) -> Any:
    from ..printing.items import CatalogueEntry

    photo = _print_photo(inputs.get(data["photo_key"])) if data["photo_key"] else None
    code = inputs.get(data["qr_key"])
    qr = from_svg((Path(code["folder"]) / f"qr/{data['id']}.svg").read_text(encoding="utf-8"), data["url"]) if code else None
    return CatalogueEntry(
        item=_item({**data, "photo": str(photo) if photo else None}),
        group=Group(data["group"]),
        summary=data["summary"],
        summary_en=data["summary_en"],
        certificate_number=data["certificate_number"],
        issuer=data["issuer"],
        issued=date.fromisoformat(data["issued"]),
        expires=date.fromisoformat(data["expires"]),
        producer=data["producer"],
        producer_en=data["producer_en"],
        address=data["address"],
        phone=data["phone"],
        qr=qr,
    )


def _print_photo(photo: dict[str, Any] | None) -> Path | None:
    """The JPEG variant of a made photo closest above `PRINT_PHOTO_WIDTH` (or its largest)."""
    if photo is None:
        return None
    variants = sorted(photo["meta"]["variants"])  # [width, height, webp, jpeg], narrowest first
    chosen = next((v for v in variants if v[0] >= PRINT_PHOTO_WIDTH), variants[-1])
    return Path(photo["folder"]) / chosen[3]


def _item(data: dict[str, Any]) -> Any:
    from ..printing.items import PrintItem

    photo = Path(data["photo"]) if data["photo"] else None
    return PrintItem(data["id"], data["name"], data["name_en"], data["stars"], CertificateStatus(data["status"]), data["url"], photo)


_WORKERS = {
    "photo": photo_job,
    "qr": qr_job,
    "card": card_job,
    "site-card": site_card_job,
    "poster": poster_job,
    "labels": labels_job,
    "catalogue-pdf": catalogue_pdf_job,
}
