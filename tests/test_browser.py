"""The built demo site in a real browser (Debian's Chromium): phone layout, language switch, axe, no outside requests, print.

Screenshots for review are written to tests/output/screenshots/. Without Chromium or axe-core these tests
are skipped, except under CI=true, where they fail.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pypdfium2
import pytest

from catalogue.languages import html_lang
from catalogue.makers.qr import product_url
from catalogue.pages.i18n import format_date, status_texts, status_words
from catalogue.status import IN_FORCE, certificate_status
from catalogue.translated import localized_text

from .browser import (
    BLOCKING_IMPACTS,
    DESKTOP,
    PHONE,
    describe_violations,
    horizontal_overflow,
    image_width,
    new_page,
    outside_requests,
    run_axe,
    settle,
)
from .conftest import REPO
from .qr_decode import decode
from .site_fixture import TODAY, demo_site, soup  # noqa: F401
from .test_site import CATALOGUE

SCREENSHOTS = Path(__file__).parent / "output" / "screenshots"
PHONE_WIDTH = PHONE["viewport"]["width"]
PRODUCTS = ["mat-ong-pa-u", "lap-suon-lon-den-muong-te"]
LANGUAGES = {"vi": "", "en": "en/", "zh": "zh/"}
# Home, listing, one product page, the sales points and the programme dashboard, in every language: each is
# loaded once on a phone, then checked for sideways scrolling, accessibility (axe) and requests off the machine;
# and a product page whose text falls back to Vietnamese.
KEY_PAGES = [
    f"{prefix}{path}" for prefix in LANGUAGES.values() for path in ("", "products/", "p/mat-ong-pa-u/", "sales-points/", "dashboard/")
] + ["zh/p/tra-hoa-sam-lai-chau/"]  # a product not yet translated into Chinese: its summary carries the "(only in Vietnamese)" note


@dataclass
class Visit:
    url: str
    requests: list[str]
    overflow: str | None
    violations: list[dict[str, Any]]  # axe's
    incomplete: list[dict[str, Any]]  # what axe could not decide


@pytest.fixture(scope="module")
def visit(browser: Any, site_url: str) -> Callable[[str], Visit]:
    """visit(path) -> what a phone saw on that page (loaded once per module, whichever test asks first)."""
    seen: dict[str, Visit] = {}

    def visit_(path: str) -> Visit:
        if path not in seen:
            page = new_page(browser, **PHONE)
            requests: list[str] = []
            page.context.on("request", lambda request: requests.append(request.url))  # the page's and its workers'
            try:
                page.goto(f"{site_url}/{path}")
                settle(page)  # lazy images, and anything the theme's script fetches after load
                overflow = horizontal_overflow(page, PHONE_WIDTH)
                axe = run_axe(page)
                seen[path] = Visit(page.url, requests, overflow, axe["violations"], axe["incomplete"])
            finally:
                page.context.close()
        return seen[path]

    return visit_


def expired_product(site: Path) -> str:
    """The id of the first product whose built page says its certificate has expired."""
    for page in sorted(site.glob("p/*/index.html")):
        if soup(page).select_one("article.ocop-product")["data-ocop-status"] == "expired":
            return page.parent.name
    raise AssertionError("the demo catalogue has no expired product")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("product", PRODUCTS)
def test_product_page_on_a_phone(open_page: Callable[..., Any], site_url: str, product: str, lang: str) -> None:
    page = open_page(**PHONE)
    page.goto(f"{site_url}/{LANGUAGES[lang]}p/{product}/")
    article = page.locator("article.ocop-product")
    assert article.get_attribute("data-ocop-id") == product
    for selector in (".ocop-product__badge svg.ocop-badge", "p.ocop-status", ".ocop-qr img.ocop-qr__code"):
        element = article.locator(selector)
        element.scroll_into_view_if_needed()
        assert element.is_visible(), f"{selector} is not visible on {page.url}"
        box = element.bounding_box()
        assert box and box["width"] > 0 and box["height"] > 0, f"{selector} has no size on {page.url}: {box}"
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE_WIDTH + 0.5, f"{selector} sticks out of the screen: {box}"
    assert image_width(article.locator(".ocop-qr img.ocop-qr__code")) > 0, f"the QR image did not load on {page.url}"
    problem = horizontal_overflow(page, PHONE_WIDTH)
    assert problem is None, problem


@pytest.mark.parametrize("path", KEY_PAGES)
def test_no_sideways_scrolling_on_a_phone(visit: Callable[[str], Visit], path: str) -> None:
    problem = visit(path).overflow
    assert problem is None, problem


@pytest.mark.parametrize("path", KEY_PAGES)
def test_no_serious_accessibility_violations(visit: Callable[[str], Visit], path: str) -> None:
    seen = visit(path)
    report_axe(seen.url, seen.violations, seen.incomplete)


def report_axe(url: str, violations: list[dict[str, Any]], incomplete: list[dict[str, Any]]) -> None:
    """Fail on serious or critical violations; print the rest (shown with -rA, or on failure)."""
    others = [v for v in violations if v["impact"] not in BLOCKING_IMPACTS]
    if others:
        print("axe, minor or moderate (not blocking):\n" + describe_violations(url, others))
    if incomplete:
        print("axe could not decide these (review by hand):\n" + describe_violations(url, incomplete))
    blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, "axe-core found serious or critical violations:\n" + describe_violations(url, blocking)


# The other index pages (lists of links with counts), once, on a desktop: wide lines are where axe's
# link-in-text-block rule can decide (on a phone the narrow layout makes it "incomplete").
@pytest.mark.parametrize("path", ["stars/", "groups/", "communes/", "producers/", "sales-points/", "dashboard/", "en/dashboard/"])
def test_index_pages_accessibility_on_a_desktop(open_page: Callable[..., Any], site_url: str, path: str) -> None:
    page = open_page(**DESKTOP)
    page.goto(f"{site_url}/{path}")
    axe = run_axe(page)
    report_axe(page.url, axe["violations"], axe["incomplete"])


@pytest.mark.parametrize("path", KEY_PAGES)
def test_no_request_leaves_the_machine(visit: Callable[[str], Visit], site_url: str, path: str) -> None:
    seen = visit(path)
    assert seen.requests, "no request was recorded"
    outside = outside_requests(seen.requests, site_url)
    assert not outside, f"{seen.url} made requests off the machine: " + ", ".join(outside)


def goto_recording_sitemaps(page: Any, url: str) -> list[str]:
    """Open a page and return the sitemap requests it made, once the network is quiet.

    Material's script fetches sitemap.xml beside every <link rel="alternate"> it finds at load, then
    rewrites clicks into other languages from it; the page hides its (absolute) alternates from it, so
    there must be none: such requests would go to the public host, and the rewriting would race.
    """
    sitemaps: list[str] = []
    page.on("request", lambda request: sitemaps.append(request.url) if "sitemap" in request.url else None)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return sitemaps


def test_language_switch_keeps_the_product(open_page: Callable[..., Any], site_url: str) -> None:
    # Vietnamese to English on a desktop, with the mouse: hovering the header's language button opens the menu.
    page = open_page(**DESKTOP)
    assert goto_recording_sitemaps(page, f"{site_url}/p/mat-ong-pa-u/") == []
    alternates = page.locator('head link[rel="alternate"][hreflang]')
    assert alternates.count() == len(LANGUAGES) + 1, "the hreflang alternates did not come back after the theme's script started"
    assert page.locator("article.ocop-product").get_attribute("data-ocop-id") == "mat-ong-pa-u"
    page.locator(".md-header .md-select > button").hover()
    english = page.locator('.md-header a.md-select__link[hreflang="en"]')
    english.wait_for(state="visible")
    assert english.get_attribute("href") == "../../en/p/mat-ong-pa-u/"
    english.click()
    page.wait_for_url(lambda url: url != f"{site_url}/p/mat-ong-pa-u/")  # then wherever the click led, loaded
    assert page.url == f"{site_url}/en/p/mat-ong-pa-u/", (
        f"the English link (href ../../en/p/mat-ong-pa-u/) landed on {page.url}: has Material's alternate-language"
        " click handler rewritten it?"
    )
    assert page.locator("article.ocop-product").get_attribute("data-ocop-id") == "mat-ong-pa-u"
    assert page.locator("html").get_attribute("lang") == "en"

    # English back to Vietnamese on a phone, by touch: tapping the button focuses it, which opens the menu.
    phone = open_page(**PHONE)
    assert goto_recording_sitemaps(phone, f"{site_url}/en/p/mat-ong-pa-u/") == []
    phone.locator(".md-header .md-select > button").tap()
    vietnamese = phone.locator('.md-header a.md-select__link[hreflang="vi"]')
    vietnamese.wait_for(state="visible")
    vietnamese.tap()
    phone.wait_for_url(lambda url: url != f"{site_url}/en/p/mat-ong-pa-u/")
    assert phone.url == f"{site_url}/p/mat-ong-pa-u/"
    assert phone.locator("article.ocop-product").get_attribute("data-ocop-id") == "mat-ong-pa-u"
    assert phone.locator("html").get_attribute("lang") == "vi"


def test_screenshots_for_review(open_page: Callable[..., Any], site_url: str, demo_site: Path) -> None:  # noqa: F811
    expired = expired_product(demo_site)
    phone = open_page(**PHONE)
    desktop = open_page(**DESKTOP)
    shots = [
        # name, page, path, clip to the first few screens (a full 48-card listing is ~8,400 CSS px tall;
        # a whole product page would also scroll its origin map into view and ask for map tiles)
        ("phone-product-vi", phone, "p/mat-ong-pa-u/", 3 * 844),
        ("phone-product-en", phone, "en/p/mat-ong-pa-u/", 3 * 844),
        (f"phone-expired-{expired}-vi", phone, f"p/{expired}/", 3 * 844),
        ("phone-home-vi", phone, "", None),
        ("phone-products-vi", phone, "products/", 3 * 844),
        ("phone-sales-points-vi", phone, "sales-points/", 3 * 844),
        ("phone-dashboard-vi", phone, "dashboard/", 4 * 844),
        ("desktop-dashboard-en", desktop, "en/dashboard/", 1600),
        ("desktop-home-vi", desktop, "", 800),
        ("desktop-products-vi", desktop, "products/", 800),
    ]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, page, path, height in shots:
        page.goto(f"{site_url}/{path}")
        settle(page)
        clip = {"x": 0, "y": 0, "width": page.viewport_size["width"], "height": height} if height else None
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True, clip=clip)
        assert (SCREENSHOTS / f"{name}.png").stat().st_size > 10_000, f"{name}.png looks empty"


def status_seen(open_page: Callable[..., Any], url: str, now: str | None, javascript: bool = True) -> tuple[str, str, bool]:
    """The product page's status attribute, status text, and whether the badge's stars are bright."""
    page = open_page(java_script_enabled=javascript)
    if now:
        page.clock.set_fixed_time(now)
    page.goto(url)
    article = page.locator("article.ocop-product")
    bright = "#ffc83d" in page.locator(".ocop-product__badge svg.ocop-badge").evaluate("e => e.outerHTML")
    return article.get_attribute("data-ocop-status"), page.locator("p.ocop-status").inner_text(), bright


def test_status_follows_the_viewers_clock(open_page: Callable[..., Any], site_url: str) -> None:
    url = f"{site_url}/p/gao-seng-cu-muong-than/"  # built 2026-11-28; certificate valid until 14/06/2027
    assert status_seen(open_page, url, "2027-01-10T09:00:00+07:00") == ("valid", "Còn hiệu lực", True)
    assert status_seen(open_page, url, "2027-04-01T09:00:00+07:00") == ("expiring", "Sắp hết hạn (74 ngày nữa)", True)
    expired = status_seen(open_page, url, "2027-06-15T09:00:00+07:00")
    assert expired == ("expired", "Đã hết hạn từ 14/06/2027: sản phẩm không còn là sản phẩm OCOP", False)
    english = status_seen(open_page, url.replace("/p/", "/en/p/"), "2027-06-15T09:00:00+07:00")
    assert english[:2] == ("expired", "Expired on 14 Jun 2027: this is no longer an OCOP-certified product")


def test_revoked_always_reads_revoked(open_page: Callable[..., Any], site_url: str) -> None:
    url = f"{site_url}/p/lap-suon-lon-den-muong-te/"
    for now in ("2026-06-01T09:00:00+07:00", "2030-01-01T09:00:00+07:00"):
        state, text, bright = status_seen(open_page, url, now)
        assert state == "revoked" and text.startswith("Đã bị thu hồi từ 10/05/2026") and not bright


def test_without_javascript_the_build_time_status_shows(open_page: Callable[..., Any], site_url: str) -> None:
    url = f"{site_url}/p/gao-seng-cu-muong-than/"
    assert status_seen(open_page, url, None, javascript=False) == ("valid", "Còn hiệu lực", True)


def test_cards_follow_the_viewers_clock(open_page: Callable[..., Any], site_url: str) -> None:
    page = open_page()
    page.clock.set_fixed_time("2027-06-15T09:00:00+07:00")
    page.goto(f"{site_url}/products/")
    card = page.locator('li.ocop-card[data-ocop-id="gao-seng-cu-muong-than"]')
    assert card.get_attribute("data-ocop-status") == "expired"
    assert card.locator(".ocop-chip").inner_text() == "Đã hết hạn từ 14/06/2027"
    assert "-expired-vi.svg" in card.locator("img.ocop-card__badge").get_attribute("src")


def check(open_page: Callable[..., Any], url: str, query: str) -> Any:
    """Type `query` into the certificate check and return the result box."""
    page = open_page()
    page.goto(url)
    page.fill("#ocop-check-input", query)
    page.click("form.ocop-check button")
    return page.locator("#ocop-check-result")


@pytest.mark.parametrize("query", ["GCN-OCOP-LC-2024-012", "gcn ocop lc 2024 012", "gao-seng-cu-muong-than", "  GAO SENG CU MUONG THAN "])
def test_certificate_check_finds_by_number_and_id(open_page: Callable[..., Any], site_url: str, query: str) -> None:
    result = check(open_page, f"{site_url}/check/", query)
    assert result.locator("a").inner_text() == "Gạo Séng Cù Mường Than"
    assert result.locator("a").get_attribute("href") == "../p/gao-seng-cu-muong-than/"
    assert result.locator(".ocop-status").inner_text() == "Còn hiệu lực"


def test_certificate_check_shows_revoked_and_not_found(open_page: Callable[..., Any], site_url: str) -> None:
    revoked = check(open_page, f"{site_url}/en/check/", "lap-suon-lon-den-muong-te")
    assert revoked.locator(".ocop-status").inner_text().startswith("Revoked on 10 May 2026")
    missing = check(open_page, f"{site_url}/check/", "GCN-0000-GIẢ")
    assert missing.inner_text().startswith("Không tìm thấy trong danh mục này.")
    assert missing.locator('a[href^="tel:"]').count() == 1


# Printing a product page: one clean A4 page that keeps the certificate, its status in words and a QR code
# that still decodes, with no header, navigation, search, footer or language menu.
A4_PT = (595.28, 841.89)
# Build day of the demo site: the page recomputes the status from the viewer's clock.
BUILD_DAY = "2026-11-28T09:00:00+07:00"
# Expiring, valid with the longest description, and revoked; in both languages.
PRINTED = [
    ("mat-ong-pa-u", "", "Sắp hết hạn (53 ngày nữa)"),
    ("du-lich-cong-dong-sin-suoi-ho", "", "Còn hiệu lực"),
    ("lap-suon-lon-den-muong-te", "", "Đã bị thu hồi từ 10/05/2026"),
    ("mat-ong-pa-u", "en/", "Expiring soon (in 53 days)"),
    ("lap-suon-lon-den-muong-te", "en/", "Revoked on 10 May 2026"),
]
HIDDEN = [".md-header", ".md-select", ".md-search", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-top"]


def printed(open_page: Callable[..., Any], url: str) -> Any:
    page = open_page(**DESKTOP)
    page.clock.set_fixed_time(BUILD_DAY)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    return page


def pdf_pages(page: Any) -> pypdfium2.PdfDocument:
    return pypdfium2.PdfDocument(page.pdf(format="A4", prefer_css_page_size=True, print_background=True))


@pytest.mark.parametrize(("pid", "prefix", "status"), PRINTED)
def test_product_page_prints_without_the_site_frame_but_with_certificate_status_and_code(
    open_page: Callable[..., Any],
    site_url: str,
    pid: str,
    prefix: str,
    status: str,
) -> None:
    page = printed(open_page, f"{site_url}/{prefix}p/{pid}/")
    for selector in HIDDEN:
        assert page.locator(selector).count() >= 1, selector  # present on screen, so hiding it means something
        assert not any(element.is_visible() for element in page.locator(selector).all()), selector
    for selector in ("h1", ".ocop-product__badge svg", ".ocop-certificate", ".ocop-producer", ".ocop-qr__code"):
        assert page.locator(selector).first.is_visible(), selector
    assert page.locator("p.ocop-status").inner_text().startswith(status)
    assert page.locator(".ocop-qr__code").evaluate("img => img.complete && img.naturalWidth > 0")
    assert page.locator(".ocop-demo").is_visible()  # demo data must say so on paper too
    decoration = page.locator(".ocop-producer a").first.evaluate("a => getComputedStyle(a).textDecorationLine")
    assert decoration == "none"
    document = pdf_pages(page)
    assert len(document) == 1
    assert document[0].get_size() == pytest.approx(A4_PT, abs=0.5)
    [code] = decode(document[0].render(scale=300 / 72).to_pil())
    assert code.text == product_url(CATALOGUE.settings.site_url, pid)
    words = " ".join(document[0].get_textpage().get_text_range().split())
    assert CATALOGUE.products[pid].certificate.number in words and status in words


def test_a_very_long_description_and_many_photos_still_print_on_one_page(
    open_page: Callable[..., Any],
    site_url: str,
) -> None:
    page = printed(open_page, f"{site_url}/p/mat-ong-pa-u/")
    page.evaluate(
        """() => {
            const text = document.querySelector(".ocop-description > div");
            for (let i = 0; i < 40; i++) text.insertAdjacentHTML("beforeend", "<p>" + "Mật ong rừng nguyên chất. ".repeat(12) + "</p>");
            const gallery = document.querySelector(".ocop-gallery");
            for (let i = 0; i < 6; i++) gallery.append(gallery.firstElementChild.cloneNode(true));
        }"""
    )
    assert len(pdf_pages(page)) == 1


def test_fairs_end_by_the_viewers_clock(open_page: Callable[..., Any], site_url: str) -> None:
    # Built 2026-11-28; the Hà Nội fair booth runs 10–14 Dec 2026 and carries cu-sam-lai-chau.
    booth = "hoi-cho-ocop-ha-noi-2026"
    for now, over in (("2026-12-14T21:00:00+07:00", False), ("2026-12-15T08:00:00+07:00", True)):
        page = open_page()
        page.clock.set_fixed_time(now)
        page.goto(f"{site_url}/sales-points/")
        note = page.locator(f"section#{booth} [data-ocop-ended]")
        assert note.is_visible() is over, now
        if over:
            assert note.inner_text() == "Đã kết thúc ngày 14/12/2026"
        page.goto(f"{site_url}/p/cu-sam-lai-chau/")
        assert page.locator(f'.ocop-in-person a[href$="#{booth}"]').is_visible() is not over, now
        assert page.locator(".ocop-in-person").is_visible(), "the showroom still carries it"


def test_an_expired_product_stops_pointing_to_shops(open_page: Callable[..., Any], site_url: str) -> None:
    # mat-ong-pa-u is carried by a sales point; its certificate runs until 20/01/2027.
    for now, shown in (("2027-01-20T12:00:00+07:00", True), ("2027-01-21T08:00:00+07:00", False)):
        page = open_page()
        page.clock.set_fixed_time(now)
        page.goto(f"{site_url}/p/mat-ong-pa-u/")
        assert page.locator(".ocop-in-person").is_visible() is shown, now


# A phone whose date reset (a flat battery): by its clock, every certificate that had expired or been
# revoked by the build day would still be valid. The browser's today is never earlier than the build day.
RESET_CLOCK = "2020-01-01T09:00:00+07:00"
# The listed products (a withdrawn one is on no listing) and their statuses on the build day.
ON_BUILD_DAY = {product.id: CATALOGUE.status(product, TODAY).value for product in CATALOGUE.listed_products(TODAY)}
IN_FORCE_ON_BUILD_DAY = {pid for pid, status in ON_BUILD_DAY.items() if status in IN_FORCE}


def ids_with_status(page: Any, selector: str) -> dict[str, str]:
    """{product id: data-ocop-status} of the cards matching `selector`."""
    return page.locator(selector).evaluate_all("cards => Object.fromEntries(cards.map(c => [c.dataset.ocopId, c.dataset.ocopStatus]))")


def finder_results(page: Any, url: str) -> dict[str, str]:
    """Open a page with a finder and return its results' statuses, once it has shown them."""
    page.goto(url)
    page.wait_for_function("document.querySelector('#ocop-finder-count').textContent !== ''")
    return ids_with_status(page, ".ocop-finder__results li.ocop-card")


def test_a_clock_before_the_build_day_shows_what_the_build_knew(open_page: Callable[..., Any], site_url: str) -> None:
    expired = {pid for pid, status in ON_BUILD_DAY.items() if status == "expired"}
    [revoked] = [pid for pid, status in ON_BUILD_DAY.items() if status == "revoked"]
    assert expired and "expiring" in ON_BUILD_DAY.values()
    page = open_page()
    page.clock.set_fixed_time(RESET_CLOCK)
    for pid, words in ((min(expired), "Đã hết hạn từ "), (revoked, "Đã bị thu hồi từ 10/05/2026")):
        page.goto(f"{site_url}/p/{pid}/")
        assert page.locator("article.ocop-product").get_attribute("data-ocop-status") == ON_BUILD_DAY[pid]
        assert page.locator("p.ocop-status").inner_text().startswith(words)
        assert "#ffc83d" not in page.locator(".ocop-product__badge svg.ocop-badge").evaluate("e => e.outerHTML"), "bright stars"
    page.goto(f"{site_url}/products/")
    assert ids_with_status(page, ".ocop-listing li.ocop-card") == ON_BUILD_DAY, "the listing's cards"
    # The finder shows certificates in force unless told otherwise: asked for each number of stars,
    # it finds together exactly the products in force on the build day.
    in_force: dict[str, str] = {}
    for stars in (3, 4, 5):
        in_force |= finder_results(page, f"{site_url}/products/?stars={stars}")
    assert in_force == {pid: ON_BUILD_DAY[pid] for pid in IN_FORCE_ON_BUILD_DAY}, "the finder's certificates in force"
    assert set(finder_results(page, f"{site_url}/en/products/?status=expired")) == expired
    page.goto(f"{site_url}/check/")
    for query, state in ((revoked, "revoked"), (CATALOGUE.products[min(expired)].certificate.number, "expired")):
        page.fill("#ocop-check-input", query)
        page.click("form.ocop-check button")
        assert page.locator("#ocop-check-result [data-ocop-status]").get_attribute("data-ocop-status") == state, query
    page.goto(f"{site_url}/kiosk/")
    tiles = ids_with_status(page, ".ocop-listing li.ocop-card")
    assert tiles == {pid: ON_BUILD_DAY[pid] for pid in IN_FORCE_ON_BUILD_DAY}, "the kiosk's tiles"
    assert set(finder_results(page, f"{site_url}/kiosk/?status=expired")) == expired, "the kiosk's finder"


# The status rule on both sides (STYLE.md §13): catalogue/status.py at build time, ocop-status.js in the
# browser. Given the build day, both must say the same of every certificate, whatever the viewer's clock.
TIME_ZONE = CATALOGUE.settings.timezone
EXPIRING_DAYS = CATALOGUE.settings.expiring_within_days
CERTIFICATES = [  # (expires, revoked on); the build day is 2026-11-28
    (date(2026, 10, 29), None),  # expired a month before the build
    (date(2026, 11, 27), None),  # the day before
    (date(2026, 11, 28), None),  # on the build day itself
    (date(2026, 11, 29), None),
    (date(2027, 2, 26), None),  # the last day of the expiring window on the build day
    (date(2027, 2, 27), None),  # the first day after it
    (date(2027, 6, 14), None),
    (date(2030, 1, 1), None),
    (date(2027, 6, 14), date(2026, 5, 10)),  # revoked before the build
    (date(2027, 6, 14), date(2026, 11, 28)),  # revoked on the build day
    (date(2027, 6, 14), date(2027, 1, 1)),  # revoked after the build
    (date(2027, 6, 14), date(2027, 6, 15)),  # revoked the day after it expired
    (date(2025, 1, 1), date(2024, 6, 1)),  # revoked, then expired
]
VIEWERS = [  # the viewer's clock; the device's own time zone is Los Angeles, where the day often differs
    "2020-01-01T09:00:00+07:00",  # a reset phone
    "2026-11-27T23:59:00+07:00",  # a minute before the build day, in the catalogue's time zone
    "2026-11-27T17:30:00+00:00",  # already the build day in Vietnam (00:30), not in UTC or Los Angeles
    "2026-11-28T12:00:00+07:00",
    "2027-02-27T08:00:00+07:00",
    "2027-06-14T23:00:00+07:00",  # the last day of a certificate
    "2027-06-14T17:30:00+00:00",  # the day after it in Vietnam (00:30 on the 15th)
    "2031-01-01T09:00:00+07:00",
]


def status_by_python(expires: date, revoked: date | None, viewer: str, lang: str) -> dict[str, str]:
    """What the build would say with the build-date rule: today is the later of the viewer's day and the build day."""
    today = max(datetime.fromisoformat(viewer).astimezone(ZoneInfo(TIME_ZONE)).date(), TODAY)
    status = certificate_status(expires, revoked, today, EXPIRING_DAYS)
    return {"state": status.value, "words": status_words(status, expires, revoked, today, lang)}


def status_by_browser(page: Any, viewer: str, lang: str, without_time_zones: bool = False) -> list[dict[str, str]]:
    """ocop-status.js on a blank page at the viewer's clock: its status of each of CERTIFICATES."""
    texts = json.dumps(status_texts(lang, EXPIRING_DAYS, TODAY, TIME_ZONE)).replace("<", "\\u003c")
    page.clock.set_fixed_time(viewer)
    page.set_content(f'<script type="application/json" id="ocop-status-texts">{texts}</script>')
    if without_time_zones:  # as in a browser built without time zone data
        page.evaluate("() => { Intl.DateTimeFormat = function () { throw new RangeError('no time zones'); }; }")
    page.add_script_tag(path=str(REPO / "overrides" / "assets" / "ocop-status.js"))
    # The dates come as the build writes them beside the ISO ones (the browser formats none).
    cases = [
        [
            expires.isoformat(),
            revoked.isoformat() if revoked else None,
            {"expires": format_date(expires, lang), "revoked": format_date(revoked, lang) if revoked else None},
        ]
        for expires, revoked in CERTIFICATES
    ]
    return page.evaluate("cases => cases.map(([expires, revoked, dates]) => window.ocopStatus(expires, revoked, dates))", cases)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_browser_and_the_build_agree_on_status(open_page: Callable[..., Any], lang: str) -> None:
    page = open_page(timezone_id="America/Los_Angeles")
    for viewer in VIEWERS:
        expected = [status_by_python(expires, revoked, viewer, lang) for expires, revoked in CERTIFICATES]
        assert status_by_browser(page, viewer, lang) == expected, viewer
    for viewer in (VIEWERS[2], VIEWERS[6]):  # the zone's offset on the build day stands in
        expected = [status_by_python(expires, revoked, viewer, lang) for expires, revoked in CERTIFICATES]
        assert status_by_browser(page, viewer, lang, without_time_zones=True) == expected, viewer


# A server shows its 404 page at whatever address was asked for; its links must lead to real pages from there.
@pytest.mark.parametrize(
    ("path", "lang", "home"),
    [
        ("khong/co/trang/nay/", "vi", "Về trang chủ"),
        ("en/no/such/page/at/all/", "en", "Go to the home page"),
        ("zh/mei/you/", "zh", "返回首页"),
    ],
)
def test_the_not_found_page_links_lead_to_real_pages(open_page: Callable[..., Any], site_url: str, path: str, lang: str, home: str) -> None:
    public = CATALOGUE.settings.site_url
    page = open_page()
    response = page.goto(f"{site_url}/{path}")
    assert response.status == 404 and page.locator("html").get_attribute("lang") == html_lang(lang)
    links = {code: page.locator(f'.md-header a.md-select__link[hreflang="{html_lang(code)}"]').get_attribute("href") for code in LANGUAGES}
    links["home"] = page.get_by_role("link", name=home).get_attribute("href")
    assert links == {"vi": public, "en": f"{public}en/", "zh": f"{public}zh/", "home": links[lang]}
    for code in LANGUAGES:
        # The links name the public site; the same paths on the test server are the pages they open.
        response = page.goto(site_url + "/" + links[code].removeprefix(public))
        assert response.status == 200 and page.locator("html").get_attribute("lang") == html_lang(code)
        assert page.locator("h1").first.inner_text() == localized_text(CATALOGUE.settings, "site_name", code)


def test_switch_to_chinese_keeps_the_product(open_page: Callable[..., Any], site_url: str) -> None:
    phone = open_page(**PHONE)
    phone.goto(f"{site_url}/p/mat-ong-pa-u/")
    phone.locator(".md-header .md-select > button").tap()
    chinese = phone.locator('.md-header a.md-select__link[hreflang="zh-Hans"]')
    chinese.wait_for(state="visible")
    assert chinese.inner_text() == "简体中文"
    chinese.tap()
    phone.wait_for_url(lambda url: url != f"{site_url}/p/mat-ong-pa-u/")
    assert phone.url == f"{site_url}/zh/p/mat-ong-pa-u/"
    assert phone.locator("article.ocop-product").get_attribute("data-ocop-id") == "mat-ong-pa-u"
    assert phone.locator("html").get_attribute("lang") == "zh-Hans"


# Chinese is written without spaces: the index holds its words (segmented by jieba when the site is built)
# and its whole runs, so that a word of a title and the whole title typed at once both find the page.
@pytest.mark.parametrize("query", ["证书", "查验证书", "如何查验证书"])
def test_theme_search_finds_chinese_words(open_page: Callable[..., Any], site_url: str, query: str) -> None:
    page = open_page()
    page.goto(f"{site_url}/zh/?q={query}")
    results = page.locator(".md-search-result__item > a h1")
    results.first.wait_for()
    titles = [title.replace("\u200b", "") for title in results.all_inner_texts()]  # the zero-width spaces between the words
    assert "如何查验证书" in titles, query


def test_theme_search_index_waits_until_the_search_is_used(open_page: Callable[..., Any], site_url: str) -> None:
    # The theme's script asks for its index as a page starts; the page holds that request back until
    # the reader turns to the search (overrides/main.html), so a first view does not download it.
    page = open_page(**PHONE)
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url) if "search_index" in request.url else None)
    page.goto(f"{site_url}/p/mat-ong-pa-u/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert asked == []
    page.locator(".md-header label[for=__search]").first.tap()
    page.locator("input.md-search__input").press_sequentially("mat ong", delay=50)
    page.locator(".md-search-result__item").first.wait_for()
    assert asked == [f"{site_url}/search/search_index.json"]
