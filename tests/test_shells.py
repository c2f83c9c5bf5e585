"""Product pages filled into a shell are the very pages MkDocs renders (catalogue/render/shells.py).

Each catalogue (the demo, in every language, and the hostile one, whose every text carries markup
and script) is rendered twice with the pages that make the theme's frame (those in the
navigation), every page the build fills into a shell (product pages among them) and every page
whose body it puts in after MkDocs (the listings): once by MkDocs alone, once as the build makes
them. Every page and the theme's search index must be the same bytes; the demo site the session
builds must hold the same product pages too.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import yaml
from markupsafe import Markup

from catalogue.incremental import Kept
from catalogue.maps import maps_in_build
from catalogue.media_stage import build_media
from catalogue.pages.context import Site
from catalogue.pages.generate import all_pages
from catalogue.pages.listings import PageFile
from catalogue.render.build import build_languages
from catalogue.render.config import nav_sources
from catalogue.render.shells import Shells, fillable, place_later, placeable, stand_in, token
from catalogue.status import CertificateStatus
from catalogue.validate import validate

from .conftest import REPO
from .site_fixture import TODAY
from .test_hostile import make_hostile_catalogue


def _site(products: Path, producers: Path, settings: Path | None, media_dir: Path, today: date) -> Site:
    catalogue, report = validate(products, producers, settings, today)
    assert report.ok, report.to_text()
    with open(os.devnull, "w") as quiet:
        media = build_media(catalogue, media_dir, today=today, stream=quiet)
    # As the build makes it for the web: with maps when Leaflet is installed (catalogue/sitebuild.py).
    return Site(catalogue, media.products, today, media.catalogue_pdfs, site_cards=media.site_cards, maps=maps_in_build(offline=False))


def _pages(site: Site) -> Callable[[str], list[PageFile]]:
    """The navigation's pages, which make the theme's frame, every page filled into a shell and
    every page whose body is put in after MkDocs (the listings)."""

    def pages(lang: str) -> list[PageFile]:
        nav = nav_sources(site.catalogue.settings, lang)
        return [page for page in all_pages(site, lang) if page.path in nav or fillable(page, nav) or placeable(page)]

    return pages


def _html(folder: Path) -> dict[str, bytes]:
    """Every page, and the theme's search index (which must not change with bodies put in after MkDocs)."""
    pages = {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*.html"))}
    return pages | {SEARCH_INDEX: (folder / SEARCH_INDEX).read_bytes()}


SEARCH_INDEX = "search/search_index.json"


def _both(site: Site, work: Path) -> dict[str, tuple[dict[str, bytes], dict[str, bytes]]]:
    """By language: every page as MkDocs renders it, and as the build makes it (some filled into shells)."""
    settings = site.catalogue.settings
    rendered = build_languages(settings, _pages(site), work / "mkdocs", today=site.today, shells=False)
    filled = build_languages(settings, _pages(site), work / "shells", today=site.today)
    return {lang: (_html(rendered[lang].site), _html(filled[lang].site)) for lang in settings.languages}


def _different(rendered: dict[str, bytes], filled: dict[str, bytes]) -> list[str]:
    return sorted(path for path in rendered.keys() | filled.keys() if rendered.get(path) != filled.get(path))


@pytest.fixture(scope="module")
def demo_pages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, dict[str, tuple[dict[str, bytes], dict[str, bytes]]]]:
    work = tmp_path_factory.mktemp("shells-demo")
    site = _site(REPO / "products", REPO / "producers", None, work / "media", TODAY)
    return site, _both(site, work)


def test_demo_products_of_every_kind_are_the_pages_mkdocs_renders(demo_pages) -> None:
    site, pages = demo_pages
    catalogue = site.catalogue
    # The demo has products of every kind this proof is about.
    statuses = {site.status(p) for p in catalogue.products.values()}
    assert {CertificateStatus.EXPIRED, CertificateStatus.REVOKED, CertificateStatus.VALID, CertificateStatus.EXPIRING} <= statuses
    assert any(p.withdrawn for p in catalogue.products.values())
    assert any("zh" not in p.translations for p in catalogue.products.values())  # falls back to Vietnamese
    assert list(pages) == ["vi", "en", "zh"]
    for lang, (rendered, filled) in pages.items():
        assert len([path for path in rendered if path.startswith("p/")]) == len(catalogue.products), lang
        assert _different(rendered, filled) == [], lang
        # The home page and the listings are among them, their bodies put in after MkDocs.
        assert {"index.html", "groups/index.html", "groups/thuc-pham/index.html", "map/index.html"} <= filled.keys()
        assert b"ocop-counts" in filled["index.html"]


def test_the_built_site_holds_the_pages_mkdocs_renders(demo_pages, demo_site: Path) -> None:
    site, pages = demo_pages
    for lang, (rendered, _) in pages.items():
        folder = demo_site / site.urls.root(lang)
        products = [path for path in rendered if path.startswith("p/")]
        assert [path for path in products if (folder / path).read_bytes() != rendered[path]] == [], lang
        # No shell is left behind.
        assert not [path for path in folder.glob("p/*") if path.name.startswith(token("name")[:20])]


def _long_product(root: Path) -> None:
    """A fourth hostile product, with no photo, long texts and text that looks like a shell's token."""
    product = yaml.safe_load((root / "products" / "hostile-product.yaml").read_text(encoding="utf-8"))
    looks_like_a_token = token("title") + token("body") + token("name")
    paragraph = "Mật ong *rừng* `<script>alert(1)</script>` 5 < 6 & {{ page.title }} \u00a0😀 " + looks_like_a_token
    product |= {
        "id": "hostile-long",
        "summary": "Tóm tắt & <b>" + looks_like_a_token[:100],
        "description": "\n\n".join(f"{n}. {paragraph * 8}" for n in range(150)),
        "story": "- " + "\n- ".join(paragraph for _ in range(100)),
    }
    product["certificate"]["number"] = "LONG-1"
    product.pop("images", None)
    product.pop("gtin", None)
    text = yaml.safe_dump(product, allow_unicode=True, sort_keys=False, width=1000)
    (root / "products" / "hostile-long.yaml").write_text(text, encoding="utf-8")


def test_hostile_products_are_the_pages_mkdocs_renders(tmp_path: Path) -> None:
    root = make_hostile_catalogue(tmp_path / "cat")
    _long_product(root)
    site = _site(root / "products", root / "producers", None, tmp_path / "media", TODAY)
    assert [p.id for p in site.catalogue.products.values() if not p.images] == ["hostile-long", "hostile-withdrawn"]
    pages = _both(site, tmp_path)
    assert list(pages) == ["vi", "en"]
    for lang, (rendered, filled) in pages.items():
        assert len([path for path in rendered if path.startswith("p/")]) == 4, lang
        assert _different(rendered, filled) == [], lang
    vi = pages["vi"][0]
    assert b"onerror=alert(40)&gt;" in vi["p/hostile-product/index.html"]
    assert len(vi["p/hostile-long/index.html"]) > 100_000


def test_only_generated_pages_outside_the_navigation_and_search_are_filled(tmp_path: Path) -> None:
    hidden = {"search": {"exclude": True}}
    nav = {"index.md", "products/index.md"}
    assert fillable(PageFile("p/x.md", "X", "<h1>X</h1>", hidden), nav)
    assert fillable(PageFile("producers/x/index.md", "X", "<h1>X</h1>", hidden), nav)
    assert not fillable(PageFile("p/x.md", "X", "<h1>X</h1>"), nav)  # in the search index
    assert not fillable(PageFile("p/x.md", "", "<h1>X</h1>", hidden), nav)  # no title
    assert not fillable(PageFile("p/x.md", "X", "# X", hidden, markdown=True), nav)
    assert not fillable(PageFile("products/index.md", "X", "<h1>X</h1>", hidden), nav)
    assert not fillable(PageFile("index.md", "X", "<h1>X</h1>", hidden), set())
    # Pages of one shape share a shell; a page whose theme branch differs (no <h1>) gets its own.
    shells = Shells(tmp_path / "spool", nav)
    pages = [PageFile(f"p/{n}.md", n, f"<h1>{n}</h1>", {**hidden, "description": n}) for n in ("a", "b")]
    other = PageFile("p/c.md", "c", "<p>c</p>", {**hidden, "description": "c"})
    home = PageFile("index.md", "Home", Markup("<p>Hi</p><h1 id=h>Home</h1><p>list</p>"), {"ocop_search": "Home"})
    rendered = shells.take([*pages, other, PageFile("about.md", "About", ""), home])
    # The two pages of the navigation are rendered, then the two shells; the three product pages wait in the spool.
    assert [page.path for page in rendered] == ["about.md", "index.md", *(shell.path for shell in shells.shells)]
    assert len(shells.shells) == 2 and shells.shells[0].path != shells.shells[1].path
    # The home page's body, which the search plugin does not read, waits too: MkDocs renders a
    # stand-in with its first <h1> (the search entry's title) and a mark for the theme's look for "<h1".
    assert not placeable(rendered[0]) and placeable(home)
    assert rendered[1].body == stand_in(home.body) == f"<h1 id=h>Home</h1><!--{token('placed')}<h1-->"
    assert stand_in("<p>no title</p>") == f"<!--{token('placed')}-->"


def test_a_placed_body_with_a_late_slot_waits_for_its_values_and_the_others_do_not(tmp_path: Path) -> None:
    # The home page's links to the printed catalogue are known once the print files are drawn
    # (catalogue/sitebuild.py, `later`): its body is put in place last, the other pages' at once.
    slot = "<!--ocop-late-slot-->"
    home = PageFile("index.md", "Home", Markup(f"<h1>Home</h1><p>{slot}</p>"), {"ocop_search": "Home"})
    other = PageFile("dashboard/index.md", "Figures", Markup("<h1>Figures</h1><p>12 &lt; 13</p>"), {"ocop_search": "Figures"})
    shells = Shells(tmp_path / "spool", {"index.md", "dashboard/index.md"})
    rendered = shells.take([home, other])
    site = tmp_path / "site"
    for path, page in zip(shells.placed, rendered, strict=True):  # as the theme writes each page
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(f"<main>{page.body}</main>", encoding="utf-8")
    filled = shells.fill(site, later={slot})
    assert (site / "dashboard/index.html").read_text(encoding="utf-8") == "<main><h1>Figures</h1><p>12 &lt; 13</p></main>"
    assert [record.path for record in filled.waiting] == ["index.html"]
    stand_in_page = (site / "index.html").read_text(encoding="utf-8")
    assert slot not in stand_in_page and "<h1>Home</h1>" in stand_in_page  # not placed yet
    assert place_later(site, filled.waiting, {slot: '<a href="print/x.pdf">PDF</a>'}, host=True) == {"index.html": frozenset()}
    placed = '<main><h1>Home</h1><p><a href="print/x.pdf">PDF</a></p></main>'
    assert (site / "index.html").read_text(encoding="utf-8") == placed
    # On top of a previous site that holds the same page, the page is kept and its stand-in deleted.
    previous = tmp_path / "previous"
    previous.mkdir()
    (previous / "index.html").write_text(placed, encoding="utf-8")
    (site / "index.html").write_text(stand_in_page, encoding="utf-8")
    kept = Kept(previous)
    assert place_later(site, filled.waiting, {slot: '<a href="print/x.pdf">PDF</a>'}, kept) == {}
    assert kept.paths == {"index.html"} and not (site / "index.html").exists()
