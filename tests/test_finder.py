"""The product finder (all-products page) and the theme's search box without tone marks.

The expected results are worked out here from the YAML files and the catalogue's own status
function; the finder computes them in the browser from data/finder-<lang>.js.
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from catalogue.catalogue import Catalogue
from catalogue.validate import validate

from .conftest import REPO
from .finder_oracle import matches
from .site_fixture import TODAY

ALL_PRODUCTS = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((REPO / "products").glob("*.yaml"))}
# A product withdrawn by the build day has left the listings and the finder (its page stays).
PRODUCTS = {pid: p for pid, p in ALL_PRODUCTS.items() if not (p.get("withdrawn") and p["withdrawn"]["date"] <= TODAY)}
PRODUCERS = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((REPO / "producers").glob("*.yaml"))}
NOON_ON_TODAY = f"{TODAY.isoformat()}T12:00:00+07:00"


def plain(text: str) -> str:
    """Lowercase without tone marks, written independently of catalogue.rules."""
    text = unicodedata.normalize("NFKD", text.lower()).replace("đ", "d")
    return "".join(c for c in text if not unicodedata.combining(c))


def decode_finder(script: str) -> dict[str, Any]:
    """The data of a finder script, `window.OCOP_FINDER = JSON.parse("...");`."""
    assert script.startswith('window.OCOP_FINDER = JSON.parse("') and script.endswith('");\n')
    return json.loads(json.loads(script.removeprefix("window.OCOP_FINDER = JSON.parse(").removesuffix(");\n")))


def finder_data(site: Path, lang: str) -> dict[str, Any]:
    return decode_finder((site / "data" / f"finder-{lang}.js").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    found, report = validate(REPO / "products", REPO / "producers", today=TODAY)
    assert report.ok and found is not None
    return found


# The data


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_finder_data_has_every_product_once(demo_site: Path, lang: str) -> None:
    data = finder_data(demo_site, lang)
    rows = {row[0]: dict(zip(data["fields"], row, strict=True)) for row in data["products"]}
    assert len(rows) == len(data["products"]) == len(PRODUCTS)
    for pid, source in PRODUCTS.items():
        row = rows[pid]
        english = (source.get("translations") or {}).get("en", {}).get("name")
        assert row["name"] == (english if lang == "en" and english else source["name"])
        if lang == "en":
            assert row["name_vi"] == (source["name"] if english and english != source["name"] else 0)
        assert row["stars"] == source["stars"]
        assert data["groups"][row["group"]] == source["group"]
        producer = data["producers"][row["producer"]]
        assert data["communes"][producer[2]][0] == PRODUCERS[source["producer"]]["commune"]
        assert data["kinds"][producer[1]] == PRODUCERS[source["producer"]]["kind"]
        revoked = source["certificate"].get("revoked")
        assert row["revoked"] == (str(revoked["date"]) if revoked else 0)
        if source.get("images"):
            assert (demo_site / "img" / pid / row["thumb"]).is_file(), f"{pid}: thumbnail {row['thumb']} is not in the site"
        else:
            assert row["thumb"] == 0


def test_finder_data_is_compact(demo_site: Path) -> None:
    for lang in ("vi", "en"):
        raw = (demo_site / "data" / f"finder-{lang}.js").read_bytes()
        per_product = len(gzip.compress(raw, 9)) / len(PRODUCTS)
        assert per_product <= 200, f"finder-{lang}.js: {per_product:.0f} bytes per product gzipped"


def test_products_page_carries_the_finder_and_the_plain_listing(demo_site: Path) -> None:
    from .site_fixture import soup

    for prefix, root in (("", "../"), ("en/", "../../")):
        page = soup(demo_site / prefix / "products" / "index.html")
        form = page.select_one("form.ocop-finder")
        assert form is not None and form.has_attr("hidden"), "the finder must stay hidden until its script runs"
        assert {s["name"] for s in form.select("select")} == {"group", "stars", "commune", "kind", "status", "trade", "sort"}
        scripts = [s.get("src") for s in page.select("script[src]")]
        assert f"{root}data/finder-{'en' if prefix else 'vi'}.js" in scripts
        assert len(page.select(".ocop-listing li.ocop-card")) == len(PRODUCTS), "without JavaScript every product is listed"


def test_theme_search_index_has_folded_fields(demo_site: Path) -> None:
    index = json.loads((demo_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {doc["location"]: doc for doc in index["docs"]}
    commune = docs["communes/muong-te/"]
    assert commune["title"] == "xã Mường Tè" and commune["folded_title"] == "xa muong te"
    assert set(index["config"].get("fields", {})) >= {"folded_title", "folded_text"}
    english = json.loads((demo_site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {doc["location"]: doc for doc in english["docs"]}
    assert titles["products/"]["title"] == "All products"
    assert "folded_title" not in titles["products/"], "a title without tone marks needs no folded copy"


def search_data(site: Path, lang: str) -> dict[str, Any]:
    """The header search's product index as the browser reads it: its head, then its parts' products."""

    def parsed(path: Path, start: str) -> Any:
        script = path.read_text(encoding="utf-8")
        assert script.startswith(start + "JSON.parse(") and script.endswith(");\n"), path
        return json.loads(json.loads(script.removeprefix(start + "JSON.parse(").removesuffix(");\n")))

    data = parsed(site / "data" / f"search-{lang}.js", "window.OCOP_SEARCH = ")
    data["products"] = []
    for n in range(1, data["parts"] + 1):
        data["products"] += parsed(
            site / "data" / f"search-{lang}-{n}.js", f"(window.OCOP_SEARCH_PARTS = window.OCOP_SEARCH_PARTS || {{}})[{n}] = "
        )
    return data


def test_header_search_has_its_own_product_index(demo_site: Path) -> None:
    """Products and producers are searched from data/search-<lang>.js, which the build folds."""
    for lang in ("vi", "en", "zh"):
        data = search_data(demo_site, lang)
        products = [dict(zip(data["product_fields"], row, strict=True)) for row in data["products"]]
        assert {p["id"] for p in products} == set(PRODUCTS), lang
        producers = [dict(zip(data["producer_fields"], row, strict=True)) for row in data["producers"]]
        assert {p["id"] for p in producers} == set(PRODUCERS), lang
    english = search_data(demo_site, "en")
    honey = next(dict(zip(english["product_fields"], r, strict=True)) for r in english["products"] if r[0] == "mat-ong-pa-u")
    assert honey["name_vi"] == "Mật ong Pa Ủ" and honey["folded"].endswith(" mat ong pa u")


def test_theme_search_index_holds_no_product_or_producer_page(demo_site: Path) -> None:
    """The theme's index is fetched by every page: nothing in it grows with the catalogue."""
    for prefix in ("", "en/", "zh/"):
        index = json.loads((demo_site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        locations = [doc["location"] for doc in index["docs"]]
        assert not [loc for loc in locations if loc.startswith(("p/", "producers/", "dashboard/")) and loc != "producers/"]
        assert not [loc for loc in locations if "/page-" in loc], "only a listing's first page"
        products = next(doc for doc in index["docs"] if doc["location"] == "products/")
        assert not any(ALL_PRODUCTS[pid]["name"] in products["text"] for pid in PRODUCTS), "a listing is indexed without its cards"


# In the browser

# Where the demo site is opened: from the test web server, and straight from the disk (a USB stick at a fair).
WAYS = ["http", "file"]


@pytest.fixture
def products_page(demo_site: Path, site_url: str, open_page: Callable[..., Any]) -> Callable[..., Any]:
    """products_page(way, lang="vi", query="", now=NOON_ON_TODAY) -> the all-products page, finder ready."""

    def open_(way: str, lang: str = "vi", query: str = "", now: str = NOON_ON_TODAY) -> Any:
        page = open_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.clock.set_fixed_time(now)
        prefix = "" if lang == "vi" else f"{lang}/"
        url = f"{site_url}/{prefix}products/" if way == "http" else (demo_site / prefix / "products" / "index.html").as_uri()
        page.goto(url + query)
        page.locator("form.ocop-finder").wait_for(state="visible")
        assert not errors, errors
        return page

    return open_


def type_query(page: Any, text: str) -> list[str]:
    """Type into the finder; the ids of the results, in order."""
    page.fill("#ocop-finder-q", text)
    page.wait_for_function(
        "q => new URLSearchParams(document.querySelector('#ocop-finder-count').dataset.filter).get('q') === q", arg=text.strip()
    )
    return results(page)


def choose(page: Any, **choices: str) -> list[str]:
    """Pick facet values; the ids of the results once the finder has applied them all."""
    for name, value in choices.items():
        page.select_option(f"select[name={name}]", value)
    page.wait_for_function(
        "want => { const have = new URLSearchParams(document.querySelector('#ocop-finder-count').dataset.filter);"
        " return Object.entries(want).every(([k, v]) => (have.get(k) || '') === v); }",
        arg=choices,
    )
    return results(page)


def results(page: Any) -> list[str]:
    """The ids of the results on show, in order."""
    page.wait_for_function("document.querySelector('#ocop-finder-count').textContent !== ''")
    return page.locator(".ocop-finder__results li.ocop-card").evaluate_all("cards => cards.map(c => c.dataset.ocopId)")


def names_with(phrase: str) -> set[str]:
    return {pid for pid, p in PRODUCTS.items() if plain(phrase) in plain(p["name"])}


def in_force(catalogue: Catalogue) -> set[str]:
    """The products whose certificate is in force on the build day (the finder's default)."""
    return {pid for pid in PRODUCTS if catalogue.status(catalogue.products[pid], TODAY).value in ("valid", "expiring")}


def found_for(query: str, among: set[str]) -> set[str]:
    """The products among `among` that the finder should find for `query` (tests/finder_oracle.py)."""
    return {pid for pid in among if matches(query, PRODUCTS[pid], PRODUCERS)}


@pytest.mark.parametrize("way", WAYS)
def test_queries_without_tone_marks(products_page: Callable[..., Any], catalogue: Catalogue, way: str) -> None:
    page = products_page(way)
    found = type_query(page, "mat ong")
    honey = names_with("Mật ong") & in_force(catalogue)
    # Products named so come first; then those that say it in their summary ("hương mật ong").
    assert set(found) == found_for("mat ong", in_force(catalogue)) and set(found[: len(honey)]) == honey and len(honey) >= 2
    assert page.locator(".ocop-listing").is_hidden(), "the plain listing must give way to the results"
    assert page.locator("#ocop-finder-count").inner_text() == f"{len(found)} sản phẩm phù hợp"
    assert type_query(page, "seng cu") == ["gao-seng-cu-muong-than"]
    assert type_query(page, "SÉNG CÙ") == ["gao-seng-cu-muong-than"]
    assert "dao-the-tan-phong" in type_query(page, "dao the"), "'d' must match 'đ'"
    # "ong" begins no word of "Hồng trà Tam Đường" ("hồng" holds it, not at its start); the Oriental
    # Beauty tea of Tam Đường smells of honey ("hương mật ong").
    assert type_query(page, "ong duong") == ["tra-dong-phuong-my-nhan"] == sorted(found_for("ong duong", set(PRODUCTS)))


@pytest.mark.parametrize("way", WAYS)
def test_exact_tone_marks_come_first(products_page: Callable[..., Any], way: str) -> None:
    page = products_page(way)
    found = type_query(page, "tầm")
    sturgeon = names_with("cá tầm")
    tam_duong = names_with("Tam Đường")
    assert len(sturgeon) == 2 and len(tam_duong) >= 4
    assert set(found[: len(sturgeon)]) == sturgeon, found
    assert tam_duong <= set(found[len(sturgeon) :]), "without marks, 'tầm' also finds 'Tam'"
    plain_first = type_query(page, "tam")
    assert tam_duong <= set(plain_first[: len(tam_duong) + 1]), plain_first


@pytest.mark.parametrize("way", WAYS)
def test_combined_filters(products_page: Callable[..., Any], catalogue: Catalogue, way: str) -> None:
    page = products_page(way)
    found = choose(page, group="thuc-pham", stars="3", status="in-force")
    expected = {
        pid
        for pid, p in PRODUCTS.items()
        if p["group"] == "thuc-pham" and p["stars"] == 3 and catalogue.status(catalogue.products[pid], TODAY).value in ("valid", "expiring")
    }
    assert set(found) == expected and expected
    # A text query narrows the same filters further.
    assert set(type_query(page, "gao")) == found_for("gao", expected)


@pytest.mark.parametrize("way", WAYS)
def test_filters_from_the_address(products_page: Callable[..., Any], catalogue: Catalogue, way: str) -> None:
    commune, kind = "tan-phong", "household"
    expected = {
        pid
        for pid, p in PRODUCTS.items()
        if PRODUCERS[p["producer"]]["kind"] == kind
        and commune in (PRODUCERS[p["producer"]]["commune"], (p.get("origin") or {}).get("commune"))
    }
    # Products in force unless the address asks for all (deliberately changed by issue 15: in force by default).
    page = products_page(way, query=f"?commune={commune}&kind={kind}")
    assert set(results(page)) == expected & in_force(catalogue) and expected & in_force(catalogue)
    assert page.locator("select[name=commune]").input_value() == commune
    assert set(results(products_page(way, query=f"?commune={commune}&kind={kind}&status=all"))) == expected


@pytest.mark.parametrize("way", WAYS)
def test_empty_result_and_clearing(products_page: Callable[..., Any], way: str) -> None:
    page = products_page(way)
    assert type_query(page, "không có sản phẩm này xyz") == []
    assert page.locator("#ocop-finder-count").inner_text() == "0 sản phẩm phù hợp"
    assert page.locator(".ocop-finder__none").is_visible()
    page.click("form.ocop-finder button[type=reset]")
    page.wait_for_function("document.querySelector('#ocop-finder-count').textContent === ''")
    assert page.locator(".ocop-listing").is_visible() and page.locator(".ocop-finder__none").is_hidden()


def test_status_filter_follows_the_viewers_clock(products_page: Callable[..., Any]) -> None:
    # The rice's certificate runs until 14/06/2027 (build day 2026-11-28).
    today = products_page("http", query="?status=expired")
    assert "gao-seng-cu-muong-than" not in results(today)
    later = products_page("http", query="?status=expired", now="2027-06-15T09:00:00+07:00")
    assert "gao-seng-cu-muong-than" in results(later)
    card = later.locator('.ocop-finder__results li[data-ocop-id="gao-seng-cu-muong-than"]')
    assert card.locator(".ocop-chip").inner_text() == "Đã hết hạn từ 14/06/2027"
    assert "-expired-vi.svg" in card.locator("img.ocop-card__badge").get_attribute("src")


@pytest.mark.parametrize("way", WAYS)
def test_english_results_link_to_english_pages(products_page: Callable[..., Any], way: str) -> None:
    page = products_page(way, lang="en")
    assert type_query(page, "mat ong") and page.locator("#ocop-finder-count").inner_text().endswith("matching products")
    thumbnail = page.locator(".ocop-finder__results img").first
    thumbnail.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('.ocop-finder__results img').complete")
    assert thumbnail.evaluate("img => img.naturalWidth") > 0, "the result's photo did not load"
    # Wait for the product page itself: `wait_for_load_state` right after a click may answer for the
    # results page, before the browser has left it (as happened on a loaded machine).
    with page.expect_navigation(wait_until="load"):
        page.locator(".ocop-finder__results a.ocop-card__link").first.click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("article.ocop-product").get_attribute("data-ocop-id") in names_with("Mật ong")


def test_leaving_the_box_keeps_the_results_and_the_one_being_tapped(products_page: Callable[..., Any]) -> None:
    # A tap on a result first takes the focus from the box, whose change event used to draw the
    # results again: the link under the finger was replaced and the tap went nowhere.
    page = products_page("http", lang="en")
    assert type_query(page, "mat ong")
    page.locator(".ocop-finder__results li").first.evaluate("li => { li.dataset.marked = 'yes'; }")
    page.locator("#ocop-finder-q").dispatch_event("change")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert page.locator(".ocop-finder__results li").first.get_attribute("data-marked") == "yes"
    page.fill("#ocop-finder-q", "mat")  # another query still draws them anew
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert page.locator(".ocop-finder__results li[data-marked]").count() == 0


def test_theme_search_box_without_tone_marks(open_page: Callable[..., Any], site_url: str) -> None:
    page = open_page()
    page.goto(f"{site_url}/?q=mat%20ong")
    first = page.locator(".md-search-result__item > a").first
    first.wait_for()
    assert first.locator("h1").inner_text().startswith("Mật ong")


def theme_search_is_closed(page: Any) -> bool:
    """The theme's search panel (opened by its script for any ?q= in the address) is closed and empty."""
    return not page.locator("#__search").is_checked() and page.locator(".md-search__input").input_value() == ""


def test_home_search_box_opens_the_finder(open_page: Callable[..., Any], site_url: str) -> None:
    page = open_page()
    page.goto(f"{site_url}/en/")
    page.fill("#ocop-home-q", "seng cu")
    page.click("form.ocop-home-search button")
    page.wait_for_url(f"{site_url}/en/products/?q=seng+cu")
    assert results(page) == ["gao-seng-cu-muong-than"]
    assert theme_search_is_closed(page), "the theme's search panel opened over the finder"


@pytest.mark.parametrize("way", WAYS)
def test_a_shared_link_opens_the_finder_not_the_theme_search(products_page: Callable[..., Any], catalogue: Catalogue, way: str) -> None:
    page = products_page(way, query="?q=mat+ong&stars=3")
    honey = {pid for pid in found_for("mat ong", in_force(catalogue)) if PRODUCTS[pid]["stars"] == 3}
    assert set(results(page)) == honey and len(honey) >= 2
    assert page.locator("#ocop-finder-q").input_value() == "mat ong"
    assert theme_search_is_closed(page), "the theme's search panel opened over the finder"
    assert page.url.endswith("?q=mat+ong&stars=3"), "the address keeps the filters, to be shared again"


def test_only_the_finders_fields_are_read_from_the_address(products_page: Callable[..., Any]) -> None:
    # Names of the form's own properties (form.elements.length, .item, .namedItem) are not fields.
    page = products_page("http", query="?length=1&item=2&namedItem=3&q=seng+cu")
    assert results(page) == ["gao-seng-cu-muong-than"]
    assert page.url.endswith("/products/?q=seng+cu")


@pytest.mark.parametrize("query", ["mat", "tra shan", "san", "che shan"])
def test_typing_letter_by_letter_finds_what_a_fresh_search_finds(products_page: Callable[..., Any], query: str) -> None:
    # The finder narrows the last results while a query grows; deleting and changing a facet must undo that.
    fresh = products_page("http", query=f"?q={query}")
    expected = results(fresh)
    page = products_page("http")
    for end in range(1, len(query) + 1):
        typed = type_query(page, query[:end])
    assert typed == expected
    assert type_query(page, query + "zzz") == []
    assert type_query(page, query) == expected, "deleting letters must widen the search again"
    narrowed = choose(page, stars="3")
    assert set(narrowed) == {pid for pid in expected if PRODUCTS[pid]["stars"] == 3}
    assert choose(page, stars="") == expected


HEADER_QUERIES = [("", "mat ong pa u", "mat-ong-pa-u"), ("zh/", "原始林蜂蜜", "mat-ong-pa-u"), ("en/", "seng cu", "gao-seng-cu-muong-than")]


@pytest.mark.parametrize(("lang", "query", "pid"), HEADER_QUERIES)
def test_header_search_offers_products(open_page: Callable[..., Any], site_url: str, lang: str, query: str, pid: str) -> None:
    """Typed without tone marks or in Chinese into the header's box on any page: the product, a tap away."""
    page = open_page()
    page.goto(f"{site_url}/{lang}groups/")
    page.locator("input.md-search__input").press_sequentially(query)
    first = page.locator(".ocop-search .md-search-result__item a").first
    first.wait_for()
    first.click()
    page.wait_for_url(f"{site_url}/{lang}p/{pid}/")
    assert page.locator("article.ocop-product").get_attribute("data-ocop-id") == pid


def test_header_search_sends_the_query_to_the_finder(open_page: Callable[..., Any], site_url: str) -> None:
    page = open_page()
    page.goto(f"{site_url}/en/check/")
    page.locator("input.md-search__input").press_sequentially("seng cu")
    link = page.locator("a.ocop-search__all")
    link.wait_for()
    assert link.inner_text().startswith("1 ")
    link.click()
    page.wait_for_url(f"{site_url}/en/products/?q=seng+cu")
    assert results(page) == ["gao-seng-cu-muong-than"]


def test_header_search_sends_ended_products_on_to_the_finder(open_page: Callable[..., Any], site_url: str, catalogue: Catalogue) -> None:
    """ "N products →" counts products of every status (each offered with its status), while the
    finder shows products in force unless told otherwise: when some of the N have ended, the link
    tells it to show every status, so none of them goes missing on the way."""
    named = names_with("rượu")
    assert named - in_force(catalogue), "the demo needs an ended product named 'rượu'"
    page = open_page()
    page.goto(f"{site_url}/groups/")
    page.locator("input.md-search__input").press_sequentially("ruou")
    link = page.locator("a.ocop-search__all")
    link.wait_for()
    assert link.inner_text().startswith(f"{len(named)} ")
    link.click()
    page.wait_for_url(f"{site_url}/products/?q=ruou&status=all")
    shown = set(results(page))
    assert named <= shown and shown == found_for("ruou", set(PRODUCTS))


def test_header_search_index_always_has_a_first_part_and_a_small_one() -> None:
    # The script asks for the head and the first part at once, so the first part exists even
    # without products; it is smaller than the others, to show a phone its first products sooner.
    from catalogue.pages.search import FIRST_PART_SIZE, PART_SIZE, split_parts

    assert split_parts([]) == [[]]
    rows: list[list[str | int]] = [[f"sp-{i}"] for i in range(FIRST_PART_SIZE + PART_SIZE + 1)]
    parts = split_parts(rows)
    assert [len(part) for part in parts] == [FIRST_PART_SIZE, PART_SIZE, 1]
    assert [row for part in parts for row in part] == rows
