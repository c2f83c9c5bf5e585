"""What a site published: the manifest every build writes into its site, and the rule that a
product once published keeps its page.

QR codes printed on packaging lead to `/p/<id>/` for years. A build that silently dropped a product
whose file was deleted would turn every one of them into a 404, so the build compares the ids it
is about to publish with those of the previous build in the same folder (read from its manifest)
and refuses to drop any unless told so, id by id.

The manifest, `data/published.json`, is also how the build recognises a folder it made and may
therefore replace (catalogue/site_folder.py). It is a plain file that a static host may serve.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from . import __version__
from .load import yaml_files
from .messages import msg
from .problems import Report
from .urls import Urls

MANIFEST = Path(Urls.manifest())
GENERATOR = "ocop-catalogue"
OPEN_DATA = Path(Urls.products_json())
OPEN_DATA_KEYS = {"province", "site_url", "demo", "status_on", "products"}


def manifest_json(product_ids: Iterable[str], built: date) -> str:
    """The manifest of a site whose product pages are `product_ids`, built on `built`."""
    record = {"generator": GENERATOR, "version": __version__, "built": built.isoformat(), "products": sorted(product_ids)}
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"


def published_ids(site_dir: Path) -> list[str] | None:
    """The product ids published by the site in `site_dir`, or None when no site made by this
    generator is there (no manifest, or one that cannot be read)."""
    record = _read_json(site_dir / MANIFEST)
    if not isinstance(record, dict) or record.get("generator") != GENERATOR:
        return _ids_of_an_earlier_site(site_dir)
    ids = record.get("products")
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        return None
    return ids


def _ids_of_an_earlier_site(site_dir: Path) -> list[str] | None:
    """Sites built before the manifest existed are known by their open data, data/products.json,
    whose exact shape only this generator writes; None for anything else."""
    record = _read_json(site_dir / OPEN_DATA)
    if not isinstance(record, dict) or not record.keys() >= OPEN_DATA_KEYS or not isinstance(record["products"], list):
        return None
    products = record["products"]
    if not all(isinstance(p, dict) and isinstance(p.get("id"), str) and "certificate_number" in p for p in products):
        return None
    return [p["id"] for p in products]


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def check_removed(published: Iterable[str], products_dir: Path, site_dir: Path, unpublish: Iterable[str], report: Report) -> None:
    """An error for each product of the previous build whose file is gone from `products_dir`,
    unless its id is in `unpublish`. A file that is there but invalid counts as there: its own
    problems are reported by validation."""
    present = {path.stem for path in yaml_files(products_dir)} if products_dir.is_dir() else set()
    allowed = set(unpublish)
    for product_id in sorted(set(published) - present - allowed):
        report.add(
            products_dir / f"{product_id}.yaml",
            1,
            "removed-product",
            msg("published.removed", id=product_id, folder=_folder(site_dir)),
        )


def _folder(site_dir: Path) -> str:
    return site_dir.as_posix().rstrip("/") + "/"
