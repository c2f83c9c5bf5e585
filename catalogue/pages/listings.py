"""Index pages: home, all products, groups, communes, stars and producers (paginated, 200 a page)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import Product
from ..places import province
from ..rules import fold_tone_marks
from ..status import IN_FORCE
from ..vocab import GROUP_LABELS, PRODUCER_KIND_LABELS, Group
from .context import Site, ordered
from .finder import finder_form
from .html import cards, esc, relative, to_root
from .i18n import format_phone, format_size, t, tel_href

PAGE_SIZE = 200


@dataclass
class PageFile:
    """One generated page: its source path in the docs folder, title and HTML body."""

    path: str
    title: str
    body: str
    meta: dict = field(default_factory=dict)
    markdown: bool = False  # True for hand-written Markdown; generated bodies are HTML

    @property
    def url(self) -> str:
        """The page's folder on the site (use_directory_urls), e.g. 'groups/che/' for groups/che/index.md."""
        stem = self.path.removesuffix(".md")
        return "" if stem == "index" else stem.removesuffix("index").rstrip("/") + "/"


def paginate(site: Site, base: str, title: str, intro: str, products: list[Product], lang: str, first: str = "") -> Iterator[PageFile]:
    """Listing pages of at most PAGE_SIZE products: base/index.md, base/page-2.md, ...; `first` is
    extra HTML for the first page (the finder), before the cards."""
    chunks = [products[i : i + PAGE_SIZE] for i in range(0, len(products), PAGE_SIZE)] or [[]]
    for number, chunk in enumerate(chunks, start=1):
        path = f"{base}/index.md" if number == 1 else f"{base}/page-{number}.md"
        url = f"{site.prefix(lang)}{PageFile(path, '', '').url}"
        heading = title if number == 1 else f"{title} — {t(lang, 'page', n=number)}"
        listing = cards(site, chunk, url, lang) if chunk else f"<p>{t(lang, 'no_products')}</p>"
        listing += _pager(site, base, number, len(chunks), url, lang)
        body = f'<h1>{esc(heading)}</h1>{intro}{first if number == 1 else ""}<div class="ocop-listing">{listing}</div>'
        yield PageFile(path, heading, body, {"hide": ["toc"]})


def _pager(site: Site, base: str, number: int, pages: int, url: str, lang: str) -> str:
    if pages == 1:
        return ""
    links = []
    for n in range(1, pages + 1):
        target = f"{site.prefix(lang)}{base}/" + ("" if n == 1 else f"page-{n}/")
        current = ' aria-current="page"' if n == number else ""
        links.append(f'<a href="{relative(target, url)}"{current}>{n}</a>')
    return f'<nav class="ocop-pager" aria-label="{t(lang, "page", n="")}">' + " ".join(links) + "</nav>"


def listing_pages(site: Site, lang: str) -> Iterator[PageFile]:
    """Every index page of one language."""
    catalogue = site.catalogue
    products = ordered(site, catalogue.listed_products(site.today))
    finder = finder_form(site, lang, to_root(f"{site.prefix(lang)}products/"))
    yield from paginate(site, "products", t(lang, "all_products"), "", products, lang, finder)
    yield from _group_pages(site, products, lang)
    yield from _commune_pages(site, products, lang)
    yield from _star_pages(site, products, lang)
    yield from _producer_pages(site, lang)


def _index(title: str, rows: list[tuple[str, str, int]], lang: str) -> str:
    items = "".join(
        f'<li><a href="{href}">{esc(name)}</a> <small>{t(lang, "count_products", n=count)}</small></li>' for href, name, count in rows
    )
    return f'<h1>{esc(title)}</h1><ul class="ocop-index">{items}</ul>'


def _group_pages(site: Site, products: list[Product], lang: str) -> Iterator[PageFile]:
    rows = []
    for group in Group:
        members = [p for p in products if p.group == group]
        label = getattr(GROUP_LABELS[group], lang)
        rows.append((f"{group.value}/", label, len(members)))
        yield from paginate(site, f"groups/{group.value}", label, "", members, lang)
    yield PageFile("groups/index.md", t(lang, "groups"), _index(t(lang, "groups"), rows, lang))


def _commune_pages(site: Site, products: list[Product], lang: str) -> Iterator[PageFile]:
    rows = []
    for unit in province().units.values():
        members = [
            p for p in products if site.catalogue.producers[p.producer].commune == unit.id or (p.origin and p.origin.commune == unit.id)
        ]
        rows.append((f"{unit.id}/", unit.title, len(members)))
        intro = f"<p>{esc(t(lang, 'former_district', d=unit.former_district))}</p>"
        yield from paginate(site, f"communes/{unit.id}", unit.title, intro, members, lang)
    yield PageFile("communes/index.md", t(lang, "communes"), _index(t(lang, "communes"), rows, lang))


def _star_pages(site: Site, products: list[Product], lang: str) -> Iterator[PageFile]:
    rows = []
    for stars in (5, 4, 3):
        members = [p for p in products if p.stars == stars]
        title = f"OCOP {t(lang, 'star_n', n=stars)}"
        rows.append((f"{stars}/", title, len(members)))
        yield from paginate(site, f"stars/{stars}", title, "", members, lang)
    yield PageFile("stars/index.md", t(lang, "stars"), _index(t(lang, "stars"), rows, lang))


def _producer_pages(site: Site, lang: str) -> Iterator[PageFile]:
    rows = []
    for producer in sorted(site.catalogue.producers.values(), key=lambda p: fold_tone_marks(p.name)):
        members = ordered(site, [p for p in site.catalogue.products_of(producer.id) if site.catalogue.listed(p, site.today)])
        name = site.producer_name(producer, lang)
        rows.append((f"{producer.id}/", name, len(members)))
        kind = getattr(PRODUCER_KIND_LABELS[producer.kind], lang)
        intro = (
            f"<p>{esc(kind)} · {esc(producer.address)} · "
            f'<a href="{tel_href(producer.phone)}">{format_phone(producer.phone)}</a></p>'
            f'<p class="ocop-note">{t(lang, "only_certified")}</p>'
        )
        yield from paginate(site, f"producers/{producer.id}", name, intro, members, lang)
    yield PageFile("producers/index.md", t(lang, "producers"), _index(t(lang, "producers"), rows, lang))


def home_page(site: Site, lang: str) -> PageFile:
    """The home page: featured products, counts and ways in."""
    catalogue = site.catalogue
    live = [p for p in catalogue.listed_products(site.today) if site.status(p) in IN_FORCE]
    featured = ordered(site, [p for p in live if p.featured]) or ordered(site, live)[:8]
    name = getattr(catalogue.settings.site_name, lang)
    counts = (
        f'<ul class="ocop-counts"><li><strong>{len(live)}</strong> {t(lang, "in_force", n="").strip()}</li>'
        f"<li><strong>{len(catalogue.producers)}</strong> {esc(t(lang, 'producers'))}</li>"
        f"<li><strong>{len({c.commune for c in catalogue.producers.values()})}</strong> {esc(t(lang, 'communes'))}</li></ul>"
    )
    ways = "".join(
        f'<li><a href="{href}">{esc(t(lang, key))}</a></li>'
        for href, key in (
            ("products/", "all_products"),
            ("groups/", "groups"),
            ("stars/", "stars"),
            ("communes/", "communes"),
            ("producers/", "producers"),
            ("sales-points/", "sales_points"),
            ("about/check/", "about_check"),
        )
    )
    page = site.prefix(lang)
    search = (
        '<form class="ocop-check ocop-home-search" role="search" action="products/" method="get">'
        f'<label for="ocop-home-q">{esc(t(lang, "finder"))}</label>'
        f'<input id="ocop-home-q" name="q" type="search" placeholder="{esc(t(lang, "finder_query"))}">'
        f'<button class="md-button md-button--primary" type="submit">{esc(t(lang, "finder_button"))}</button></form>'
    )
    body = (
        f"<h1>{esc(name)}</h1>{counts}{search}<h2>{t(lang, 'featured')}</h2>{cards(site, featured, page, lang)}"
        f'<h2>{t(lang, "browse")}</h2><ul class="ocop-ways">{ways}</ul>{_print_links(site, page, lang)}'
    )
    return PageFile("index.md", name, body, {"hide": ["navigation", "toc"]})


def _print_links(site: Site, page: str, lang: str) -> str:
    """The printed catalogue to download, in the page's language first, with each file's size."""
    files = sorted(site.catalogue_pdfs.items(), key=lambda pair: pair[0] != lang)
    if not files:
        return ""
    links = "".join(
        f'<li><a href="{relative(file.path, page)}" hreflang="{file_lang}" type="application/pdf">'
        f"{esc(t(lang, f'print_edition_{file_lang}'))}</a> <small>(PDF, {format_size(file.size, lang)})</small></li>"
        for file_lang, file in files
    )
    intro = f"<h2>{esc(t(lang, 'print_catalogue'))}</h2><p>{esc(t(lang, 'print_catalogue_help'))}</p>"
    return f'{intro}<ul class="ocop-ways ocop-print">{links}</ul>'
