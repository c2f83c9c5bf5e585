"""Every path of the built site, in one place (DESIGN.md: product pages at p/<id>/ are a contract
that printed QR codes rely on).

Paths are relative to the site root and never start with '/'; a folder's path ends with '/'.
The first language of the catalogue is at the root, each other under '<code>/'. Pages exist in
every language (`product(id, lang)`); media, print and data files are shared by all languages and
sit at the root (`Urls.qr(...)`, static). The browser scripts get the paths they build from the
data the build writes (`Urls.template`), never from copies of these rules.

A test (tests/test_urls.py) keeps path strings out of every other module of the package and out
of the scripts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

INDEX_FILE = "index.html"  # what a web server opens for a folder; file:// does not (catalogue/offline.py)
SOURCE_INDEX = "index.md"  # the renderer's source file of a folder's page
# The folders of shared files at the site root (hosts' caching rules name them: catalogue/hosting/policy.py).
DATA = "data/"
QR = "qr/"
IMAGES = "img/"  # photos and share cards of products, named by their content's hash
CARDS = "cards/"  # the site's share cards, named by their content's hash
# The sections with an index page and one listing per member, within a language.
SECTIONS = ("groups", "stars", "communes", "producers")
ABOUT = ("ocop", "stars", "check", "data")


@dataclass(frozen=True)
class Urls:
    """The site's paths for a catalogue built in `languages` (the first one at the root)."""

    languages: tuple[str, ...]

    @classmethod
    def of(cls, languages: Sequence[str]) -> Urls:
        """The paths of a site built in `languages`, in the settings' order."""
        return cls(tuple(languages))

    # Languages ---------------------------------------------------------------------------

    def root(self, lang: str) -> str:
        """The folder of a language: '' for the first language, 'en/' for English."""
        return "" if lang == self.languages[0] else f"{lang}/"

    def roots(self, site_url: str) -> dict[str, str]:
        """Every language's public home address, by language, in the settings' order."""
        return {lang: site_url + self.root(lang) for lang in self.languages}

    def between(self, from_lang: str, to_lang: str) -> str:
        """The relative path from one language's root to another's: 'en/' from the first
        language, '../' back to it, '../zh/' from English to Chinese ('' for the same language)."""
        if from_lang == to_lang:
            return ""
        return "../" * self.root(from_lang).count("/") + self.root(to_lang)

    def page(self, path: str, lang: str) -> str:
        """The site path, in `lang`, of a page whose path within a language is `path`."""
        return self.root(lang) + path

    def within(self, path: str, lang: str) -> str:
        """A site path of `lang` without the language's folder: the same page in every language."""
        return path.removeprefix(self.root(lang))

    # Pages (each language has all of them) ------------------------------------------------

    def product(self, product_id: str, lang: str) -> str:
        """A product's page (the QR contract: p/<id>/ in the first language)."""
        return self.root(lang) + self.product_page(product_id)

    @staticmethod
    def product_page(product_id: str) -> str:
        """A product's page within a language: what its QR code leads to, from the site root."""
        return f"p/{product_id}/"

    @staticmethod
    def product_pages() -> str:
        """The folder of every product page within a language (kept out of the navigation)."""
        return Urls.product_page("").removesuffix("/")

    def products(self, lang: str, number: int = 1) -> str:
        """The all-products listing (with the finder), or its page `number`."""
        return self.listing(self.root(lang) + "products/", number)

    def section(self, name: str, lang: str) -> str:
        """A section's index page: 'groups/', 'stars/', 'communes/' or 'producers/'."""
        if name not in SECTIONS:
            raise ValueError(f"no section {name!r}; the sections are {', '.join(SECTIONS)}")
        return f"{self.root(lang)}{name}/"

    def group(self, group: str, lang: str, number: int = 1) -> str:
        """A group's listing, e.g. 'groups/do-uong/'."""
        return self.listing(f"{self.section('groups', lang)}{group}/", number)

    def stars(self, stars: int, lang: str, number: int = 1) -> str:
        """The listing of the products with `stars` stars, e.g. 'stars/4/'."""
        return self.listing(f"{self.section('stars', lang)}{stars}/", number)

    def commune(self, commune_id: str, lang: str, number: int = 1) -> str:
        """A commune's listing, e.g. 'communes/xa-binh-lu/'."""
        return self.listing(f"{self.section('communes', lang)}{commune_id}/", number)

    def producer(self, producer_id: str, lang: str, number: int = 1) -> str:
        """A producer's listing, e.g. 'producers/htx-che-tam-duong/'."""
        return self.listing(f"{self.section('producers', lang)}{producer_id}/", number)

    @staticmethod
    def listing(first: str, number: int = 1) -> str:
        """Page `number` of the listing whose first page is the folder `first`."""
        return first if number == 1 else f"{first}page-{number}/"

    @staticmethod
    def listing_pages(section: str) -> tuple[str, ...]:
        """Glob patterns, within a language, of a section's listings beyond its index page
        (for the renderer's list of pages kept out of the navigation)."""
        return (f"{section}/page-*",) if section == "products" else (f"{section}/*/",)

    def sales_points(self, lang: str) -> str:
        """The sales points page."""
        return f"{self.root(lang)}sales-points/"

    def sales_point(self, point_id: str, lang: str) -> str:
        """A sales point on the sales points page (its anchor)."""
        return f"{self.sales_points(lang)}#{point_id}"

    def map(self, lang: str) -> str:
        """The map page: where the products are made and where to see them (catalogue/pages/maps.py)."""
        return f"{self.root(lang)}map/"

    def check(self, lang: str) -> str:
        """The certificate check page."""
        return f"{self.root(lang)}check/"

    def dashboard(self, lang: str) -> str:
        """The programme dashboard."""
        return f"{self.root(lang)}dashboard/"

    def about(self, name: str, lang: str) -> str:
        """A hand-written page: 'about/ocop/', 'about/stars/', 'about/check/' or 'about/data/'."""
        return f"{self.root(lang)}about/{name}/"

    def kiosk(self, lang: str) -> str:
        """The kiosk page for a fair booth's screen (written as a whole file, outside the renderer)."""
        return f"{self.root(lang)}kiosk/"

    def sitemaps(self, lang: str) -> tuple[str, ...]:
        """The per-language sitemap files the renderer writes, replaced by the site's own."""
        return tuple(self.root(lang) + name for name in ("sitemap.xml", "sitemap.xml.gz"))

    def source(self, path: str, lang: str, leaf: bool = False) -> str:
        """The renderer's source file, in `lang`'s docs folder, of the page at site path `path`:
        'x/index.md', or 'x.md' for a `leaf` (a product, a hand-written page, a listing's later
        page), whose own links are relative to its folder's parent."""
        folder = self.within(path, lang)
        return folder.removesuffix("/") + ".md" if leaf else f"{folder}{SOURCE_INDEX}"

    @staticmethod
    def index_file(folder: str) -> str:
        """The file of a folder's page, for pages written without the renderer and for file://."""
        return folder + INDEX_FILE

    # Shared files (at the site root, one for all languages) ---------------------------------

    @staticmethod
    def digital_link(gtin14: str) -> str:
        """The GS1 Digital Link path of a GTIN-14: '01/<gtin14>/'."""
        return f"01/{gtin14}/"

    @staticmethod
    def qr_stem(product_id: str, gs1: bool = False) -> str:
        """The name of a product's QR code files without their suffix: '<id>', '<id>-gs1'."""
        return f"{product_id}-gs1" if gs1 else product_id

    @staticmethod
    def qr(stem: str, kind: str = "svg") -> str:
        """A QR code file: 'qr/<stem>.svg' ('png', 'pdf')."""
        return f"{QR}{stem}.{kind}"

    @staticmethod
    def badge(stars: int | str, kind: str, lang: str) -> str:
        """A star badge file; `kind` is 'valid' (in force), 'expired' or 'revoked'."""
        return f"badges/ocop-{stars}-{kind}-{lang}.svg"

    @staticmethod
    def photo_stem(product_id: str, index: int, source_hash: str) -> str:
        """Path prefix of a photo's outputs; it changes with the photo, so cached previews never go stale."""
        return Urls.product_image(product_id, f"{index + 1}-{source_hash[:10]}")

    @staticmethod
    def product_image(product_id: str, name: str) -> str:
        """A file in a product's image folder (photo variants, thumbnails, share cards)."""
        return f"{IMAGES}{product_id}/{name}"

    @staticmethod
    def product_card(product_id: str, lang: str, key: str) -> str:
        """A product's share card in `lang`; the key in the name, so that no cache serves an old one."""
        return Urls.product_image(product_id, f"card-{lang}-{key[:10]}.jpg")

    @staticmethod
    def site_card(lang: str, key: str) -> str:
        """The site's share card in `lang`."""
        return f"{CARDS}site-{lang}-{key[:10]}.jpg"

    @staticmethod
    def poster(product_id: str) -> str:
        """A product's fair poster (PDF)."""
        return f"print/posters/{product_id}.pdf"

    @staticmethod
    def labels(lang: str, part: str | None = None) -> str:
        """The QR label sheets in `lang` (PDF), or those of one `part` of the printed catalogue when it is split."""
        return f"print/labels-{lang}{f'-{part}' if part else ''}.pdf"

    @staticmethod
    def labels_calibration() -> str:
        """The label printer's calibration page (PDF)."""
        return "print/labels-calibration.pdf"

    @staticmethod
    def catalogue_pdf(lang: str, part: str | None = None) -> str:
        """The printed catalogue in `lang` (PDF), or one `part` of it when it is split (`thuc-pham`, `thuc-pham-2`)."""
        return f"print/catalogue-{lang}{f'-{part}' if part else ''}.pdf"

    # Data files --------------------------------------------------------------------------

    @staticmethod
    def products_json() -> str:
        """The open data: every product as JSON."""
        return DATA + "products.json"

    @staticmethod
    def products_csv() -> str:
        """The open data: every product as CSV."""
        return DATA + "products.csv"

    @staticmethod
    def products_schema() -> str:
        """The JSON Schema of products.json."""
        return DATA + "products.schema.json"

    @staticmethod
    def sales_points_json() -> str:
        """The sales points as JSON."""
        return DATA + "sales-points.json"

    @staticmethod
    def re_evaluation_csv() -> str:
        """The dashboard's re-evaluation list as CSV."""
        return DATA + "re-evaluation.csv"

    @staticmethod
    def manifest() -> str:
        """What the build published (catalogue/published.py)."""
        return DATA + "published.json"

    @staticmethod
    def finder_data(lang: str) -> str:
        """The finder's data in `lang`, a script (loads from file://)."""
        return f"{DATA}finder-{lang}.js"

    @staticmethod
    def search_data(lang: str, part: int | None = None) -> str:
        """The header search's product index in `lang`, or its part `part` (from 1), a script
        (loads from file://); a part's name is the index's with '-<part>' before '.js'."""
        return f"{DATA}search-{lang}.js" if part is None else f"{DATA}search-{lang}-{part}.js"

    @staticmethod
    def check_data(lang: str) -> str:
        """The certificate check's data in `lang`, a script (loads from file://)."""
        return f"{DATA}check-{lang}.js"

    @staticmethod
    def sitemap(number: int | None = None) -> str:
        """The site's sitemap, or its part `number` when it is an index of several."""
        return "sitemap.xml" if number is None else f"sitemap-{number}.xml"

    @staticmethod
    def robots() -> str:
        """robots.txt."""
        return "robots.txt"

    def asset(self, name: str, lang: str) -> str:
        """A file of the theme's assets: each language has its own copy."""
        return f"{self.root(lang)}assets/{name}"

    @staticmethod
    def pattern(path_of: Callable[[str], str]) -> re.Pattern[str]:
        """A regular expression that matches the paths `path_of` makes for any id (lower-case
        letters, digits and hyphens), the id as its group: pattern(Urls.product_page) matches 'p/x/'."""
        marker = "\0"
        return re.compile("^" + re.escape(path_of(marker)).replace(re.escape(marker), "([a-z0-9-]+)") + "$")

    # For the browser -----------------------------------------------------------------------

    @staticmethod
    def template(path_of: Callable[..., str], *names: str) -> str:
        """A path with `{name}` placeholders for the browser to fill in (ocop-finder.js,
        ocop-check.js): `path_of` called with the placeholders themselves, so the path comes from
        the one method that makes it, e.g. template(lambda i: urls.product(i, 'en'), 'id') is
        'en/p/{id}/'."""
        return path_of(*("{" + name + "}" for name in names))
