"""What a page shows when its link is shared (Zalo, Facebook, search results): its link preview.

The one owner of every page's preview fields: title, description, absolute page address, absolute
1200×630 image with its size and alt text, locale, type and card kind. They go into the page's
front matter as `ocop_preview` (and `description`), and overrides/partials/ocop-preview.html is
the one place that writes them as tags, escaping each value. A product's image is its cover
photo's link-preview crop, or its share card when it has no photo; every other page shows the
site's card in its language (catalogue/makers/cards.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import Any

from ..languages import drawn_in, language
from ..model import Product
from ..places import province
from ..status import IN_FORCE
from ..translated import localized_text, term
from ..vocab import GROUP_LABELS, PRODUCER_KIND_LABELS, Group
from .context import Site
from .i18n import t
from .listings import PageFile

IMAGE_SIZE = (1200, 630)  # the cover crop and the share cards (catalogue.makers.images.OG_SIZE)
_PAGE_NUMBER = re.compile(r"page-(\d+)")
# What a section's pages list, given the part of the path after the section ('che' in groups/che/).
Describer = Callable[[Site, str, str | None], str | None]


@dataclass(frozen=True)
class Preview:
    """A page's link preview; every address is absolute (chat apps fetch them from anywhere)."""

    type: str  # 'product' or 'website'
    title: str
    description: str
    url: str
    site_name: str
    locale: str
    locale_alternates: tuple[str, ...]
    image: str | None
    image_alt: str
    image_width: int = IMAGE_SIZE[0]
    image_height: int = IMAGE_SIZE[1]
    twitter_card: str = "summary_large_image"

    def as_meta(self) -> dict[str, Any]:
        """The fields as the page's front matter holds them."""
        fields = asdict(self)
        fields["locale_alternates"] = list(self.locale_alternates)
        return fields


def with_preview(site: Site, page: PageFile, lang: str) -> PageFile:
    """`page` with its preview (and its meta description) in its front matter."""
    product = site.catalogue.products.get(page.meta.get("ocop_id", ""))
    preview = product_preview(site, product, lang) if product else page_preview(site, page, lang)
    return replace(page, meta={**page.meta, "description": preview.description, "ocop_preview": preview.as_meta()})


def product_preview(site: Site, product: Product, lang: str) -> Preview:
    """A product page's preview: its name and star rating (or what happened to its certificate),
    its summary, and its cover photo or share card."""
    settings = site.catalogue.settings
    name = localized_text(product, "name", lang) or product.name
    label = site.badge_label(product, lang)
    media = site.media.get(product.id)
    cover = media.photos[0] if media and media.photos and media.photos[0].og else None
    image = cover.og if cover else (media.cards.get(drawn_in(lang)) if media else None)
    return Preview(
        type="product",
        title=f"{name} – {label}",
        description=localized_text(product, "summary", lang) or name,
        url=settings.site_url + site.product_path(product.id, lang),
        site_name=localized_text(settings, "site_name", lang),
        locale=language(lang).og_locale,
        locale_alternates=_alternates(site, lang),
        image=settings.site_url + image if image else None,
        image_alt=(cover.alt if cover and cover.alt else f"{name} – {label}"),
    )


def page_preview(site: Site, page: PageFile, lang: str) -> Preview:
    """Any other page's preview: its title with the site's name, what it lists, the site's card."""
    settings = site.catalogue.settings
    site_name = localized_text(settings, "site_name", lang)
    card = site.site_cards.get(drawn_in(lang))
    return Preview(
        type="website",
        title=site_name if site.urls.page(page.url, lang) == site.urls.root(lang) else f"{page.title} – {site_name}",
        description=describe(site, page.path, lang),
        url=settings.site_url + site.urls.page(page.url, lang),
        site_name=site_name,
        locale=language(lang).og_locale,
        locale_alternates=_alternates(site, lang),
        image=settings.site_url + card if card else None,
        image_alt=f"{site_name} – {t(lang, 'print_province', p=settings.province)}",
    )


def _alternates(site: Site, lang: str) -> tuple[str, ...]:
    return tuple(language(code).og_locale for code in site.catalogue.settings.languages if code != lang)


def describe(site: Site, path: str, lang: str) -> str:
    """The description of the page at `path` in the docs folder (`groups/che/page-2.md`, say):
    what it lists, with the province and counts; the site's own for a page it does not know."""
    parts = path.removesuffix(".md").split("/")
    number = _PAGE_NUMBER.fullmatch(parts[-1])
    if parts[-1] == "index" or number:
        parts = parts[:-1]
    section, key = (parts[0] if parts else ""), ("/".join(parts[1:]) or None)
    describer = _SECTIONS.get(section)
    text = describer(site, lang, key) if describer else None
    text = text or _home(site, lang, None)
    return f"{text} ({t(lang, 'page', n=number.group(1)).lower()})" if number else text


def _members(site: Site, what: str, belongs: Callable[[Product], bool]) -> int:
    """How many listed products `belongs` counts, worked out once per build for `what` (each page
    of a listing, in each language, says the same count)."""
    key = ("preview members", what)
    if key not in site.memo:
        site.memo[key] = sum(map(belongs, site.listed))
    return site.memo[key]


def _commune_counts(site: Site) -> dict[str, int]:
    """How many listed products belong on each commune's page, worked out once per build."""
    key = ("preview communes",)
    if key not in site.memo:
        site.memo[key] = {commune: len(members) for commune, members in site.by_commune(site.listed).items()}
    return site.memo[key]


def _count(lang: str, n: int) -> str:
    return t(lang, "desc_count_one" if n == 1 else "desc_count", n=n)


def _province(site: Site) -> str:
    return site.catalogue.settings.province


def _home(site: Site, lang: str, key: str | None) -> str:
    live = _members(site, "live", lambda p: site.status(p) in IN_FORCE)
    return t(lang, "desc_home", p=_province(site), count=_count(lang, live))


def _products(site: Site, lang: str, key: str | None) -> str:
    return t(lang, "desc_products", p=_province(site), count=_count(lang, len(site.listed)))


def _groups(site: Site, lang: str, key: str | None) -> str | None:
    if key is None:
        return t(lang, "desc_groups", p=_province(site))
    group = next((g for g in Group if g.value == key), None)
    if group is None:
        return None
    members = _members(site, f"group {key}", lambda p: p.group == group)
    return t(lang, "desc_group", group=term(GROUP_LABELS[group], lang), count=_count(lang, members), p=_province(site))


def _stars(site: Site, lang: str, key: str | None) -> str | None:
    if key is None:
        return t(lang, "desc_stars", p=_province(site))
    if key not in ("3", "4", "5"):
        return None
    members = _members(site, f"stars {key}", lambda p: p.stars == int(key))
    return t(lang, "desc_star", n=key, count=_count(lang, members), p=_province(site))


def _communes(site: Site, lang: str, key: str | None) -> str | None:
    units = province().units
    if key is None:
        return t(lang, "desc_communes", units=len(units), p=_province(site))
    if key not in units:
        return None
    members = _commune_counts(site).get(key, 0)
    return t(lang, "desc_commune", commune=units[key].title, count=_count(lang, members), p=_province(site))


def _producers(site: Site, lang: str, key: str | None) -> str | None:
    catalogue = site.catalogue
    if key is None:
        return t(lang, "desc_producers", n=len(catalogue.producers), p=_province(site))
    producer = catalogue.producers.get(key)
    if producer is None:
        return None
    return t(
        lang,
        "desc_producer",
        producer=site.producer_name(producer, lang),
        kind=term(PRODUCER_KIND_LABELS[producer.kind], lang).lower(),
        commune=site.place_name(producer.commune),
        count=_count(lang, sum(catalogue.listed(p, site.today) for p in catalogue.products_of(producer.id))),
    )


def _about(site: Site, lang: str, key: str | None) -> str | None:
    words = f"desc_about_{key}"
    return t(lang, words, p=_province(site)) if words in language(lang).words else None


def _fixed(name: str) -> Describer:
    """A describer for a page that lists nothing of its own (check, dashboard, sales points)."""

    def describer(site: Site, lang: str, key: str | None) -> str | None:
        return t(lang, f"desc_{name}", p=_province(site), year=site.catalogue.settings.targets.year) if key is None else None

    return describer


_SECTIONS: dict[str, Describer] = {
    "": _home,
    "products": _products,
    "groups": _groups,
    "stars": _stars,
    "communes": _communes,
    "producers": _producers,
    "sales-points": _fixed("sales_points"),
    "map": _fixed("map"),
    "check": _fixed("check"),
    "dashboard": _fixed("dashboard"),
    "about": _about,
}
