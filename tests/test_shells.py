"""Product pages filled into a shell are the very pages MkDocs renders (catalogue/render/shells.py).

Each catalogue (the demo, in every language, and the hostile one, whose every text carries markup
and script) is rendered twice with only the pages that the theme's frame depends on (those in
the navigation) besides its product pages: once with every product page rendered by MkDocs
itself, once as the build makes them, filled into shells. Every product page must be the same
bytes; the demo site the session builds must hold those same bytes too.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import yaml

from catalogue.media_stage import build_media
from catalogue.pages.context import Site
from catalogue.pages.generate import all_pages
from catalogue.pages.listings import PageFile
from catalogue.render.build import build_languages
from catalogue.render.config import mkdocs_config
from catalogue.render.shells import SHELL, Shells, fillable, token
from catalogue.status import CertificateStatus
from catalogue.validate import validate

from .conftest import REPO
from .site_fixture import TODAY
from .test_hostile import make_hostile_catalogue


def _nav_sources(nav: object) -> Iterator[str]:
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_sources(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_sources(value)


def _site(products: Path, producers: Path, settings: Path | None, media_dir: Path, today: date) -> Site:
    catalogue, report = validate(products, producers, settings, today)
    assert report.ok, report.to_text()
    with open(os.devnull, "w") as quiet:
        media = build_media(catalogue, media_dir, today=today, stream=quiet)
    return Site(catalogue, media.products, today, media.catalogue_pdfs, site_cards=media.site_cards)


def _pages(site: Site, shells: bool) -> Callable[[str], list[PageFile]]:
    """The navigation's pages and every product page of a language; product pages made from shells
    or (`shells` false) each rendered by MkDocs."""

    def pages(lang: str) -> list[PageFile]:
        nav = set(_nav_sources(mkdocs_config(site.catalogue.settings, lang, Path("."), today=site.today)["nav"]))
        made = [page for page in all_pages(site, lang) if page.path in nav or page.meta.get(SHELL)]
        return made if shells else [replace(page, meta={**page.meta, SHELL: False}) for page in made]

    return pages


def _product_pages(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.glob("p/*/index.html"))}


def _both(site: Site, work: Path) -> dict[str, tuple[dict[str, bytes], dict[str, bytes]]]:
    """By language: the product pages as MkDocs renders them, and as filled into shells."""
    settings = site.catalogue.settings
    rendered = build_languages(settings, _pages(site, shells=False), work / "mkdocs", today=site.today)
    filled = build_languages(settings, _pages(site, shells=True), work / "shells", today=site.today)
    return {lang: (_product_pages(rendered[lang].site), _product_pages(filled[lang].site)) for lang in settings.languages}


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
        assert len(rendered) == len(catalogue.products), lang
        different = [path for path in rendered if filled.get(path) != rendered[path]]
        assert filled.keys() == rendered.keys() and different == [], (lang, different[:5])


def test_the_built_site_holds_the_pages_mkdocs_renders(demo_pages, demo_site: Path) -> None:
    site, pages = demo_pages
    for lang, (rendered, _) in pages.items():
        folder = demo_site / site.urls.root(lang)
        built = {path: (folder / path).read_bytes() for path in rendered}
        assert [path for path in rendered if built[path] != rendered[path]] == [], lang
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
        assert len(rendered) == 4, lang
        assert [path for path in rendered if filled.get(path) != rendered[path]] == [], lang
        assert filled.keys() == rendered.keys()
    vi = pages["vi"][0]
    assert b"onerror=alert(40)&gt;" in vi["p/hostile-product/index.html"]
    assert len(vi["p/hostile-long/index.html"]) > 100_000


def test_only_marked_generated_pages_in_a_folder_out_of_search_are_filled(tmp_path: Path) -> None:
    marked = {SHELL: True, "search": {"exclude": True}}
    assert fillable(PageFile("p/x.md", "X", "<h1>X</h1>", marked))
    assert not fillable(PageFile("p/x.md", "X", "<h1>X</h1>"))
    assert not fillable(PageFile("p/x.md", "X", "<h1>X</h1>", {SHELL: True}))
    assert not fillable(PageFile("p/x.md", "X", "# X", marked, markdown=True))
    assert not fillable(PageFile("index.md", "X", "<h1>X</h1>", marked))
    # Pages of one shape share a shell; a page whose theme branch differs (no <h1>) gets its own.
    shells = Shells(tmp_path / "spool")
    pages = [PageFile(f"p/{n}.md", n, f"<h1>{n}</h1>", {**marked, "description": n}) for n in ("a", "b")]
    other = PageFile("p/c.md", "c", "<p>c</p>", {**marked, "description": "c"})
    rendered = shells.take([*pages, other, PageFile("index.md", "Home", "")])
    # The home page is rendered, then the two shells; the three product pages wait in the spool.
    assert [page.path for page in rendered] == ["index.md", *(shell.path for shell in shells.shells)]
    assert len(shells.shells) == 2 and shells.shells[0].path != shells.shells[1].path
