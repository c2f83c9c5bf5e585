"""Sharing and chatting (issue 15, item 1) and the decision document on the certificate check
(item 3): the share box of product pages shares the page's public address by the phone's share
sheet, Zalo, Facebook or a copied link; a producer's Zalo number opens a Zalo chat; the check page
links the recognition decision of the certificate it finds, current or earlier.

The browser tests stub the Web Share API and the clipboard (headless Chromium has neither a share
sheet nor a user to paste); they are skipped without Chromium, except under CI=true.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from catalogue.pages.share import facebook_share_href, zalo_href, zalo_share_href
from catalogue.urls import Urls

from .browser import DESKTOP, PHONE, run_axe
from .conftest import REPO
from .site_fixture import soup
from .test_browser import report_axe
from .test_history import RENEWED, UPGRADED

SITE_URL = yaml.safe_load((REPO / "catalogue.yaml").read_text(encoding="utf-8"))["site_url"]
WITH_ZALO, WITHOUT_ZALO = "mien-dong-binh-lu", "hong-tra-tam-duong"  # htx-mien-dong-binh-lu has a Zalo number


def zalo_shared(href: str) -> str:
    """The address a Zalo share link shares (base64 of {"url": …} in its `d` parameter)."""
    assert href.startswith("https://button-share.zalo.me/share_external?"), href
    return json.loads(base64.b64decode(parse_qs(urlsplit(href).query)["d"][0]))["url"]


# The links ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("digits", "href"),
    [("0912345678", "https://zalo.me/0912345678"), ("02133876000", "https://zalo.me/02133876000")],
)
def test_a_zalo_number_opens_a_chat(digits: str, href: str) -> None:
    assert zalo_href(digits) == href


@pytest.mark.parametrize("url", ["https://ocop-laichau.example/p/che-shan/", "https://x.example/en/p/a/?q=1&r=\"'<>"])
def test_share_links_carry_the_address_whole(url: str) -> None:
    assert zalo_shared(zalo_share_href(url)) == url
    facebook = facebook_share_href(url)
    assert facebook.startswith("https://www.facebook.com/sharer/sharer.php?u=")
    assert parse_qs(urlsplit(facebook).query)["u"] == [url]
    assert not re.search(r"[\"'<> ]", facebook + zalo_share_href(url))  # nothing that could leave an attribute


# The built demo site --------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "en/", "zh/"])
def test_product_pages_share_their_public_address(demo_site: Path, prefix: str) -> None:
    page = soup(demo_site / prefix / "p" / UPGRADED / "index.html")
    box = page.select_one(".ocop-share")
    url = f"{SITE_URL}{prefix}p/{UPGRADED}/"
    assert box["data-ocop-share-url"] == url
    name = page.select_one(".ocop-product__head h1").get_text(strip=True)
    assert box["data-ocop-share-title"] == name
    assert box["data-ocop-share-text"].startswith(f"{name} – OCOP")
    assert zalo_shared(box.select_one("a.ocop-share__zalo")["href"]) == url
    assert parse_qs(urlsplit(box.select_one("a.ocop-share__facebook")["href"]).query)["u"] == [url]
    # The share sheet and "copy link" need the script: hidden until it shows them.
    assert box.select_one(".ocop-share__native").has_attr("hidden") and box.select_one(".ocop-share__copy").has_attr("hidden")
    script = box.select_one("script")["src"]
    assert (demo_site / prefix / "p" / UPGRADED / script).resolve() == (demo_site / prefix / "assets" / "ocop-share.js").resolve()
    assert (demo_site / prefix / "assets" / "ocop-share.js").is_file()


def test_every_product_page_has_one_share_box(demo_site: Path) -> None:
    pages = sorted((demo_site / "p").glob("*/index.html"))
    assert len(pages) >= 20
    for path in pages:
        boxes = soup(path).select(".ocop-share")
        assert len(boxes) == 1, path
        assert boxes[0]["data-ocop-share-url"] == f"{SITE_URL}p/{path.parent.name}/"


@pytest.mark.parametrize(("prefix", "label"), [("", "Nhắn Zalo số 0868 304 117"), ("en/", "Chat on Zalo with 0868 304 117")])
def test_the_producers_zalo_number_opens_a_chat(demo_site: Path, prefix: str, label: str) -> None:
    producer = soup(demo_site / prefix / "p" / WITH_ZALO / "index.html").select_one(".ocop-producer")
    link = producer.select_one("a.ocop-zalo")
    assert (link["href"], link.get_text(), link["aria-label"]) == ("https://zalo.me/0868304117", "0868 304 117", label)
    without = soup(demo_site / "p" / WITHOUT_ZALO / "index.html").select_one(".ocop-producer")
    assert without.select_one("a.ocop-zalo") is None and "Zalo" not in without.get_text()


def check_data(site: Path, lang: str) -> dict[str, Any]:
    """window.OCOP_CHECK of a language, with its tables as records."""
    text = (site / Urls.check_data(lang)).read_text(encoding="utf-8")
    data = json.loads(text.removeprefix("window.OCOP_CHECK = ").removesuffix(";\n"))
    products = {row[0]: dict(zip(data["fields"], row, strict=True)) for row in data["products"]}
    earlier = {row[1]: dict(zip(data["earlier_fields"], row, strict=True)) for row in data["earlier"]}
    return {"products": products, "earlier": earlier}


def test_the_check_data_carries_the_decision_and_its_document(demo_site: Path) -> None:
    data = check_data(demo_site, "vi")
    upgraded = data["products"][UPGRADED]
    assert (upgraded["decision"], upgraded["decision_url"]) == ("1390/QĐ-UBND", "https://laichau.example/van-ban/1390-qd-ubnd-2024")
    renewed = data["products"][RENEWED]
    assert (renewed["decision"], renewed["decision_url"]) == ("1012/QĐ-UBND", None)
    assert data["earlier"]["GCN-OCOP-LC-2022-012"]["decision_url"] == "https://laichau.example/van-ban/1205-qd-ubnd-2022"
    assert data["earlier"]["GCN-OCOP-LC-2019-021"]["decision_url"] is None


# In a browser ----------------------------------------------------------------------------------

# Runs before the page's scripts: a share sheet and a clipboard that record what they are given.
STUB_SHARE = """
window.__shared = [];
navigator.share = function (data) { window.__shared.push(data); return Promise.resolve(); };
navigator.canShare = function () { return true; };
"""
STUB_CLIPBOARD = """
window.__copied = [];
Object.defineProperty(navigator, "clipboard", {
  value: { writeText: function (text) { window.__copied.push(text); return Promise.resolve(); } }
});
"""


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_share_button_opens_the_share_sheet_with_the_public_address(open_page: Callable[..., Any], site_url: str, size: dict) -> None:
    page = open_page(**size)
    page.add_init_script(STUB_SHARE)
    page.goto(f"{site_url}/en/p/{UPGRADED}/")
    button = page.locator(".ocop-share__native")
    assert button.is_visible() and button.inner_text() == "Share"
    button.click()
    shared = page.evaluate("window.__shared")
    name = page.locator(".ocop-product__head h1").inner_text()
    assert shared == [{"title": name, "text": f"{name} – OCOP 4-star", "url": f"{SITE_URL}en/p/{UPGRADED}/"}]


def test_without_a_share_sheet_the_link_is_copied(open_page: Callable[..., Any], site_url: str) -> None:
    page = open_page(**PHONE)
    page.add_init_script("delete Navigator.prototype.share; delete Navigator.prototype.canShare;" + STUB_CLIPBOARD)
    page.goto(f"{site_url}/p/{UPGRADED}/")
    assert not page.locator(".ocop-share__native").is_visible()
    assert page.locator("a.ocop-share__zalo").is_visible() and page.locator("a.ocop-share__facebook").is_visible()
    page.locator(".ocop-share__copy").click()
    said = page.locator(".ocop-share__said")
    said.filter(has_text="Đã sao chép").wait_for()
    assert page.evaluate("window.__copied") == [f"{SITE_URL}p/{UPGRADED}/"]
    assert said.inner_text() == "Đã sao chép liên kết."


def test_a_failed_copy_shows_the_link_to_copy_by_hand(open_page: Callable[..., Any], site_url: str) -> None:
    page = open_page(**PHONE)
    fail = 'Object.defineProperty(navigator, "clipboard", { value: { writeText: () => Promise.reject(new Error("no")) } });'
    page.add_init_script(fail)
    page.goto(f"{site_url}/en/p/{UPGRADED}/")
    page.locator(".ocop-share__copy").click()
    said = page.locator(".ocop-share__said")
    said.filter(has_text="Could not copy").wait_for()
    assert said.inner_text() == f"Could not copy. The link: {SITE_URL}en/p/{UPGRADED}/"


def test_the_share_box_passes_axe_on_a_phone(open_page: Callable[..., Any], site_url: str) -> None:
    page = open_page(**PHONE)
    page.add_init_script(STUB_SHARE)
    url = f"{site_url}/p/{WITH_ZALO}/"
    page.goto(url)
    assert page.locator(".ocop-share__native").is_visible()
    report_axe(url, **run_axe(page))


def check(open_page: Callable[..., Any], url: str, query: str) -> Any:
    page = open_page(**PHONE)
    page.goto(url)
    page.fill("#ocop-check-input", query)
    page.click("form.ocop-check button")
    return page.locator("#ocop-check-result")


def test_the_check_links_the_current_decision(open_page: Callable[..., Any], site_url: str) -> None:
    result = check(open_page, f"{site_url}/check/", "GCN-OCOP-LC-2024-040")
    decision = result.locator(".ocop-check__decision")
    assert decision.inner_text() == "Quyết định công nhận: 1390/QĐ-UBND"
    assert decision.locator("a").get_attribute("href") == "https://laichau.example/van-ban/1390-qd-ubnd-2024"


def test_a_decision_without_a_document_is_plain_text(open_page: Callable[..., Any], site_url: str) -> None:
    result = check(open_page, f"{site_url}/en/check/", "GCN-OCOP-LC-2024-012")
    decision = result.locator(".ocop-check__decision")
    assert decision.inner_text() == "Recognition decision: 1012/QĐ-UBND"
    assert decision.locator("a").count() == 0


def test_an_earlier_number_links_its_own_decision_document(open_page: Callable[..., Any], site_url: str) -> None:
    result = check(open_page, f"{site_url}/en/check/", "GCN-OCOP-LC-2022-012")
    decisions = result.locator(".ocop-check__decision")
    assert decisions.count() == 2  # the earlier certificate's, then today's
    earlier = decisions.nth(0).locator("a")
    assert earlier.inner_text() == "Decision document"
    assert earlier.get_attribute("href") == "https://laichau.example/van-ban/1205-qd-ubnd-2022"
    assert earlier.get_attribute("aria-label") == "Decision document – GCN-OCOP-LC-2022-012"
    assert decisions.nth(1).locator("a").inner_text() == "1390/QĐ-UBND"
    # Nothing for an earlier certificate with no document of its own.
    assert check(open_page, f"{site_url}/en/check/", "GCN-OCOP-LC-2019-021").locator(".ocop-check__decision").count() == 1
