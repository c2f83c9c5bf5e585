"""A listing's cards are made once per product and depth (catalogue/pages/html.py `cards`), yet
each is the card made for that very page: the links of a card depend only on how deep the page is
in its language's folder, as long as the page is in none of the folders a card links into."""

from __future__ import annotations

import os

import pytest

from catalogue.media_stage import build_media
from catalogue.pages.context import Site
from catalogue.pages.html import EAGER_CARDS, card, cards, html, join
from catalogue.pages.listings import listing_pages
from catalogue.validate import validate

from .conftest import REPO
from .site_fixture import TODAY


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The demo catalogue with its media, as the build sees it."""
    catalogue, report = validate(REPO / "products", REPO / "producers", REPO / "catalogue.yaml", TODAY)
    assert report.ok, report.to_text()
    with open(os.devnull, "w") as quiet:
        media = build_media(catalogue, tmp_path_factory.mktemp("media"), today=TODAY, stream=quiet)
    return Site(catalogue, media.products, TODAY, media.catalogue_pdfs, site_cards=media.site_cards)


@pytest.mark.parametrize("lang", ["vi", "en", "zh"])
def test_shared_cards_are_the_cards_of_each_page(site: Site, lang: str) -> None:
    products = list(site.catalogue.products.values())
    pages = {page.url for page in listing_pages(site, lang)} | {site.product_path(products[0].id, lang), "check/", "", "en/"}
    assert len({page.count("/") for page in pages}) >= 3  # pages of several depths, of the language's folder and others
    for page in sorted(pages):
        own = html('<ul class="ocop-cards">{}</ul>', join(card(site, p, page, lang, eager=i < EAGER_CARDS) for i, p in enumerate(products)))
        assert cards(site, products, page, lang) == own, page
