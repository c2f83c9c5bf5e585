"""The whole docs tree of one language: product pages, index pages and the hand-written pages."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from importlib import resources

import yaml
from markupsafe import Markup

from ..model import Product
from ..translated import localized_text
from ..urls import ABOUT, Urls
from .check import check_page
from .context import Site
from .dashboard import dashboard_page
from .i18n import t
from .listings import PageFile, home_page, listing_pages, producer_listings, producer_pages, producers_index
from .maps import map_page
from .meta import product_head
from .page_cache import PublishedPage, opened, stored_pages, stored_producer_page
from .preview import with_preview
from .product import product_body
from .sales_points import sales_points_page

ABOUT_PAGES = ABOUT


def product_pages(site: Site, lang: str) -> Iterator[PageFile | PublishedPage]:
    """One page per product at p/<id>/ (outside the navigation: see render.py), each with its link
    preview; those an earlier build made from the same inputs are taken from its store (page_cache.py)."""
    return stored_pages(site, lang, lambda product: with_preview(site, product_page(site, product, lang), lang))


def product_page(site: Site, product: Product, lang: str) -> PageFile:
    """The page of one product."""
    name = localized_text(product, "name", lang)
    summary = localized_text(product, "summary", lang)
    meta = {
        "description": summary,
        "hide": ["navigation", "toc"],
        "ocop_id": product.id,
        "ocop_head": product_head(site, product, lang),
        # Found by the header search's own product index (catalogue/pages/search.py), not the theme's.
        "search": {"exclude": True},
    }
    source = site.urls.source(site.urls.product(product.id, lang), lang, leaf=True)
    return PageFile(source, name or product.name, product_body(site, product, lang), meta)


def about_pages(urls: Urls, lang: str) -> Iterator[PageFile]:
    """The hand-written pages shipped in catalogue/content/<lang>/."""
    folder = resources.files("catalogue").joinpath("content", lang)
    for name in ABOUT_PAGES:
        text = folder.joinpath(f"{name}.md").read_text(encoding="utf-8")
        yield PageFile(urls.source(urls.about(name, lang), lang, leaf=True), t(lang, f"about_{name}"), text, markdown=True)


def all_pages(site: Site, lang: str) -> Iterator[PageFile | PublishedPage]:
    """Every page of one language, each with its link preview (the product pages and the
    listings' cards from the store, while it is open: page_cache.py)."""
    with opened(site, lang):
        yield from _listed_pages(site, lang)
        yield from product_pages(site, lang)
    for page in about_pages(site.urls, lang):
        yield with_preview(site, page, lang)


def _listed_pages(site: Site, lang: str) -> Iterator[PageFile | PublishedPage]:
    """The home page, the listings and the other pages made from the data, each with its link preview."""
    made = (home_page(site, lang), check_page(site, lang), dashboard_page(site, lang))
    yield from (with_preview(site, page, lang) for page in made)
    yield from (with_preview(site, page, lang) for page in listing_pages(site, lang))
    yield from _producer_pages(site, lang)
    yield from (with_preview(site, page, lang) for page in (sales_points_page(site, lang), map_page(site, lang)))


def _producer_pages(site: Site, lang: str) -> Iterator[PageFile | PublishedPage]:
    """The producers' pages and their index; a producer's page that holds all its products is
    taken from the store when it is as an earlier build made it (page_cache.py)."""
    listings = producer_listings(site, lang)
    for listing in listings:
        made = (with_preview(site, page, lang) for page in producer_pages(site, listing, lang))
        if listing.pages == 1:
            yield stored_producer_page(site, lang, listing.producer.id, functools.partial(next, made))
        else:
            yield from made
    yield with_preview(site, producers_index(site, listings, lang), lang)


def page_source(page: PageFile) -> str:
    """The Markdown file of a page: front matter, then the body (HTML in one block, or Markdown)."""
    fields = {"title": page.title, **page.meta}
    plain = {key: str(value) if isinstance(value, Markup) else value for key, value in fields.items()}
    # With libyaml, as the data files are read: the same text, a fifth of the time.
    meta = yaml.dump(plain, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{meta}---\n\n{page.body}\n"
