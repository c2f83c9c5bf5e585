"""What web media a catalogue needs: one job per photo, per QR code and per share card."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from ..catalogue import Catalogue
from ..jobs.cache import file_digest, job_key, plain
from ..jobs.job import Job
from ..jobs.plan_memo import PlanMemo
from ..languages import printed
from ..makers.badges import badge_label
from ..makers.cards import CardFrame, ProductCard, SiteCard
from ..makers.images import JPEG_OPTIONS, OG_SIZE, WEBP_OPTIONS, WIDTHS
from ..makers.qr import product_codes
from ..model import Product
from ..pages.i18n import t
from ..status import IN_FORCE
from ..translated import localized_text
from ..urls import Urls
from .jobs import VERSIONS, CardJob, PhotoJob, QrJob, SiteCardJob


@dataclass
class MediaPlan:
    """The web media jobs, and what print jobs need to know of them: by product, the hash of its
    cover photo's bytes and the keys of its cover photo job and of its QR code job."""

    jobs: list[Job] = field(default_factory=list)
    cover_hashes: dict[str, str] = field(default_factory=dict)
    cover_jobs: dict[str, str] = field(default_factory=dict)
    code_jobs: dict[str, str] = field(default_factory=dict)


def plan_media(catalogue: Catalogue, today: date, digest: Callable[[Path], str] = file_digest, memo: PlanMemo | None = None) -> MediaPlan:
    """Every web media job the catalogue needs on `today` (statuses decide how share cards look);
    `digest` gives a photo's hash (`MediaCache.digest` remembers them). With `memo`, the jobs' keys
    of a product are those of the last build when nothing they come from changed (plan_memo.py)."""
    memo = memo or PlanMemo(catalogue, today, digest)
    made = MediaPlan()
    for product in catalogue.products.values():
        made.jobs += _photo_jobs(catalogue, product, made, memo)
        made.jobs += _qr_jobs(catalogue, product, made, memo)
        made.jobs += _card_jobs(catalogue, product, today, memo)
    made.jobs += _site_card_jobs(catalogue)
    return made


def photo_stem(pid: str, index: int, source_hash: str) -> str:
    """Path prefix of a photo's outputs; it changes with the photo, so cached previews never go stale."""
    return Urls.photo_stem(pid, index, source_hash)


def _photo_jobs(catalogue: Catalogue, product: Product, made: MediaPlan, memo: PlanMemo) -> list[Job]:
    jobs = []
    pid = product.id
    folder = catalogue.product_files[pid].parent
    for index, (image, source_hash) in enumerate(zip(product.images, memo.photo_hashes(product), strict=True)):
        params = PhotoJob(folder / image.src, photo_stem(pid, index, source_hash), og=index == 0)
        settings = [WIDTHS, OG_SIZE, WEBP_OPTIONS, JPEG_OPTIONS]
        key = memo.text(
            product, f"photo {index}", functools.partial(job_key, "photo", VERSIONS["photo"], source_hash, params.stem, params.og, settings)
        )
        jobs.append(Job(key, params, pid, index))
        if index == 0:
            made.cover_hashes[pid], made.cover_jobs[pid] = source_hash, key
    return jobs


def _qr_jobs(catalogue: Catalogue, product: Product, made: MediaPlan, memo: PlanMemo) -> list[Job]:
    jobs = []
    for stem, url in product_codes(catalogue.settings.site_url, product).items():
        params = QrJob(url, stem)
        key = memo.text(product, f"qr {stem}", functools.partial(_key_of, "qr", params))
        jobs.append(Job(key, params, product.id))
        if stem == product.id:
            made.code_jobs[product.id] = key
    return jobs


def _key_of(kind: str, params: object) -> str:
    """The key of a job whose parameters are all its inputs."""
    return job_key(kind, VERSIONS[kind], plain(params))


def _card_jobs(catalogue: Catalogue, product: Product, today: date, memo: PlanMemo) -> list[Job]:
    """A share card in each language for a product without photos (one with photos shows its cover).

    The card shows the status on `today`, so it is drawn again, grey, once the certificate ends.
    """
    if product.images:
        return []
    status = catalogue.status(product, today)
    jobs = []
    for lang in printed(catalogue.settings.languages):  # the font draws Latin scripts only; other pages show the Vietnamese cards
        name = localized_text(product, "name", lang)
        card = ProductCard(name, product.stars, status in IN_FORCE, badge_label(product.stars, status, lang), _frame(catalogue, lang))
        key = memo.text(product, f"card {lang}", functools.partial(_card_key, lang, card))
        # The key in the name: a changed card gets a new address, so no cache serves the old one.
        params = CardJob(lang, card, Urls.product_card(product.id, lang, key))
        jobs.append(Job(key, params, product.id))
    return jobs


def _card_key(lang: str, card: ProductCard | SiteCard) -> str:
    """The key of a share card's job."""
    kind = "card" if isinstance(card, ProductCard) else "site-card"
    return job_key(kind, VERSIONS[kind], {"lang": lang, "card": plain(card)}, OG_SIZE, JPEG_OPTIONS)


def _site_card_jobs(catalogue: Catalogue) -> list[Job]:
    """The site's share card in each language, for the home and index pages."""
    jobs = []
    for lang in printed(catalogue.settings.languages):  # the font draws Latin scripts only; other pages show the Vietnamese cards
        card = SiteCard(t(lang, "card_tagline"), _frame(catalogue, lang))
        key = _card_key(lang, card)
        jobs.append(Job(key, SiteCardJob(lang, card, Urls.site_card(lang, key))))
    return jobs


def _frame(catalogue: Catalogue, lang: str) -> CardFrame:
    """What every card of the site shows in `lang` around its subject."""
    settings = catalogue.settings
    address = urlsplit(settings.site_url)
    return CardFrame(
        site_name=localized_text(settings, "site_name", lang),
        province=t(lang, "print_province", p=settings.province),
        host=f"{address.hostname or ''}{address.path.rstrip('/')}",
        demo=t(lang, "print_demo_title") if settings.demo else None,
    )
