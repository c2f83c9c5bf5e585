"""What media a catalogue needs: one job per photo, per QR code, per poster, per share card, the
label sheets and the printed catalogue in each language."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from ..catalogue import Catalogue
from ..languages import printed
from ..model import Product
from ..pages.i18n import t
from ..status import IN_FORCE, CertificateStatus
from ..vocab import Group
from .badges import badge_label
from .cache import digest, file_digest
from .cards import CardFrame, ProductCard, SiteCard
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
    # Keys of jobs whose outputs this one reads: it runs after them, given their folders and meta.
    needs: tuple[str, ...] = ()


def plan(catalogue: Catalogue, today: date) -> list[Job]:
    """Every job the catalogue needs on `today` (statuses decide which labels, posters and catalogue entries exist)."""
    jobs: list[Job] = []
    hashes: dict[str, str] = {}
    for pid, product in catalogue.products.items():
        jobs += _photo_jobs(catalogue, pid, product, hashes)
        jobs += _qr_jobs(catalogue, product)
        jobs += _card_jobs(catalogue, product, today)
    jobs += _site_card_jobs(catalogue)
    live = _in_print_order(catalogue, today)
    items = [_print_item(catalogue, p, today, hashes) for p in live]
    for item in items:
        jobs.append(_poster_job(catalogue, item, hashes))
    if items:
        sheet = catalogue.settings.labels.model_dump(mode="json")
        labelled = [{**item, "photo": None} for item in items]
        params = {"items": labelled, "sheet": sheet, "languages": printed(catalogue.settings.languages)}
        jobs.append(Job("labels", digest("labels", VERSIONS["labels"], params), params))
        jobs += _catalogue_pdf_jobs(catalogue, live, today, jobs)
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


def _card_jobs(catalogue: Catalogue, product: Product, today: date) -> list[Job]:
    """A share card in each language for a product without photos (one with photos shows its cover).

    The card shows the status on `today`, so it is drawn again, grey, once the certificate ends.
    """
    if product.images:
        return []
    status = catalogue.status(product, today)
    jobs = []
    for lang in printed(catalogue.settings.languages):  # pages in other languages show the Vietnamese card
        english = product.english.name if product.english else None
        name = english if lang == "en" and english else product.name
        card = ProductCard(name, product.stars, status in IN_FORCE, badge_label(product.stars, status, lang), _frame(catalogue, lang))
        params: dict[str, Any] = {"lang": lang, "card": asdict(card)}
        key = digest("card", VERSIONS["card"], params, OG_SIZE, JPEG_OPTIONS)
        # The key in the name: a changed card gets a new address, so no cache serves the old one.
        params["path"] = f"img/{product.id}/card-{lang}-{key[:10]}.jpg"
        jobs.append(Job("card", key, params, product.id))
    return jobs


def _site_card_jobs(catalogue: Catalogue) -> list[Job]:
    """The site's share card in each language, for the home and index pages."""
    jobs = []
    for lang in printed(catalogue.settings.languages):
        card = SiteCard(t(lang, "card_tagline"), _frame(catalogue, lang))
        params: dict[str, Any] = {"lang": lang, "card": asdict(card)}
        key = digest("site-card", VERSIONS["site-card"], params, OG_SIZE, JPEG_OPTIONS)
        params["path"] = f"cards/site-{lang}-{key[:10]}.jpg"
        jobs.append(Job("site-card", key, params))
    return jobs


def _frame(catalogue: Catalogue, lang: str) -> CardFrame:
    """What every card of the site shows in `lang` around its subject."""
    settings = catalogue.settings
    address = urlsplit(settings.site_url)
    return CardFrame(
        site_name=settings.site_name.of(lang),
        province=t(lang, "print_province", p=settings.province),
        host=f"{address.hostname or ''}{address.path.rstrip('/')}",
        demo=t(lang, "print_demo_title") if settings.demo else None,
    )


def _in_print_order(catalogue: Catalogue, today: date) -> list[Product]:
    """Products listed and in force, by group then name: what labels, posters and the printed catalogue show."""
    order = {g: i for i, g in enumerate(Group)}
    live = [p for p in catalogue.listed_products(today) if catalogue.status(p, today) in IN_FORCE]
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


def _catalogue_pdf_jobs(catalogue: Catalogue, products: list[Product], today: date, jobs: list[Job]) -> list[Job]:
    """One printed catalogue per language, made from the site's own cover photos and QR codes.

    It reads the 640 px JPEG of each cover photo and each QR code's SVG made by the photo and QR
    jobs, so it decodes no photo and encodes no code; those jobs' keys (hashes of their inputs)
    stand for the photos and codes in its own key. Its date is the day the statuses hold for, so
    it is made again once a day at most.
    """
    covers = {job.product: job.key for job in jobs if job.kind == "photo" and job.image == 0}
    codes = {job.product: job.key for job in jobs if job.kind == "qr" and job.params["stem"] == f"qr/{job.product}"}
    settings = catalogue.settings
    entries = [_catalogue_entry(catalogue, product, today, covers.get(product.id), codes[product.id]) for product in products]
    needs = tuple(sorted({key for entry in entries for key in (entry["photo_key"], entry["qr_key"]) if key}))
    made = []
    for lang in printed(settings.languages):
        cover = {
            "site_name": settings.site_name.of(lang),
            "province": settings.province,
            "site_url": settings.site_url,
            "data_date": today.isoformat(),
            "demo": settings.demo,
        }
        params = {"lang": lang, "cover": cover, "entries": entries, "path": f"print/catalogue-{lang}.pdf"}
        made.append(Job("catalogue-pdf", digest("catalogue-pdf", VERSIONS["catalogue-pdf"], params), params, needs=needs))
    return made


def _catalogue_entry(catalogue: Catalogue, product: Product, today: date, photo_key: str | None, qr_key: str) -> dict[str, Any]:
    producer = catalogue.producer_of(product)
    english = product.english
    producer_english = producer.translations.en if producer.translations else None
    return {
        "id": product.id,
        "group": product.group.value,
        "name": product.name,
        "name_en": english.name if english else None,
        "summary": product.summary,
        "summary_en": english.summary if english else None,
        "stars": product.stars,
        "status": catalogue.status(product, today).value,
        "url": product_codes(catalogue.settings.site_url, product)[product.id],
        "certificate_number": product.certificate.number,
        "issuer": product.certificate.issuer,
        "issued": product.certificate.issued.isoformat(),
        "expires": catalogue.expires(product).isoformat(),
        "producer": producer.name,
        "producer_en": producer_english.name if producer_english else None,
        "address": producer.address,
        "phone": producer.phone,
        "photo_key": photo_key,
        "qr_key": qr_key,
    }
