"""The finder in Chinese: Chinese names match anywhere in a name (Chinese has no spaces), and a
Chinese page also finds products by their Vietnamese names, with or without tone marks.

The Chinese site needs the Chinese interface words. Until the demo site is built in Chinese, the
browser test runs on a stand-in: the English all-products page pointed at data/finder-zh.js,
which is made here by the build's own `finder_data`. Once the demo site has zh/products/, the
test runs on that page instead.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from catalogue.pages.context import Site
from catalogue.pages.finder import finder_data
from catalogue.validate import validate

from .site_fixture import TODAY
from .test_finder import NOON_ON_TODAY, PRODUCERS, PRODUCTS, decode_finder, plain, type_query

LANG = "zh"


def _zh(record: dict[str, Any]) -> str:
    return (record.get("translations") or {}).get(LANG, {}).get("name") or record["name"]


@pytest.fixture(scope="module")
def site() -> Site:
    from .conftest import REPO

    catalogue, report = validate(REPO / "products", REPO / "producers", today=TODAY)
    assert report.ok
    return Site(catalogue, {}, TODAY)


def _data(site: Site) -> dict[str, Any]:
    script = finder_data(site, LANG)
    return decode_finder(script)


def test_chinese_finder_data_has_the_chinese_and_the_vietnamese_name(site: Site) -> None:
    data = _data(site)
    rows = {row[0]: dict(zip(data["fields"], row, strict=True)) for row in data["products"]}
    assert set(rows) == set(PRODUCTS)
    translated = [pid for pid, p in PRODUCTS.items() if _zh(p) != p["name"]]
    assert len(translated) >= 12
    for pid, source in PRODUCTS.items():
        assert rows[pid]["name"] == _zh(source)
        assert rows[pid]["name_vi"] == (source["name"] if pid in translated else 0)
    producers = {name for name, *_ in data["producers"]}
    assert "莱州长江一人有限责任公司" in producers and "Hợp tác xã Thanh Nga" not in producers


def test_the_demo_translates_the_export_products_into_chinese() -> None:
    from catalogue.translated import translation

    catalogue, _ = validate(*(Path(__file__).parent.parent / folder for folder in ("products", "producers")), today=TODAY)
    full = [p.id for p in catalogue.products.values() if all(translation(p, f, LANG) for f in ("name", "summary", "description"))]
    for export in ("tra-shan-tuyet-tan-uyen", "thao-qua-thu-lum", "hat-mac-ca-truong-giang", "mat-ong-pa-u", "cu-sam-lai-chau"):
        assert export in full
    assert {"gao-seng-cu-muong-than", "mien-dong-binh-lu"} <= set(full) and len(full) >= 12
    producers = {catalogue.products[pid].producer for pid in full}
    assert all(translation(catalogue.producers[pid], "name", LANG) for pid in producers)


def _zh_page(demo_site: Path, site: Site, tmp_path: Path) -> Path:
    """zh/products/index.html of the demo site, or the stand-in described above (the rest of the
    site linked in, so that its scripts and assets load as they do on the site)."""
    real = demo_site / LANG / "products" / "index.html"
    if real.is_file():
        return real
    root = tmp_path / "site"
    root.mkdir()
    for entry in demo_site.iterdir():
        if entry.name not in ("data", LANG):
            os.symlink(entry, root / entry.name)
    (root / "data").mkdir()
    for entry in (demo_site / "data").iterdir():
        os.symlink(entry, root / "data" / entry.name)
    (root / "data" / f"finder-{LANG}.js").write_text(finder_data(site, LANG), encoding="utf-8")
    page = (demo_site / "en" / "products" / "index.html").read_text(encoding="utf-8")
    assert page.count("data/finder-en.js") == 1
    (root / LANG / "products").mkdir(parents=True)
    os.symlink(demo_site / "en" / "assets", root / LANG / "assets")
    stand_in = root / LANG / "products" / "index.html"
    stand_in.write_text(page.replace("data/finder-en.js", f"data/finder-{LANG}.js"), encoding="utf-8")
    return stand_in


@pytest.fixture
def chinese_finder(demo_site: Path, site: Site, tmp_path: Path, open_page: Callable[..., Any]) -> Any:
    page = open_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.clock.set_fixed_time(NOON_ON_TODAY)
    page.goto(_zh_page(demo_site, site, tmp_path).as_uri())
    page.locator("form.ocop-finder").wait_for(state="visible")
    yield page
    assert not errors, errors


def _searched(pid: str) -> str:
    """What the Chinese finder searches a product by: its Chinese (or Vietnamese) name, its
    Vietnamese name, its producer's Chinese (or Vietnamese) name, its tags and its Chinese (or
    Vietnamese) summary."""
    product = PRODUCTS[pid]
    summary = (product.get("translations") or {}).get(LANG, {}).get("summary") or product["summary"]
    texts = (_zh(product), product["name"], _zh(PRODUCERS[product["producer"]]), " ".join(product.get("tags") or []), summary)
    return " ".join(texts)


def _in_force(site: Site) -> set[str]:
    """The products the finder shows unless told otherwise: those in force on the build day."""
    return {pid for pid, p in site.catalogue.products.items() if site.catalogue.status(p, TODAY).value in ("valid", "expiring")}


@pytest.mark.parametrize("query", ["茶", "蜂蜜", "莱州参", "草果"])
def test_typing_a_chinese_name_finds_it_anywhere_in_the_names(chinese_finder: Any, site: Site, query: str) -> None:
    expected = {pid for pid in PRODUCTS if query in _searched(pid)} & _in_force(site)
    assert expected and set(type_query(chinese_finder, query)) == expected


def test_the_chinese_finder_also_finds_vietnamese_names_without_tone_marks(chinese_finder: Any, site: Site) -> None:
    for query, phrase in (("tra shan", "trà shan"), ("trà", "trà"), ("mat ong", "mật ong")):
        found = set(type_query(chinese_finder, query))
        named = {pid for pid, p in PRODUCTS.items() if plain(phrase) in plain(p["name"])}
        assert named & _in_force(site) <= found, query
