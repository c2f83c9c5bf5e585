"""The finder as people search (issue 15): summaries, tags and synonyms; sort orders; products in
force by default with a switch for all; the phone's folding filter panel; statuses wherever a
product is listed. Expected results are worked out from the YAML files (tests/finder_oracle.py)
and the catalogue's own status function."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from catalogue.catalogue import Catalogue
from catalogue.pages.search import searched
from catalogue.settings import Settings
from catalogue.validate import validate

from .browser import PHONE, run_axe
from .finder_oracle import matches
from .site_fixture import TODAY, soup
from .test_browser import report_axe
from .test_finder import PRODUCERS, PRODUCTS, catalogue, choose, finder_data, in_force, products_page, results, type_query  # noqa: F401

SHAN_TEAS = {"bach-tra-shan-phong-tho", "hong-tra-shan-mo-si-san", "tra-shan-tuyet-co-thu-si-thau-chai", "tra-shan-tuyet-tan-uyen"}
MACADAMIA = {"hat-mac-ca-truong-giang", "sua-hat-mac-ca"}


def expected(query: str, among: set[str]) -> set[str]:
    return {pid for pid in among if matches(query, PRODUCTS[pid], PRODUCERS)}


# The queries of the issue, and what a person means by them.
PEOPLE = [
    ("chè shan", SHAN_TEAS),  # the names say "Trà"
    ("mật ong rừng", {"mat-ong-pa-u", "mat-ong-ka-lang"}),  # said in the summaries
    ("dong rieng", {"mien-dong-binh-lu"}),  # "củ dong riềng" in the summary, typed without marks
    ("mac ca", MACADAMIA),
    ("macadamia", MACADAMIA),  # the Vietnamese names say "mắc ca"
]


def test_the_issues_queries_find_what_people_mean(products_page: Callable[..., Any], catalogue: Catalogue) -> None:  # noqa: F811
    page = products_page("file")
    for query, meant in PEOPLE:
        found = type_query(page, query)
        assert set(found[: len(meant)]) == meant, f"{query!r}: {found}"
        assert set(found) == expected(query, in_force(catalogue)), query
    tea = type_query(page, "chè")
    assert "ruou-son-tra-sin-ho" not in tea, "'chè' stands for 'trà', not for the 'tra' of 'sơn tra'"
    assert set(tea) >= SHAN_TEAS and set(type_query(page, "che")) == set(tea), "a term is recognised without tone marks"
    assert set(type_query(page, "táo mèo")) == {"ruou-son-tra-sin-ho"}, "the demo's settings: sơn tra is táo mèo"


def test_the_english_finder_knows_the_synonyms_too(products_page: Callable[..., Any]) -> None:  # noqa: F811
    page = products_page("http", lang="en")
    assert set(type_query(page, "mắc ca")) == MACADAMIA
    assert set(type_query(page, "chè shan")) >= SHAN_TEAS, "the Vietnamese names are searched on the English site"


@pytest.mark.parametrize("way", ["http", "file"])
def test_sort_orders(products_page: Callable[..., Any], catalogue: Catalogue, way: str) -> None:  # noqa: F811
    page = products_page(way)
    by_stars = choose(page, sort="stars")
    assert set(by_stars) == in_force(catalogue)
    assert [PRODUCTS[pid]["stars"] for pid in by_stars] == sorted((PRODUCTS[pid]["stars"] for pid in by_stars), reverse=True)
    assert page.url.endswith("?sort=stars")
    newest = choose(page, sort="newest")
    issued = [catalogue.products[pid].certificate.issued for pid in newest]
    assert issued == sorted(issued, reverse=True) and len(set(issued)) > 1
    # Relevance first among equal stars: the Shan teas named so, then a tea that only says it in its summary.
    type_query(page, "chè shan")
    stars = choose(page, sort="stars")
    assert [PRODUCTS[pid]["stars"] for pid in stars] == sorted((PRODUCTS[pid]["stars"] for pid in stars), reverse=True)
    assert set(stars) == expected("chè shan", in_force(catalogue))


def test_in_force_by_default_with_a_switch_for_all(products_page: Callable[..., Any], catalogue: Catalogue) -> None:  # noqa: F811
    page = products_page("http")
    everything = expected("ruou", set(PRODUCTS))
    live = everything & in_force(catalogue)
    assert set(type_query(page, "ruou")) == live and everything - live, "the demo has liquors out of force"
    switch = page.locator(".ocop-finder__switch button")
    assert switch.is_visible() and switch.inner_text() == f"Xem cả {len(everything - live)} sản phẩm đã hết hạn hoặc bị thu hồi"
    switch.click()
    page.wait_for_function("new URLSearchParams(document.querySelector('#ocop-finder-count').dataset.filter).get('status') === 'all'")
    found = results(page)
    assert set(found) == everything and page.url.endswith("?q=ruou&status=all")
    chips = page.locator(".ocop-finder__results .ocop-chip").all_inner_texts()
    assert any(chip.startswith(("Đã hết hạn", "Đã bị thu hồi")) for chip in chips), chips
    assert page.locator(".ocop-finder__switch").is_hidden()


def test_the_phone_folds_the_filters_away(products_page: Callable[..., Any], open_page: Callable[..., Any], site_url: str) -> None:  # noqa: F811
    page = open_page(**PHONE)
    page.clock.set_fixed_time(f"{TODAY.isoformat()}T12:00:00+07:00")
    page.goto(f"{site_url}/products/")
    page.locator("form.ocop-finder").wait_for(state="visible")
    toggle = page.locator(".ocop-finder__toggle")
    assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    assert page.locator("#ocop-finder-facets").is_hidden()
    type_query(page, "mat ong")
    first = page.locator(".ocop-finder__results li.ocop-card").first.bounding_box()
    assert first and first["y"] + first["height"] <= PHONE["viewport"]["height"], f"the first result is not on the first screen: {first}"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and page.locator("#ocop-finder-facets").is_visible()
    choose(page, stars="3")
    assert toggle.inner_text() == "Bộ lọc (1)"
    report_axe(page.url, run_axe(page)["violations"], [])
    desktop = products_page("http")
    assert desktop.locator(".ocop-finder__toggle").is_hidden() and desktop.locator("#ocop-finder-facets").is_visible()


def test_other_products_of_the_producer_show_their_status(demo_site: Path, catalogue: Catalogue) -> None:  # noqa: F811
    """A certificate belongs to one product: a producer's expired product beside a certified one says so."""
    seen = set()
    for pid in PRODUCTS:
        page = soup(demo_site / "p" / pid / "index.html")
        for item in page.select(".ocop-others li"):
            other = catalogue.products[item["data-ocop-id"]]
            status = catalogue.status(other, TODAY).value
            assert item["data-ocop-status"] == status and item["data-ocop-expires"] == catalogue.expires(other).isoformat()
            chip = item.select_one(".ocop-chip")
            assert chip is not None and f"ocop-chip--{status}" in chip["class"], (pid, other.id)
            seen.add(status)
    assert {"valid", "expired"} <= seen


def test_the_status_script_words_each_others_own_status(open_page: Callable[..., Any], site_url: str) -> None:
    """The page's product is in force, the other one listed on it has expired: each keeps its own words."""
    page = open_page()
    page.clock.set_fixed_time(f"{TODAY.isoformat()}T12:00:00+07:00")
    page.goto(f"{site_url}/p/tra-dang-sam-muong-te/")
    chip = page.locator('.ocop-others li[data-ocop-id="dang-sam-say-kho-muong-te"] .ocop-chip')
    assert chip.inner_text().startswith("Đã hết hạn") and "ocop-chip--expired" in (chip.get_attribute("class") or "")
    assert page.locator("article.ocop-product").get_attribute("data-ocop-status") == "valid"


def test_the_finder_data_carries_what_is_searched(demo_site: Path) -> None:
    data = finder_data(demo_site, "vi")
    rows = {row[0]: dict(zip(data["fields"], row, strict=True)) for row in data["products"]}
    honey = rows["mat-ong-pa-u"]
    assert honey["tags"] == ", ".join(PRODUCTS["mat-ong-pa-u"]["tags"])
    assert honey["folded_summary"] == searched(PRODUCTS["mat-ong-pa-u"]["summary"]) and "summary" not in honey  # folded only
    assert honey["issued"] == str(PRODUCTS["mat-ong-pa-u"]["certificate"]["issued"])
    assert data["synonyms"] == [["chè", "trà"], ["mắc ca", "macadamia"], ["sơn tra", "táo mèo"], ["lợn", "heo"]]


# The synonyms in the settings


def test_synonyms_default_and_normalised() -> None:
    assert ["chè", "trà"] in Settings().synonyms
    assert Settings.model_validate({"synonyms": [["Mắc Ca", "MACADAMIA"]]}).synonyms == [["mắc ca", "macadamia"]]


@pytest.mark.parametrize(
    ("synonyms", "message"),
    [
        ([["chè"]], "group 1 ([chè]) needs at least two different words (tone marks aside)"),
        ([["chè", "che"]], "group 1 ([chè, che]) needs at least two different words (tone marks aside)"),
        (
            [["chè", "trà"], ["tra", "tea"]],
            "'tra' is in group 1 and in group 2; a word belongs to one group only: merge the two groups",
        ),
        (
            [["<script>", "trà"]],
            "'<script>' cannot be a synonym: letters and digits only, words separated by one space or a hyphen, at most 40 characters",
        ),
        ([["chè  xanh", "trà"]], "'chè  xanh' cannot be a synonym"),
        ([["x" * 41, "trà"]], "cannot be a synonym: letters and digits only"),
    ],
)
def test_bad_synonyms_are_refused(synonyms: list[list[str]], message: str) -> None:
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[").replace("]", r"\]")):
        Settings.model_validate({"synonyms": synonyms})


def test_bad_synonyms_name_the_file_and_line(base_catalogue: Path) -> None:
    settings = base_catalogue / "catalogue.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "synonyms:\n  - [chè, trà]\n  - [trà, tea]\n", encoding="utf-8")
    _, report = validate(Path("products"), Path("producers"), today=TODAY)
    problems = [p.show("en") for p in report.sorted()]
    line = settings.read_text(encoding="utf-8").splitlines().index("synonyms:") + 1
    assert problems == [
        f"catalogue.yaml:{line}: error: synonyms: 'trà' is in group 1 and in group 2; a word belongs to one group only: "
        "merge the two groups [invalid-value]"
    ]
    vietnamese = [p.show("vi") for p in report.sorted()]
    assert vietnamese == [
        f"catalogue.yaml:{line}: error: synonyms: 'trà' có trong cả nhóm thứ 1 và nhóm thứ 2; mỗi từ chỉ thuộc một nhóm: hãy gộp hai nhóm "
        "[invalid-value]"
    ]


STATUS_WORDS = {"valid": "Còn hiệu lực", "expiring": "Sắp hết hạn", "expired": "Đã hết hạn", "revoked": "Đã bị thu hồi"}


def test_header_search_knows_the_synonyms_and_says_each_status(open_page: Callable[..., Any], site_url: str, catalogue: Catalogue) -> None:  # noqa: F811
    page = open_page()
    page.clock.set_fixed_time(f"{TODAY.isoformat()}T12:00:00+07:00")
    page.goto(f"{site_url}/groups/")

    def offered(query: str) -> dict[str, str]:
        page.locator("input.md-search__input").fill("")
        page.locator("input.md-search__input").press_sequentially(query)
        page.wait_for_function("q => document.querySelector('.ocop-search[data-ready]')?.dataset.query === q", arg=query)
        items = page.locator(".ocop-search .md-search-result__list").first.locator("a")
        return dict(zip(items.locator("h1").all_inner_texts(), items.locator("p").all_inner_texts(), strict=True))

    shan = offered("chè shan")
    assert set(shan) == {PRODUCTS[pid]["name"] for pid in SHAN_TEAS}
    assert "Rượu sơn tra Sìn Hồ" not in offered("chè"), "'chè' stands for 'trà', not for the 'tra' of 'sơn tra'"
    liquors = offered("ruou")
    names = {p["name"]: pid for pid, p in PRODUCTS.items()}
    assert len(liquors) >= 2
    for name, line in liquors.items():
        status = catalogue.status(catalogue.products[names[name]], TODAY).value
        assert line.endswith(" · " + STATUS_WORDS[status]), (name, line)
    assert any(not line.endswith("Còn hiệu lực") for line in liquors.values()), "the demo has a liquor out of force"
