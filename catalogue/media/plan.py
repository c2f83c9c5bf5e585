"""What media a catalogue needs: one job per photo, per QR code, per poster, and the label sheets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..catalogue import Catalogue
from ..model import Product
from ..status import CertificateStatus
from ..vocab import Group
from .badges import IN_FORCE
from .cache import digest, file_digest
from .images import JPEG_OPTIONS, OG_SIZE, WEBP_OPTIONS, WIDTHS
from .jobs import VERSIONS
from .qr import product_codes


@dataclass(frozen=True)
class Job:
    """One unit of media work, identified by the hash of its inputs."""

    kind: str
    key: str
    params: dict[str, Any]
    product: str | None = None
    image: int | None = None


def plan(catalogue: Catalogue, today: date) -> list[Job]:
    """Every job the catalogue needs on `today` (statuses decide which labels and posters exist)."""
    jobs: list[Job] = []
    hashes: dict[str, str] = {}
    for pid, product in catalogue.products.items():
        jobs += _photo_jobs(catalogue, pid, product, hashes)
        jobs += _qr_jobs(catalogue, product)
    items = [_print_item(catalogue, p, today, hashes) for p in _in_print_order(catalogue, today)]
    for item in items:
        jobs.append(_poster_job(catalogue, item, hashes))
    if items:
        sheet = catalogue.settings.labels.model_dump(mode="json")
        labelled = [{**item, "photo": None} for item in items]
        params = {"items": labelled, "sheet": sheet, "languages": list(catalogue.settings.languages)}
        jobs.append(Job("labels", digest("labels", VERSIONS["labels"], params), params))
    return jobs


def photo_stem(pid: str, index: int, source_hash: str) -> str:
    """Path prefix of a photo's outputs; it changes with the photo, so cached previews never go stale."""
    return f"img/{pid}/{index + 1}-{source_hash[:10]}"


def _photo_jobs(catalogue: Catalogue, pid: str, product: Product, hashes: dict[str, str]) -> list[Job]:
    jobs = []
    folder = catalogue.product_files[pid].parent
    for index, image in enumerate(product.images):
        source = folder / image.src
        hashes[f"{pid}#{index}"] = source_hash = file_digest(source)
        params = {"source": str(source), "stem": photo_stem(pid, index, source_hash), "og": index == 0}
        settings = [WIDTHS, OG_SIZE, WEBP_OPTIONS, JPEG_OPTIONS]
        key = digest("photo", VERSIONS["photo"], source_hash, params["stem"], params["og"], settings)
        jobs.append(Job("photo", key, params, pid, index))
    return jobs


def _qr_jobs(catalogue: Catalogue, product: Product) -> list[Job]:
    jobs = []
    for stem, url in product_codes(catalogue.settings.site_url, product).items():
        params = {"url": url, "stem": f"qr/{stem}"}
        jobs.append(Job("qr", digest("qr", VERSIONS["qr"], params), params, product.id))
    return jobs


def _in_print_order(catalogue: Catalogue, today: date) -> list[Product]:
    """Products in force, by group then name: what labels and posters are made for."""
    order = {g: i for i, g in enumerate(Group)}
    live = [p for p in catalogue.products.values() if catalogue.status(p, today) in IN_FORCE]
    return sorted(live, key=lambda p: (order[p.group], p.name, p.id))


def _print_item(catalogue: Catalogue, product: Product, today: date, hashes: dict[str, str]) -> dict[str, Any]:
    cover = catalogue.product_files[product.id].parent / product.images[0].src if product.images else None
    status: CertificateStatus = catalogue.status(product, today)
    return {
        "id": product.id,
        "name": product.name,
        "name_en": product.english.name if product.english else None,
        "stars": product.stars,
        "status": status.value,
        "url": product_codes(catalogue.settings.site_url, product)[product.id],
        "photo": str(cover) if cover else None,
        "photo_hash": hashes.get(f"{product.id}#0"),
    }


def _poster_job(catalogue: Catalogue, item: dict[str, Any], hashes: dict[str, str]) -> Job:
    params = {"item": item, "site_name": catalogue.settings.site_name.vi, "path": f"print/posters/{item['id']}.pdf"}
    key = digest("poster", VERSIONS["poster"], {**params, "item": {**item, "photo": None}})
    return Job("poster", key, params, item["id"])
