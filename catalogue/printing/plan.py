"""What print files a catalogue needs: a poster per product in force, the label sheets, and the
printed catalogue in each language."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path

from ..catalogue import Catalogue
from ..jobs.cache import as_json, job_key, job_key_of, json_list, plain
from ..jobs.job import Job
from ..jobs.plan_memo import PlanMemo
from ..languages import printed
from ..makers.qr import product_codes
from ..model import Producer, Product
from ..pages.i18n import format_phone, t
from ..status import IN_FORCE, CertificateStatus
from ..trade_text import trade_lines
from ..translated import localized_text, translation
from ..urls import Urls
from ..vocab import Group
from . import catalogue_parts
from .catalogue_front import Cover
from .catalogue_parts import CataloguePart
from .items import CatalogueEntry, PrintItem
from .jobs import VERSIONS, CalibrationJob, CataloguePdfJob, LabelsJob, PlannedEntry, PosterJob
from .posters import PosterFacts


def plan_print(
    catalogue: Catalogue,
    today: date,
    cover_hashes: Mapping[str, str],
    cover_jobs: Mapping[str, str],
    code_jobs: Mapping[str, str],
    pieces: Path | None = None,
    memo: PlanMemo | None = None,
) -> list[Job]:
    """Every print job on `today` (statuses decide which labels, posters and catalogue entries exist).

    By product id: `cover_hashes` the hash of its cover photo's bytes (a poster shows the photo),
    `cover_jobs` and `code_jobs` the keys of the jobs that make its cover photo and its QR code,
    which the printed catalogue embeds. `pieces`: the folder where the label sheets and the printed
    catalogue keep what they drew for the next build (`kept_pieces`). With `memo`, the keys and
    the JSON texts worked out for a product are those of the last build when nothing they come
    from changed (catalogue/jobs/plan_memo.py).
    """
    memo = memo or PlanMemo(catalogue, today)
    live = _in_print_order(catalogue, today)
    items = [_print_item(catalogue, product, today) for product in live]
    facts = {p.id: _poster_facts(catalogue, p, today) for p in live}
    posters = [
        _poster_job(catalogue, item, cover_hashes.get(item.id), code_jobs.get(item.id), facts[item.id], product, memo)
        for item, product in zip(items, live, strict=True)
    ]
    if not items:
        return posters
    # The longest first (the runner starts ready jobs in this order): after an edit, the printed
    # catalogue's parts take longer than its label sheet, which takes longer than its poster.
    folder = str(pieces) if pieces else None
    labels = _label_jobs(catalogue, live, {item.id: item for item in items}, code_jobs, folder, memo)
    return _catalogue_pdf_jobs(catalogue, live, today, cover_jobs, code_jobs, folder, memo) + labels + posters


def _label_jobs(
    catalogue: Catalogue,
    products: list[Product],
    items: Mapping[str, PrintItem],
    code_jobs: Mapping[str, str],
    pieces: str | None,
    memo: PlanMemo,
) -> list[Job]:
    """The label sheets: one job for all, or one per part of the printed catalogue when it is
    split; then the calibration page, a job of its own."""
    sheet, languages = catalogue.settings.labels, tuple(printed(catalogue.settings.languages))
    geometry = sheet.model_dump(mode="json")
    jobs = []
    for part, members in _parts(catalogue, products):
        labelled = tuple(replace(items[product.id], photo=None) for product in members)
        # The QR jobs' keys stand for the codes the sheets draw: the labels wait for those jobs and read their SVGs.
        codes = tuple(code_jobs[item.id] for item in labelled)
        labels = LabelsJob(labelled, sheet, languages, codes, part, pieces=pieces)
        planned = json_list(memo.text(p, "label", functools.partial(_json, item)) for p, item in zip(members, labelled, strict=True))
        after = (geometry, languages, codes, plain(part))
        key = job_key_of(as_json("labels"), as_json(VERSIONS["labels"]), planned, *map(as_json, after))
        jobs.append(Job(key, labels, needs=tuple(sorted(set(codes)))))
    jobs.append(Job(job_key("calibration", VERSIONS["calibration"], geometry), CalibrationJob(sheet)))
    return jobs


def _parts(catalogue: Catalogue, products: list[Product]) -> list[tuple[CataloguePart, list[Product]]]:
    """The parts of the printed catalogue and their products (catalogue_parts)."""

    def commune(product: Product) -> str:
        return catalogue.producer_of(product).commune

    # Read from the module when planning, so that a test can make the parts small.
    return catalogue_parts.split_catalogue(products, lambda product: product.group, commune, catalogue_parts.MAX_ENTRIES)


def _in_print_order(catalogue: Catalogue, today: date) -> list[Product]:
    """Products listed and in force, by group then name: what labels, posters and the printed catalogue show."""
    order = {g: i for i, g in enumerate(Group)}
    live = [p for p in catalogue.listed_products(today) if catalogue.status(p, today) in IN_FORCE]
    return sorted(live, key=lambda p: (order[p.group], p.name, p.id))


def _print_item(catalogue: Catalogue, product: Product, today: date) -> PrintItem:
    cover = catalogue.product_files[product.id].parent / product.images[0].src if product.images else None
    status: CertificateStatus = catalogue.status(product, today)
    return PrintItem(
        id=product.id,
        name=product.name,
        stars=product.stars,
        status=status,
        url=product_codes(catalogue.settings.site_url, product)[product.id],
        photo=cover,
        names=_translated(product, "name"),
    )


def _poster_facts(catalogue: Catalogue, product: Product, today: date) -> PosterFacts:
    """The producer's name and phone and the trade facts, as a poster (in Vietnamese) shows them."""
    producer = catalogue.producer_of(product)
    contact = (t("vi", "phone"), f"{producer.name} · {format_phone(producer.phone)}")
    return PosterFacts(contact, tuple(trade_lines(product.trade, today, "vi")) if product.trade else ())


def _poster_job(
    catalogue: Catalogue,
    item: PrintItem,
    photo_hash: str | None,
    qr_key: str | None,
    facts: PosterFacts,
    product: Product,
    memo: PlanMemo,
) -> Job:
    params = PosterJob(item, catalogue.settings.site_name, Urls.poster(item.id), qr_key, facts)
    key = memo.text(product, "poster", functools.partial(_poster_key, params, photo_hash))
    return Job(key, params, item.id, needs=(qr_key,) if qr_key else ())


def _poster_key(params: PosterJob, photo_hash: str | None) -> str:
    """The key of a poster's job. The photo's bytes stand in it for its path, which may move without
    changing the poster; the QR job's key for the code it draws, read back from that job's SVG."""
    item = replace(params.item, photo=None)
    return job_key("poster", VERSIONS["poster"], plain(item), photo_hash, params.site_name, params.path, params.qr_key, plain(params.facts))


def _catalogue_pdf_jobs(
    catalogue: Catalogue,
    products: list[Product],
    today: date,
    cover_jobs: Mapping[str, str],
    code_jobs: Mapping[str, str],
    pieces: str | None,
    memo: PlanMemo,
) -> list[Job]:
    """The printed catalogue in each language, one job per part (see `catalogue_parts`), made from
    the site's own cover photos and QR codes.

    A job reads the 640 px JPEG of each cover photo and each QR code's SVG made by the photo and
    QR jobs, so it decodes no photo and encodes no code; those jobs' keys (hashes of their inputs)
    stand for the photos and codes in its own key. Its date is the day the statuses hold for, so
    it is made again once a day at most; an edited product makes again only its own part.
    """
    settings = catalogue.settings
    made = []
    for part, members in _parts(catalogue, products):
        entries = tuple(
            PlannedEntry(_catalogue_entry(catalogue, product, today), cover_jobs.get(product.id), code_jobs[product.id])
            for product in members
        )
        needs = tuple(sorted({key for entry in entries for key in (entry.photo_key, entry.qr_key) if key}))
        # The same in every language's key.
        planned = json_list(memo.text(p, "entry", functools.partial(_json, entry)) for p, entry in zip(members, entries, strict=True))
        for lang in printed(settings.languages):  # Be Vietnam Pro has no CJK glyphs: print stays vi/en
            site_name = localized_text(settings, "site_name", lang)
            cover = Cover(site_name, settings.province, settings.site_url, today, settings.demo, part.label(lang))
            params = CataloguePdfJob(lang, cover, entries, Urls.catalogue_pdf(lang, part.slug), part, pieces)
            before = ("catalogue-pdf", VERSIONS["catalogue-pdf"], lang, plain(cover))
            key = job_key_of(*map(as_json, before), planned, as_json(params.path), as_json(plain(part)))
            made.append(Job(key, params, needs=needs))
    return made


def _catalogue_entry(catalogue: Catalogue, product: Product, today: date) -> CatalogueEntry:
    """The entry without its photo and code, which are made by other jobs."""
    producer = catalogue.producer_of(product)
    item = replace(_print_item(catalogue, product, today), photo=None)
    return CatalogueEntry(
        item=item,
        group=product.group,
        summary=product.summary,
        certificate_number=product.certificate.number,
        issuer=product.certificate.issuer,
        issued=product.certificate.issued,
        expires=catalogue.expires(product),
        producer=producer.name,
        address=producer.address,
        phone=producer.phone,
        summaries=_translated(product, "summary"),
        producers=_translated(producer, "name"),
        trade={lang: tuple(trade_lines(product.trade, today, lang)) for lang in printed(catalogue.settings.languages)}
        if product.trade
        else {},
    )


def _json(value: object) -> str:
    """`value` as a job's key writes it."""
    return as_json(plain(value))


def _translated(record: Product | Producer, field: str) -> dict[str, str]:
    """The translations of a record's `field` by language (those written; print falls back itself)."""
    return {lang: text for lang in record.translations if (text := translation(record, field, lang))}
