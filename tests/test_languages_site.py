"""The demo site in every language it is built in: with the demo's [vi, en, zh] and with [vi, en].

Every product page exists in each language, the language switch and the hreflang links name the
same product in every language, and the Chinese pages carry no Vietnamese or English interface words.
"""

from __future__ import annotations

import posixpath
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from catalogue.languages import html_lang, language
from catalogue.urls import Urls

from .conftest import REPO
from .site_fixture import soup
from .test_site import CATALOGUE

SITE_URL = CATALOGUE.settings.site_url
# The demo site's fixture for each set of languages (tests/site_fixture.py).
BUILDS = {("vi", "en", "zh"): "demo_site", ("vi", "en"): "demo_site_vi_en"}


@pytest.fixture(params=list(BUILDS), ids="-".join)
def built(request: pytest.FixtureRequest) -> tuple[Path, tuple[str, ...]]:
    """A built demo site and its languages."""
    return request.getfixturevalue(BUILDS[request.param]), request.param


def test_the_demo_is_built_in_three_languages() -> None:
    assert CATALOGUE.settings.languages == ["vi", "en", "zh"]


def test_every_product_page_exists_in_each_language(built: tuple[Path, tuple[str, ...]]) -> None:
    site, languages = built
    urls = Urls.of(languages)
    for product_id in CATALOGUE.products:
        for lang in languages:
            page = soup(site / urls.product(product_id, lang) / "index.html")
            assert page.html["lang"] == html_lang(lang)
            assert page.select_one("article.ocop-product")["data-ocop-id"] == product_id
    assert (site / "zh").is_dir() is ("zh" in languages)


def test_the_switch_and_hreflang_name_the_same_product_in_every_language(built: tuple[Path, tuple[str, ...]]) -> None:
    site, languages = built
    urls = Urls.of(languages)
    tags = {html_lang(lang): lang for lang in languages}
    for product_id in CATALOGUE.products:
        for lang in languages:
            path = urls.product(product_id, lang)
            page = soup(site / path / "index.html")
            switch = {link["hreflang"]: link for link in page.select(".md-header a.md-select__link")}
            assert set(switch) == set(tags), path
            for tag, link in switch.items():
                assert posixpath.normpath(posixpath.join(path, link["href"])) + "/" == urls.product(product_id, tags[tag]), (path, tag)
                assert link.get_text(strip=True) == language(tags[tag]).name and link["lang"] == tag
            alternates = {link["hreflang"]: link["href"] for link in page.head.select('link[rel="alternate"][hreflang]')}
            want = {html_lang(other): SITE_URL + urls.product(product_id, other) for other in languages}
            assert alternates == {**want, "x-default": SITE_URL + urls.product(product_id, "vi")}, path
            locales = [meta["content"] for meta in page.head.select('meta[property="og:locale:alternate"]')]
            assert page.head.select_one('meta[property="og:locale"]')["content"] == language(lang).og_locale
            assert locales == [language(other).og_locale for other in languages if other != lang]


def test_the_sitemap_names_every_language(built: tuple[Path, tuple[str, ...]]) -> None:
    site, languages = built
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    found = set(re.findall(r'hreflang="([^"]+)"', sitemap))
    assert found == {html_lang(lang) for lang in languages} | {"x-default"}


def test_the_kiosk_links_every_other_language(built: tuple[Path, tuple[str, ...]]) -> None:
    site, languages = built
    urls = Urls.of(languages)
    for lang in languages:
        page = soup(site / urls.root(lang) / "kiosk" / "index.html")
        assert page.html["lang"] == html_lang(lang)
        links = {link["lang"]: link.get_text() for link in page.select("a.ocop-kiosk__lang")}
        assert links == {html_lang(other): language(other).name for other in languages if other != lang}


def test_print_is_made_in_vietnamese_and_english_only(demo_site: Path) -> None:
    made = sorted(path.name for path in (demo_site / "print").glob("*.pdf"))
    assert made == ["catalogue-en.pdf", "catalogue-vi.pdf", "labels-calibration.pdf", "labels-en.pdf", "labels-vi.pdf"]
    assert not list(demo_site.glob("cards/site-zh-*")) and not list(demo_site.glob("img/*/card-zh-*"))
    home = soup(demo_site / "zh" / "index.html")
    links = home.select(".ocop-print a")
    assert [link["hreflang"] for link in links] == ["vi", "en"]
    for link in links:
        assert (demo_site / "zh" / link["href"]).resolve().is_file(), link["href"]


def test_the_chinese_not_found_page(demo_site: Path) -> None:
    page = soup(demo_site / "zh" / "404.html")
    assert page.html["lang"] == "zh-Hans"
    assert page.h1.get_text() == language("zh").words["not_found_title"]
    assert page.find("a", string=language("zh").words["not_found_home"])["href"] == f"{SITE_URL}zh/"


def test_chinese_pages_say_stars_and_dates_in_chinese(demo_site: Path) -> None:
    page = soup(demo_site / "zh" / "p" / "gao-seng-cu-muong-than" / "index.html")
    badge = page.select_one(".ocop-product__badge svg.ocop-badge")
    product = CATALOGUE.products["gao-seng-cu-muong-than"]
    assert badge["aria-label"] == f"OCOP {product.stars}星"
    assert "2024年6月14日" in page.select_one(".ocop-certificate").get_text()


# No Vietnamese or English interface words in the Chinese pages ---------------------------------
# The text a Chinese page shows (and its alt, title, aria-label and placeholder attributes) is scanned
# for the words of the Vietnamese and English files, after the text that comes from the data (names,
# summaries, addresses, places: shown in Vietnamese until they are translated) is taken out.
SHOWN_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
MIN_LENGTH = 10  # shorter words ("OCOP", "GPS", "province", "sản phẩm") are not distinctive: data and file names have them


def data_texts() -> list[str]:
    """Every text of the demo's data files, longest first, with their spaces collapsed."""
    texts: set[str] = set()

    def walk(value: object) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from walk(item)
        elif isinstance(value, list):
            for item in value:
                yield from walk(item)

    files = [*sorted((REPO / "products").glob("*.yaml")), *sorted((REPO / "producers").glob("*.yaml"))]
    files += [REPO / "catalogue.yaml", REPO / "catalogue" / "data" / "places.yaml"]
    for file in files:
        for text in walk(yaml.safe_load(file.read_text(encoding="utf-8"))):
            texts.add(" ".join(text.split()))
    return sorted((text for text in texts if len(text) >= 3), key=len, reverse=True)


def theme_words() -> dict[str, str]:
    """The English words of the theme (Material falls back to them for a key its Chinese words lack)."""
    import material

    source = Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html"
    return {key: value.replace("#", " ") for key, value in re.findall(r'"([\w.]+)": "([^"]*)"', source.read_text(encoding="utf-8"))}


def interface_fragments(codes: tuple[str, ...]) -> dict[str, str]:
    """Distinctive pieces of the words of `codes` and of the theme's English words (the text between
    placeholders), each with where it comes from."""
    chinese = " ".join(language("zh").words.values())
    sources = {code: dict(language(code).words) for code in codes} | {"theme en": theme_words()}
    fragments = {}
    for code, words_of in sources.items():
        for key, words in words_of.items():
            for literal, *_ in string.Formatter().parse(words):
                piece = literal.strip(" :;,.()–·/")
                if len(piece) >= MIN_LENGTH and piece not in chinese:
                    fragments[piece] = f"{code}.yaml: {key}"
    return fragments


def shown_text(path: Path) -> str:
    """What a page shows: its visible text and its shown attributes, spaces collapsed."""
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for hidden in page(["script", "style", "template", "noscript", "head"]):
        hidden.decompose()
    parts = [page.get_text(" ")]
    parts += [str(tag[name]) for name in SHOWN_ATTRIBUTES for tag in page.find_all(attrs={name: True})]
    return " ".join(" ".join(parts).split())


def test_no_vietnamese_or_english_interface_words_in_chinese_pages(demo_site: Path) -> None:
    fragments = interface_fragments(("vi", "en"))
    assert "Hiệu lực đến" in fragments and "Where to buy" in fragments
    data = data_texts()
    english = shown_text(demo_site / "en" / "p" / "mat-ong-pa-u" / "index.html")
    assert [piece for piece in fragments if piece in english], "the scan finds the English words on an English page"
    pages = sorted((demo_site / "zh").rglob("*.html"))
    assert len(pages) > len(CATALOGUE.products)
    found = []
    for path in pages:
        text = shown_text(path)
        for value in data:
            text = text.replace(value, " ")
        for name in ("Tiếng Việt", "English"):  # the language switch names each language in itself
            text = text.replace(name, " ")
        found += [f"{path.relative_to(demo_site)}: {piece!r} ({key})" for piece, key in fragments.items() if piece in text]
    assert not found, "interface words in Vietnamese or English on Chinese pages:\n" + "\n".join(found[:40])
