"""The units of media work. Each job is a plain function of picklable parameters, so that jobs
can run in worker processes; it returns the files it made (paths relative to the site) and a
little metadata, or the problem that stopped it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..status import CertificateStatus
from .images import PhotoError, make_og, make_variants, open_photo
from .qr import encode, to_png, to_svg

# Bump a kind's version when its output changes for the same inputs: the cache keys include it.
VERSIONS = {"photo": 1, "qr": 1, "poster": 1, "labels": 1}

Files = dict[str, bytes]
Result = tuple[Files, dict[str, Any]]


def run_job(kind: str, params: dict[str, Any]) -> Result:
    """Run one job; a problem comes back as meta {'error': [code, message]} (exceptions with
    custom arguments do not cross process boundaries)."""
    try:
        return _WORKERS[kind](params)
    except PhotoError as exc:
        return {}, {"error": [exc.code, exc.message]}
    except ValueError as exc:  # a print layout that cannot hold a code, e.g. labels too small
        return {}, {"error": ["print-layout", str(exc)]}


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
    from ..printing.pdfqr import qr_pdf

    matrix = encode(params["url"])
    stem = params["stem"]
    files = {f"{stem}.svg": to_svg(matrix, params["url"]).encode(), f"{stem}.png": to_png(matrix), f"{stem}.pdf": qr_pdf(matrix)}
    return files, {"version": matrix.version, "modules": matrix.size}


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


def _item(data: dict[str, Any]) -> Any:
    from ..printing.items import PrintItem

    photo = Path(data["photo"]) if data["photo"] else None
    return PrintItem(data["id"], data["name"], data["name_en"], data["stars"], CertificateStatus(data["status"]), data["url"], photo)


_WORKERS = {"photo": photo_job, "qr": qr_job, "poster": poster_job, "labels": labels_job}
