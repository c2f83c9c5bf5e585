"""The map page (map/) and the small map of a product's origin: the lists with coordinates and
directions links in the built demo site, and in Chromium the map drawn by Leaflet with the tiles
served by the test (every request for OpenStreetMap's tiles is answered here, none leaves the
machine), lazily on product pages, under the site's Content-Security-Policy.

Which places a page should show is worked out from the product files read as plain YAML and from
each product page's own status attribute, not from the catalogue package's map code.
"""

from __future__ import annotations

import io
import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from PIL import Image

from catalogue import maps
from catalogue.hosting.policy import content_security_policy

from .browser import BLOCKING_IMPACTS, DESKTOP, PHONE, describe_violations, run_axe
from .conftest import REPO
from .site_fixture import soup

LANGUAGES = {"vi": "", "en": "en/", "zh": "zh/"}
TILE_REQUEST = re.compile(r"^https://tile\.openstreetmap\.org/\d+/\d+/\d+\.png$")


def product_files() -> dict[str, dict[str, Any]]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((REPO / "products").glob("*.yaml"))}


def coordinates_of(product: dict[str, Any]) -> tuple[float, float] | None:
    origin = product.get("origin") or {}
    return tuple(origin["coordinates"]) if origin.get("coordinates") else None  # type: ignore[return-value]


def built_status(site: Path, product_id: str) -> str:
    return soup(site / "p" / product_id / "index.html").select_one("article.ocop-product")["data-ocop-status"]


def expected_products(site: Path) -> set[str]:
    """Products with origin coordinates whose page says they are in force (withdrawn ones have no status to map)."""
    found = set()
    for product_id, product in product_files().items():
        if coordinates_of(product) and not product.get("withdrawn") and built_status(site, product_id) in ("valid", "expiring"):
            found.add(product_id)
    return found


def expected_producers(site: Path) -> set[str]:
    """Producers with coordinates that make at least one product the map shows (in force)."""
    files = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in (REPO / "producers").glob("*.yaml")}
    in_force = {
        product["producer"]
        for product_id, product in product_files().items()
        if not product.get("withdrawn") and built_status(site, product_id) in ("valid", "expiring")
    }
    return {producer_id for producer_id, producer in files.items() if producer.get("coordinates") and producer_id in in_force}


def expected_points() -> set[str]:
    points = yaml.safe_load((REPO / "catalogue.yaml").read_text(encoding="utf-8"))["sales_points"]
    return {p["id"] for p in points if p.get("coordinates") and not (p.get("to") and str(p["to"]) < "2026-11-28")}


# The built pages -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_map_page_lists_the_products_in_force_and_the_sales_points(demo_site: Path, lang: str) -> None:
    page = soup(demo_site / LANGUAGES[lang] / "map" / "index.html")
    places = page.select("#ocop-places li[data-lat]")
    products = [p for p in places if p["data-kind"] == "product"]
    points = [p for p in places if p["data-kind"] == "point"]
    product_ids = {posixpath.basename(p.select_one(".ocop-place__name a")["href"].rstrip("/")) for p in products}
    assert product_ids == expected_products(demo_site)
    assert {p.select_one(".ocop-place__name a")["href"].split("#")[1] for p in points} == expected_points()
    # Products that are not in force are left out (the demo has some with coordinates).
    files = product_files()
    left_out = {i for i, p in files.items() if coordinates_of(p)} - product_ids
    assert left_out and all(built_status(demo_site, i) in ("expired", "revoked") or files[i].get("withdrawn") for i in left_out)
    for place in products:
        product_id = posixpath.basename(place.select_one(".ocop-place__name a")["href"].rstrip("/"))
        lat, lon = coordinates_of(files[product_id])  # type: ignore[misc]
        assert (float(place["data-lat"]), float(place["data-lon"])) == (lat, lon)
        assert f"{lat:.4f}, {lon:.4f}" in place.select_one(".ocop-place__where").get_text()
    # The box the script draws in names the list, and Leaflet's files are where it says.
    box = page.select_one(".ocop-map")
    assert box["data-ocop-map"] == "ocop-places" and box["aria-label"]
    folder = (demo_site / LANGUAGES[lang] / "map").as_posix() + "/"
    for attribute in ("data-leaflet-js", "data-leaflet-css"):
        assert Path(posixpath.normpath(folder + box[attribute])).is_file(), box[attribute]
    assert "OpenStreetMap" in box["data-attribution"] and box["data-tiles"] == maps.TILES


def test_directions_open_the_phones_map_app_at_the_place(demo_site: Path) -> None:
    links = soup(demo_site / "map" / "index.html").select("li[data-lat]")
    assert links
    for place in links:
        link = place.select_one("a.ocop-directions")
        address = urlsplit(link["href"])
        assert (address.scheme, address.netloc, address.path) == ("https", "www.google.com", "/maps/dir/")
        destination = parse_qs(address.query)["destination"][0]
        assert [float(x) for x in destination.split(",")] == [float(place["data-lat"]), float(place["data-lon"])]
        assert link.get_text() == "Chỉ đường"


def test_the_map_page_is_in_the_navigation_in_every_language(demo_site: Path) -> None:
    words = {"vi": "Bản đồ", "en": "Map", "zh": "地图"}
    for lang, prefix in LANGUAGES.items():
        home = soup(demo_site / prefix / "index.html")
        titles = [a.get_text(strip=True) for a in home.select("nav.md-nav--primary a.md-nav__link")]
        assert words[lang] in titles


@pytest.mark.parametrize("lang", LANGUAGES)
def test_product_page_has_its_origin_with_directions_and_a_small_map(demo_site: Path, lang: str) -> None:
    files = product_files()
    with_place = next(i for i, p in files.items() if coordinates_of(p))
    without = next(i for i, p in files.items() if not coordinates_of(p))
    page = soup(demo_site / LANGUAGES[lang] / "p" / with_place / "index.html")
    place = page.select_one(".ocop-origin #ocop-origin-place")
    assert (float(place["data-lat"]), float(place["data-lon"])) == coordinates_of(files[with_place])
    assert place.select_one("a.ocop-directions")
    box = page.select_one(".ocop-origin .ocop-map")
    assert box["data-ocop-map"] == "ocop-origin-place"
    assert page.select_one(".ocop-origin .ocop-map__more a")["href"] == "../../map/"
    other = soup(demo_site / LANGUAGES[lang] / "p" / without / "index.html")
    assert not other.select(".ocop-map, #ocop-origin-place")


def test_the_policy_lets_tiles_in_as_images_only() -> None:
    policy = dict(part.split(" ", 1) for part in content_security_policy(["abc"]).split("; "))
    assert maps.TILE_ORIGIN in policy["img-src"].split()
    assert all(maps.TILE_ORIGIN not in value for name, value in policy.items() if name != "img-src")


def test_no_maps_without_leaflet(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert maps.maps_in_build(offline=False) and not maps.maps_in_build(offline=True)
    monkeypatch.setattr(maps, "LEAFLET", tmp_path / "missing")
    assert not maps.maps_in_build(offline=False)


def test_leaflet_is_pinned_in_package_json() -> None:
    import json

    package = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    assert re.fullmatch(r"\d+\.\d+\.\d+", package["dependencies"]["leaflet"])
    assert lock["packages"]["node_modules/leaflet"]["version"] == package["dependencies"]["leaflet"]


# In Chromium ------------------------------------------------------------------------------------


def _tile() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), (200, 230, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def serve_tiles(page: Any) -> list[str]:
    """Answer every tile request of the page with a green square; the tiles asked for, in order."""
    asked: list[str] = []
    tile = _tile()

    def answer(route: Any) -> None:
        asked.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=tile)

    page.context.route(re.compile(r"^https://tile\.openstreetmap\.org/"), answer)
    return asked


def record(page: Any, origin: str) -> tuple[list[str], list[str]]:
    """The page's failed requests and the requests to hosts other than the site and the tile host."""
    failed: list[str] = []
    outside: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith((origin, "data:", "blob:")) and not TILE_REQUEST.match(request.url)
            else None
        ),
    )
    return failed, outside


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_map_page_draws_a_marker_for_every_place(open_page: Callable[..., Any], site_url: str, size: dict[str, Any]) -> None:
    page = open_page(**size)
    tiles = serve_tiles(page)
    failed, outside = record(page, site_url)
    page.goto(f"{site_url}/map/")
    listed = page.locator("#ocop-places li[data-lat]").count()
    page.locator(".ocop-map .leaflet-tile-loaded").first.wait_for()
    assert page.locator("path.ocop-map__marker").count() == listed > 1
    assert page.locator("path.ocop-map__marker--point").count() == page.locator("#ocop-places li[data-kind=point]").count()
    assert "OpenStreetMap" in page.locator(".leaflet-control-attribution").inner_text()
    page.wait_for_load_state("networkidle")
    assert tiles and all(TILE_REQUEST.match(url) for url in tiles)
    assert failed == [] and outside == []
    # A marker's popup names the place with the page's own link.
    page.locator("path.ocop-map__marker--product").first.click(force=True)
    popup = page.locator(".leaflet-popup-content a")
    popup.wait_for()
    hrefs = page.locator("#ocop-places li[data-kind=product] .ocop-place__name a").evaluate_all("links => links.map(a => a.href)")
    assert popup.evaluate("a => a.href") in hrefs
    axe = run_axe(page)
    blocking = [v for v in axe["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, describe_violations(page.url, blocking)


def test_product_page_loads_the_map_only_when_its_origin_comes_near(open_page: Callable[..., Any], site_url: str) -> None:
    page = open_page(**PHONE)
    tiles = serve_tiles(page)
    failed, outside = record(page, site_url)
    scripts: list[str] = []
    page.on("request", lambda request: scripts.append(request.url) if "leaflet" in request.url else None)
    page.goto(f"{site_url}/en/p/mat-ong-pa-u/")
    page.wait_for_load_state("networkidle")
    assert scripts == [] and tiles == []  # the first screen costs nothing
    page.locator(".ocop-origin .ocop-map").scroll_into_view_if_needed()
    page.locator(".ocop-origin .ocop-map .leaflet-tile-loaded").first.wait_for()
    assert page.locator(".ocop-origin path.ocop-map__marker").count() == 1
    assert {posixpath.basename(url) for url in scripts} == {"leaflet.js", "leaflet.css"}
    page.wait_for_load_state("networkidle")
    assert failed == [] and outside == []


def test_map_page_runs_under_the_policy(open_page: Callable[..., Any], nginx_origin: str) -> None:
    page = open_page(**DESKTOP)
    serve_tiles(page)
    page.add_init_script(
        "window.__violations = []; document.addEventListener('securitypolicyviolation',"
        " (e) => window.__violations.push(e.effectiveDirective + ' ' + e.blockedURI));"
    )
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(f"{nginx_origin}/en/map/")
    assert response is not None and maps.TILE_ORIGIN in response.headers["content-security-policy"]
    page.locator(".ocop-map .leaflet-tile-loaded").first.wait_for()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__violations") == [] and errors == []


def test_the_web_site_opened_from_a_file_keeps_its_list_and_asks_for_no_tile(browser: Any, demo_site: Path) -> None:
    context = browser.new_context(**PHONE)
    context.set_default_timeout(10_000)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.route(re.compile(r"^(?!file:)"), lambda route: route.abort())
    page = context.new_page()
    page.goto((demo_site / "map" / "index.html").as_uri())
    page.wait_for_load_state("networkidle")
    assert page.locator("#ocop-places li[data-lat]").first.is_visible()
    assert page.locator(".leaflet-container").count() == 0
    context.close()
    assert [url for url in requests if not url.startswith("file://")] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_map_page_pins_producers_with_a_product_in_force(demo_site: Path, lang: str) -> None:
    page = soup(demo_site / LANGUAGES[lang] / "map" / "index.html")
    producers = page.select("#ocop-places li[data-kind='producer']")
    shown = {posixpath.basename(p.select_one(".ocop-place__name a")["href"].rstrip("/")) for p in producers}
    assert shown and shown == expected_producers(demo_site)
    for place in producers:
        producer_id = posixpath.basename(place.select_one(".ocop-place__name a")["href"].rstrip("/"))
        lat, lon = yaml.safe_load((REPO / "producers" / f"{producer_id}.yaml").read_text(encoding="utf-8"))["coordinates"]
        assert (float(place["data-lat"]), float(place["data-lon"])) == (lat, lon)
        assert place.select_one("a[href^='https://www.google.com/maps/dir/']"), "a directions link"


def test_a_producer_outside_the_province_is_warned_about(base_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from catalogue.cli import main

    path = base_catalogue / "producers" / "base-producer.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "coordinates: [103.48, 22.38]\n", encoding="utf-8")
    assert main(["--lang", "en", "--check"]) == 0
    out = capsys.readouterr().out.splitlines()
    line = len(path.read_text(encoding="utf-8").splitlines())
    assert out[0] == (
        f"producers/base-producer.yaml:{line}: warning: coordinates: [103.48, 22.38] is outside Lai Châu;"
        " latitude and longitude look swapped [coordinates-outside]"
    )
