"""The certificate check in a real browser (Debian's Chromium) for numbers that are no longer current:
an earlier certificate of a renewed or upgraded product, and a product withdrawn from the catalogue.

Skipped without Chromium, except under CI=true, where they fail (tests/browser.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from .browser import PHONE, horizontal_overflow, run_axe
from .test_browser import SCREENSHOTS, check, report_axe
from .test_history import RENEWED, UPGRADED, WITHDRAWN


def check_at(open_page: Callable[..., Any], url: str, query: str, now: str) -> Any:
    """The check's result box for `query`, with the viewer's clock at `now`."""
    page = open_page()
    page.clock.set_fixed_time(now)
    page.goto(url)
    page.fill("#ocop-check-input", query)
    page.click("form.ocop-check button")
    return page.locator("#ocop-check-result")


@pytest.mark.parametrize("query", ["GCN-OCOP-LC-2021-015", "gcn ocop lc 2021 015"])
def test_an_earlier_number_of_the_renewed_product_shows_what_replaced_it(open_page: Callable[..., Any], site_url: str, query: str) -> None:
    result = check(open_page, f"{site_url}/check/", query)
    hit = result.locator(".ocop-check__hit")
    assert hit.get_attribute("data-ocop-earlier") == "GCN-OCOP-LC-2021-015"
    assert result.locator(".ocop-check__replaced").inner_text() == (
        "GCN-OCOP-LC-2021-015 là số của một giấy chứng nhận trước đây của sản phẩm này (cấp ngày 14/06/2021, 4 sao). "
        "Giấy chứng nhận đó đã được thay bằng giấy chứng nhận số GCN-OCOP-LC-2024-012, cấp ngày 14/06/2024."
    )
    assert result.locator(".ocop-check__today").inner_text() == "Hôm nay sản phẩm có:"
    assert result.locator("a").inner_text() == "Gạo Séng Cù Mường Than"
    assert result.locator("a").get_attribute("href") == f"../p/{RENEWED}/"
    assert result.locator(".ocop-check__current").inner_text() == "GCN-OCOP-LC-2024-012 · OCOP ★★★★"
    assert result.locator(".ocop-status").inner_text() == "Còn hiệu lực"
    assert result.locator(".ocop-check__withdrawn").count() == 0


def test_the_product_today_follows_the_viewers_clock(open_page: Callable[..., Any], site_url: str) -> None:
    # The current certificate of gao-seng-cu-muong-than ends on 14/06/2027: today's status, not the build's.
    result = check_at(open_page, f"{site_url}/en/check/", "GCN-OCOP-LC-2021-015", "2027-06-15T09:00:00+07:00")
    assert result.locator(".ocop-check__hit").get_attribute("data-ocop-status") == "expired"
    assert result.locator(".ocop-status").inner_text() == "Expired on 14 Jun 2027: this is no longer an OCOP-certified product"


def test_an_earlier_number_of_the_upgraded_product_shows_the_stars_it_had_and_has(open_page: Callable[..., Any], site_url: str) -> None:
    result = check(open_page, f"{site_url}/en/check/", "GCN-OCOP-LC-2019-021")
    assert result.locator(".ocop-check__replaced").inner_text() == (
        "GCN-OCOP-LC-2019-021 is an earlier certificate of this product (issued on 30 Jul 2019, 3-star). "
        "It was replaced by certificate GCN-OCOP-LC-2022-012, issued on 30 Jul 2022."
    )
    assert result.locator(".ocop-check__today").inner_text() == "What the product holds today:"
    assert result.locator(".ocop-check__name a").get_attribute("href") == f"../p/{UPGRADED}/"  # from en/check/: the English page
    assert result.locator(".ocop-check__current").inner_text() == "GCN-OCOP-LC-2024-040 · OCOP ★★★★"
    assert result.locator(".ocop-status").inner_text() == "Valid"


@pytest.mark.parametrize(
    ("prefix", "line"),
    [
        ("", "Sản phẩm không còn trong danh mục từ ngày 30/09/2026. Lý do: "),
        ("en/", "This product left the catalogue on 30 Sep 2026. Reason: "),
    ],
)
def test_a_withdrawn_products_number_is_found_with_its_notice(open_page: Callable[..., Any], site_url: str, prefix: str, line: str) -> None:
    result = check(open_page, f"{site_url}/{prefix}check/", "GCN-OCOP-LC-2025-035")
    assert result.locator("a").get_attribute("href") == f"../p/{WITHDRAWN}/"
    assert result.locator(".ocop-check__replaced").count() == 0
    assert result.locator(".ocop-status").inner_text() in ("Còn hiệu lực", "Valid")
    notice = result.locator(".ocop-check__withdrawn")
    assert notice.inner_text() == line + "Công ty ngừng sản xuất rượu sâm để tập trung vào sâm tươi và trà hoa sâm."
    assert notice.locator("span").get_attribute("lang") == (None if prefix == "" else "vi")


@pytest.mark.parametrize("path", [f"p/{UPGRADED}/", f"en/p/{WITHDRAWN}/"])
def test_history_and_notice_fit_a_phone_and_pass_axe(open_page: Callable[..., Any], site_url: str, path: str) -> None:
    page = open_page(**PHONE)
    page.goto(f"{site_url}/{path}")
    problem = horizontal_overflow(page, PHONE["viewport"]["width"])
    assert problem is None, problem
    axe = run_axe(page)
    report_axe(page.url, axe["violations"], axe["incomplete"])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"phone-history-{path.strip('/').replace('/', '-')}.png"), full_page=True)


def test_the_check_result_for_an_earlier_number_fits_a_phone_and_passes_axe(open_page: Callable[..., Any], site_url: str) -> None:
    page = open_page(**PHONE)
    page.goto(f"{site_url}/check/")
    page.fill("#ocop-check-input", "GCN-OCOP-LC-2022-012")
    page.click("form.ocop-check button")
    page.locator(".ocop-check__replaced").wait_for()
    problem = horizontal_overflow(page, PHONE["viewport"]["width"])
    assert problem is None, problem
    axe = run_axe(page)
    report_axe(page.url, axe["violations"], axe["incomplete"])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "phone-check-earlier-number-vi.png"), full_page=True)
