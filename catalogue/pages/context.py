"""What every page generator needs: the catalogue, its media, today's date, and paths."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..catalogue import Catalogue
from ..dashboard import Dashboard, dashboard
from ..makers.badges import badge_kind, badge_label
from ..media_stage import PrintFile, ProductMedia
from ..model import Producer, Product
from ..places import province
from ..rules import fold_tone_marks
from ..status import IN_FORCE, CertificateStatus
from ..translated import localized_text
from ..urls import Urls

if TYPE_CHECKING:
    from markupsafe import Markup

    from .page_cache import OpenStore, PageStore


@dataclass
class Site:
    """The catalogue as the site sees it on the day of the build."""

    catalogue: Catalogue
    media: dict[str, ProductMedia]
    today: date
    # The printed catalogue's files, by language; None while they are drawn beside the pages (the
    # home page leaves their links to be filled in: catalogue/pages/listings.py, `PRINT_LINKS`).
    catalogue_pdfs: dict[str, list[PrintFile]] | None = field(default_factory=dict)
    site_cards: dict[str, str] = field(default_factory=dict)  # the site's share card, by language
    maps: bool = False  # OpenStreetMap maps drawn with Leaflet: not in the offline copy (catalogue/maps.py)
    pages: PageStore | None = None  # product pages made by earlier builds (catalogue/pages/page_cache.py)
    stores: dict[str, OpenStore] = field(default_factory=dict, repr=False)  # each language's, while open (`page_cache.opened`)
    _statuses: dict[str, CertificateStatus] = field(default_factory=dict, repr=False)
    memo: dict[object, Any] = field(default_factory=dict, repr=False)  # what page makers work out once per build (e.g. a card's texts)

    @cached_property
    def listed(self) -> list[Product]:
        """The products in the catalogue on the build day (withdrawn ones left out), in file order:
        what every listing, count and description of the site is about."""
        return self.catalogue.listed_products(self.today)

    @cached_property
    def figures(self) -> Dashboard:
        """The programme dashboard's figures on the build day (its page and its CSV)."""
        return dashboard(self.catalogue, self.today)

    def status(self, product: Product) -> CertificateStatus:
        """The product certificate's status on the build day."""
        if product.id not in self._statuses:
            self._statuses[product.id] = self.catalogue.status(product, self.today)
        return self._statuses[product.id]

    @cached_property
    def urls(self) -> Urls:
        """The site's paths."""
        return Urls.of(self.catalogue.settings.languages)

    def product_path(self, product_id: str, lang: str) -> str:
        """Site path of a product page (the QR contract: p/<id>/)."""
        return self.urls.product(product_id, lang)

    def badge_file(self, product: Product, lang: str) -> str:
        """Site path of the product's badge image for its current status."""
        return Urls.badge(product.stars, badge_kind(self.status(product)), lang)

    def browser_paths(self, lang: str) -> dict[str, object]:
        """The paths the browser scripts build (ocop-finder.js, ocop-check.js), as templates for
        them to fill in: a product page by `{id}` from the language's root (the page's
        `data-home`), and from the site root (its `data-root`) a badge by status and `{stars}`, a
        product image by `{id}` and `{file}`, a product's QR code by `{id}`; and `index`, the file
        to add to a folder's path for a page opened from file:// (which opens no folder's page)."""
        return {
            "index": Urls.index_file(""),
            "product": Urls.template(Urls.product_page, "id"),
            "badge": {s.value: Urls.template(lambda n: Urls.badge(n, badge_kind(s), lang), "stars") for s in CertificateStatus},  # noqa: B023
            "image": Urls.template(Urls.product_image, "id", "file"),
            "qr": Urls.template(lambda i: Urls.qr(Urls.qr_stem(i)), "id"),
        }

    def home(self, page: str, lang: str) -> str:
        """The relative path from the page at site path `page` to its language's root."""
        return "../" * self.urls.within(page, lang).count("/")

    def badge_label(self, product: Product, lang: str) -> str:
        """The badge's accessible name."""
        return badge_label(product.stars, self.status(product), lang)

    def stored_card(self, product: Product, lang: str, variant: str, make: Callable[[], Markup]) -> Markup:
        """The card of `product` in `lang` on listings of one kind (`variant`: the page it is seen
        from, and whether its photo loads at once): from `lang`'s store while it is open, when all
        that the card shows is as when it was stored; else made by `make`."""
        store = self.stores.get(lang)
        return store.card(product, variant, make) if store else make()

    def by_commune(self, products: Iterable[Product]) -> dict[str, list[Product]]:
        """`products` by each commune whose page they belong on, in their order: the commune where
        it is made, and the one where its raw material grows."""
        members: dict[str, list[Product]] = {}
        for product in products:
            made_in = self.catalogue.producers[product.producer].commune
            members.setdefault(made_in, []).append(product)
            if product.origin and product.origin.commune != made_in:
                members.setdefault(product.origin.commune, []).append(product)
        return members

    @staticmethod
    def place_name(commune_id: str) -> str:
        """'xã Bình Lư' for a commune id."""
        return province().units[commune_id].title

    @staticmethod
    def producer_name(producer: Producer, lang: str) -> str:
        """The producer's name in `lang`, falling back to Vietnamese (as text; pages mark the
        fallback with `html.localized_span`)."""
        return localized_text(producer, "name", lang)


def ordered(site: Site, products: list[Product]) -> list[Product]:
    """Products in force first, then by name without tone marks (the order of every listing).
    Each product's place is worked out once a build, and so is the order of all the products listed
    (`Site.listed`): a site sorts its products for every listing, script and language."""
    if products is site.listed and _LISTED in site.memo:
        return list(site.memo[_LISTED])
    places = site.memo.setdefault(_PLACES, {})

    def place(product: Product) -> tuple[bool, str, str]:
        found = places.get(product.id)
        if found is None:
            found = places[product.id] = (site.status(product) not in IN_FORCE, fold_tone_marks(product.name), product.id)
        return found  # type: ignore[no-any-return]

    found = sorted(products, key=place)
    if products is site.listed:
        site.memo[_LISTED] = found
        return list(found)
    return found


_PLACES, _LISTED = ("ordered", "places"), ("ordered", "listed")
