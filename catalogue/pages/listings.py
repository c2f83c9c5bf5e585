"""Index pages: home, all products, groups, communes, stars and producers (paginated, 200 a page)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from markupsafe import Markup

from ..languages import html_lang, language
from ..media_stage import PrintFile
from ..model import Producer, Product
from ..places import province
from ..rules import fold_tone_marks
from ..status import IN_FORCE
from ..translated import localized_text, term
from ..urls import Urls
from ..vocab import GROUP_LABELS, PRODUCER_KIND_LABELS, Group
from .context import Site, ordered
from .finder import finder_form
from .html import NOTHING, cards, html, join, relative
from .i18n import format_phone, format_size, t, tel_href

PAGE_SIZE = 200


@dataclass
class PageFile:
    """One generated page: its source path in the docs folder, title and HTML body."""

    path: str
    title: str  # plain text: the renderer escapes it for the theme
    body: Markup | str  # HTML (Markup) for generated pages, Markdown text for hand-written ones
    meta: dict = field(default_factory=dict)
    markdown: bool = False  # True for hand-written Markdown; generated bodies are HTML
    # A product page's product and key in the page store (catalogue/pages/page_cache.py), by which
    # the renderer records the file it became.
    stored: tuple[str, str] | None = field(default=None, compare=False, repr=False)

    @property
    def url(self) -> str:
        """The page's folder on the site (use_directory_urls), e.g. 'groups/che/' for groups/che/index.md."""
        stem = self.path.removesuffix(".md")
        return "" if stem == "index" else stem.removesuffix("index").rstrip("/") + "/"


def paginate(
    site: Site,
    base: str,
    title: str,
    intro: Markup,
    products: list[Product],
    lang: str,
    first: Markup = NOTHING,
    *,
    searched: bool = True,
) -> Iterator[PageFile]:
    """Listing pages of at most PAGE_SIZE products, the first at the site path `base` (a folder),
    the others at its page 2, 3... (`Urls.listing`); `first` is extra HTML for the first page (the
    finder), before the cards.

    The theme's search index holds only the first page, by its title and intro: its cards would
    put every product in the index again (the header search offers products from its own index,
    catalogue/pages/search.py). Without `searched` (a producer's page: the header search offers
    producers too) no page is in it."""
    chunks = [products[i : i + PAGE_SIZE] for i in range(0, len(products), PAGE_SIZE)] or [[]]
    for number, chunk in enumerate(chunks, start=1):
        url = Urls.listing(base, number)
        path = site.urls.source(url, lang, leaf=number > 1)
        heading = title if number == 1 else f"{title} — {t(lang, 'page', n=number)}"
        listing = cards(site, chunk, url, lang) if chunk else html("<p>{}</p>", t(lang, "no_products"))
        body = html(
            '<h1>{}</h1>{}{}<div class="ocop-listing">{}{}</div>',
            heading,
            intro,
            first if number == 1 else Markup(),
            listing,
            _pager(site, base, number, len(chunks), url, lang),
        )
        meta: dict[str, object] = {"hide": ["toc"]}
        if number == 1 and searched:
            meta["ocop_search"] = Markup(intro).striptags() or title
        else:
            meta["search"] = {"exclude": True}
        yield PageFile(path, heading, body, meta)


def _pager(site: Site, base: str, number: int, pages: int, url: str, lang: str) -> Markup:
    if pages == 1:
        return Markup()
    links = []
    for n in range(1, pages + 1):
        target = Urls.listing(base, n)
        current = Markup(' aria-current="page"') if n == number else Markup()
        links.append(html('<a href="{}"{}>{}</a>', relative(target, url), current, n))
    return html('<nav class="ocop-pager" aria-label="{}">{}</nav>', t(lang, "page", n="").strip(), join(links, " "))


def listing_pages(site: Site, lang: str) -> Iterator[PageFile]:
    """Every index page of one language but the producers' (`producer_listings`)."""
    products = ordered(site, site.listed)
    finder = finder_form(site, lang, site.urls.products(lang))
    yield from paginate(site, site.urls.products(lang), t(lang, "all_products"), Markup(), products, lang, finder)
    yield from _group_pages(site, products, lang)
    yield from _commune_pages(site, products, lang)
    yield from _star_pages(site, products, lang)


def _index(site: Site, section: str, rows: list[tuple[str, str, int]], lang: str) -> PageFile:
    """A section's index page, linking to the first page of each of its listings (site paths in `rows`)."""
    page = site.urls.section(section, lang)
    title = t(lang, section)
    items = join(
        html('<li><a href="{}">{}</a> <small>{}</small></li>', relative(target, page), name, t(lang, "count_products", n=count))
        for target, name, count in rows
    )
    body = html('<h1>{}</h1><ul class="ocop-index">{}</ul>', title, items)
    # Indexed by its title alone: its list (thousands of producers in a large catalogue) would
    # make the theme's search index grow with the catalogue.
    return PageFile(site.urls.source(page, lang), title, body, {"ocop_search": title})


def _group_pages(site: Site, products: list[Product], lang: str) -> Iterator[PageFile]:
    rows = []
    for group in Group:
        members = [p for p in products if p.group == group]
        label = term(GROUP_LABELS[group], lang)
        rows.append((site.urls.group(group.value, lang), label, len(members)))
        yield from paginate(site, site.urls.group(group.value, lang), label, Markup(), members, lang)
    yield _index(site, "groups", rows, lang)


def _commune_pages(site: Site, products: list[Product], lang: str) -> Iterator[PageFile]:
    rows = []
    by_commune = site.by_commune(products)
    for unit in province().units.values():
        members = by_commune.get(unit.id, [])
        rows.append((site.urls.commune(unit.id, lang), unit.title, len(members)))
        intro = html("<p>{}</p>", t(lang, "former_district", d=unit.former_district))
        yield from paginate(site, site.urls.commune(unit.id, lang), unit.title, intro, members, lang)
    yield _index(site, "communes", rows, lang)


def _star_pages(site: Site, products: list[Product], lang: str) -> Iterator[PageFile]:
    rows = []
    for stars in (5, 4, 3):
        members = [p for p in products if p.stars == stars]
        title = f"OCOP {t(lang, 'star_n', n=stars)}"
        rows.append((site.urls.stars(stars, lang), title, len(members)))
        yield from paginate(site, site.urls.stars(stars, lang), title, Markup(), members, lang)
    yield _index(site, "stars", rows, lang)


@dataclass(frozen=True)
class ProducerListing:
    """A producer as its page lists it: its products on the site, in order, and its name in the
    page's language."""

    producer: Producer
    members: list[Product]
    name: str

    @property
    def pages(self) -> int:
        """How many pages its listing takes."""
        return max(1, -(-len(self.members) // PAGE_SIZE))


def producer_listings(site: Site, lang: str) -> list[ProducerListing]:
    """Every producer, in the order of their index page (by name without tone marks)."""
    listings = []
    for producer in sorted(site.catalogue.producers.values(), key=lambda p: fold_tone_marks(p.name)):
        members = ordered(site, [p for p in site.catalogue.products_of(producer.id) if site.catalogue.listed(p, site.today)])
        listings.append(ProducerListing(producer, members, site.producer_name(producer, lang)))
    return listings


def producer_pages(site: Site, listing: ProducerListing, lang: str) -> Iterator[PageFile]:
    """The pages of one producer: who they are, and the cards of their products."""
    producer = listing.producer
    kind = term(PRODUCER_KIND_LABELS[producer.kind], lang)
    intro = html(
        '<p>{} · {} · <a href="{}">{}</a></p><p class="ocop-note">{}</p>',
        kind,
        producer.address,
        tel_href(producer.phone),
        format_phone(producer.phone),
        t(lang, "only_certified"),
    )
    yield from paginate(site, site.urls.producer(producer.id, lang), listing.name, intro, listing.members, lang, searched=False)


def producers_index(site: Site, listings: list[ProducerListing], lang: str) -> PageFile:
    """The index of the producers' pages."""
    rows = [(site.urls.producer(one.producer.id, lang), one.name, len(one.members)) for one in listings]
    return _index(site, "producers", rows, lang)


def home_page(site: Site, lang: str) -> PageFile:
    """The home page: featured products, counts and ways in."""
    catalogue = site.catalogue
    live = [p for p in site.listed if site.status(p) in IN_FORCE]
    featured = ordered(site, [p for p in live if p.featured]) or ordered(site, live)[:8]
    name = localized_text(catalogue.settings, "site_name", lang)
    counts = html(
        '<ul class="ocop-counts"><li><strong>{}</strong> {}</li><li><strong>{}</strong> {}</li><li><strong>{}</strong> {}</li></ul>',
        len(live),
        t(lang, "in_force", n="").strip(),
        len(catalogue.producers),
        t(lang, "producers"),
        len({c.commune for c in catalogue.producers.values()}),
        t(lang, "communes"),
    )
    page = site.urls.root(lang)
    urls = site.urls
    ways = join(
        html('<li><a href="{}">{}</a></li>', relative(target, page), t(lang, key))
        for target, key in (
            (urls.products(lang), "all_products"),
            *((urls.section(name, lang), name) for name in ("groups", "stars", "communes", "producers")),
            (urls.sales_points(lang), "sales_points"),
            (urls.about("check", lang), "about_check"),
        )
    )
    search = html(
        '<form class="ocop-check ocop-home-search" role="search" action="{}" method="get">'
        '<label for="ocop-home-q">{}</label><input id="ocop-home-q" name="q" type="search" placeholder="{}">'
        '<button class="md-button md-button--primary" type="submit">{}</button></form>',
        relative(urls.products(lang), page),
        t(lang, "finder"),
        t(lang, "finder_query"),
        t(lang, "finder_button"),
    )
    body = html(
        '<h1>{}</h1>{}{}<h2>{}</h2>{}<h2>{}</h2><ul class="ocop-ways">{}</ul>{}',
        name,
        counts,
        search,
        t(lang, "featured"),
        cards(site, featured, page, lang),
        t(lang, "browse"),
        ways,
        PRINT_LINKS if site.catalogue_pdfs is None else print_links(site.catalogue_pdfs, site.urls, lang),
    )
    # Indexed by its counts, not its cards: the header search finds products in their own index,
    # and a body read by the search plugin would have MkDocs render the site again for every edit.
    return PageFile(urls.source(page, lang), name, body, {"hide": ["navigation", "toc"], "ocop_search": counts.striptags()})


# Where the home page's links to the printed catalogue go when the site's pages are made before
# its files are drawn (`Site.catalogue_pdfs` None): a comment that no text from the data can make
# (every text is escaped), filled in by the renderer (catalogue/render/shells.py, `late`).
PRINT_LINKS = Markup("<!--ocop-print-links-->")


def print_links(catalogue_pdfs: dict[str, list[PrintFile]], urls: Urls, lang: str) -> Markup:
    """The printed catalogue to download from `lang`'s home page (its files by language), in the
    page's language first, with each file's size. Each edition is named in its own language, as
    language switches are; a language that print is not made in (Chinese: the PDFs' font has no
    Chinese characters) links the editions there are. An edition split into parts (see
    `catalogue.printing.catalogue_parts`) lists its parts, named in the page's language."""
    page = urls.root(lang)
    editions = sorted(catalogue_pdfs.items(), key=lambda pair: pair[0] != lang)
    if not editions:
        return Markup()
    split = any(len(files) > 1 for _, files in editions)
    links = join(_edition(files, file_lang, page, lang) for file_lang, files in editions)
    help_key = "print_parts_help" if split else "print_catalogue_help"
    return html('<h2>{}</h2><p>{}</p><ul class="ocop-ways ocop-print">{}</ul>', t(lang, "print_catalogue"), t(lang, help_key), links)


def _edition(files: list[PrintFile], file_lang: str, page: str, lang: str) -> Markup:
    """One language's edition: a link to its file, or its name over the links to its parts."""
    code, name = html_lang(file_lang), language(file_lang).name
    if len(files) == 1 and not files[0].part.label(lang):
        return html(
            '<li><a href="{}" hreflang="{}" lang="{}" type="application/pdf">{}</a> <small>(PDF, {})</small></li>',
            relative(files[0].path, page),
            code,
            code,
            name,
            format_size(files[0].size, lang),
        )
    parts = join(
        html(
            '<li><a href="{}" hreflang="{}" type="application/pdf">{}</a> <small>(PDF, {})</small></li>',
            relative(file.path, page),
            code,
            file.part.label(lang),
            format_size(file.size, lang),
        )
        for file in files
    )
    return html('<li><span lang="{}">{}</span><ul class="ocop-print-parts">{}</ul></li>', code, name, parts)
