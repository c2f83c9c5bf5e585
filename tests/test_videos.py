"""Videos on product pages (issue 15, item 7): a poster that asks nothing of the video's host until
it is tapped; YouTube's privacy-enhanced player then, and a plain link from file://."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from catalogue.hosting.policy import content_security_policy
from catalogue.pages.video import player_url, youtube_id

from .browser import BLOCKING_IMPACTS, PHONE, describe_violations, run_axe
from .site_fixture import soup
from .test_site import CATALOGUE

FILMED = "tra-dong-phuong-my-nhan"  # a YouTube report and a page on the province's television site
PLAYER = "https://www.youtube-nocookie.com/embed/ocopDemo001?autoplay=1&rel=0"


@pytest.mark.parametrize(
    ("url", "video"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ"),
        ("https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ", "dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
        ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
        ("https://www.youtube.com/watch?v=short", None),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ%22onload", None),
        ("https://www.youtube.com/channel/UCabcdefghijk", None),
        ("https://youtube.com.example/watch?v=dQw4w9WgXcQ", None),
        ("https://truyenhinh.laichau.example.vn/video/1", None),
    ],
)
def test_youtube_links_are_recognised_and_nothing_else(url: str, video: str | None) -> None:
    assert youtube_id(url) == video
    assert player_url(url) == (f"https://www.youtube-nocookie.com/embed/{video}?autoplay=1&rel=0" if video else None)


def test_the_policy_allows_only_the_privacy_enhanced_player_as_a_frame() -> None:
    directives = [d.strip() for d in content_security_policy([]).split(";")]
    assert [d for d in directives if d.startswith(("frame-src", "child-src"))] == ["frame-src https://www.youtube-nocookie.com"]


@pytest.mark.parametrize("prefix", ["", "en/", "zh/"])
def test_the_built_page_has_posters_and_no_player(demo_site: Path, prefix: str) -> None:
    page = soup(demo_site / prefix / "p" / FILMED / "index.html")
    items = page.select(".ocop-videos li.ocop-video")
    product = CATALOGUE.products[FILMED]
    assert [item.select_one(".ocop-video__poster")["href"] for item in items] == [video.url for video in product.videos]
    assert [item.get("data-ocop-player") for item in items] == [PLAYER, None]
    assert [item.select_one(".ocop-video__title").contents[0].strip() for item in items] == [video.title for video in product.videos]
    assert not page.select("iframe, video")
    outside = [el.get("src") for el in page.select("[src]") if "//" in el.get("src", "")]
    assert outside == [], "nothing from another host loads with the page"
    assert not soup(demo_site / prefix / "p" / "mat-ong-pa-u" / "index.html").select(".ocop-videos"), "no videos, no section"


def test_a_tap_loads_the_player_in_the_posters_place(open_page: Callable[..., Any], site_url: str) -> None:
    page = open_page(**PHONE)
    requests: list[str] = []
    page.context.on("request", lambda request: requests.append(request.url))
    stand_in = "<title>player</title>"  # the player's host, answered here: the test makes no request off the machine
    page.context.route("https://www.youtube-nocookie.com/**", lambda route: route.fulfill(body=stand_in, content_type="text/html"))
    page.goto(f"{site_url}/p/{FILMED}/")
    page.wait_for_load_state("networkidle")
    assert [url for url in requests if not url.startswith(site_url)] == [], "no request to another host before the tap"
    poster = page.locator(".ocop-video__poster").first
    poster.scroll_into_view_if_needed()
    before = poster.bounding_box()
    poster.click()
    player = page.locator("iframe.ocop-video__player")
    player.wait_for()
    assert player.get_attribute("src") == PLAYER
    assert player.bounding_box() == pytest.approx(before, abs=1), "the player takes the poster's box"
    page.wait_for_load_state("networkidle")
    assert {url.split("?")[0] for url in requests if not url.startswith(site_url)} == {PLAYER.split("?")[0]}
    # The other video is on a host with no player the site allows: it stays a link.
    assert page.locator(".ocop-video").nth(1).locator("a.ocop-video__poster").count() == 1
    blocking = [v for v in run_axe(page)["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, describe_violations(page.url, blocking)


def test_from_file_the_poster_is_a_plain_link(open_page: Callable[..., Any], demo_site: Path) -> None:
    page = open_page(**PHONE)
    requests: list[str] = []
    page.context.on("request", lambda request: requests.append(request.url))
    page.goto((demo_site / "p" / FILMED / "index.html").as_uri())
    page.wait_for_load_state("load")
    # Record whether the page's own script took the tap, and keep the test from leaving for the host.
    page.evaluate(
        """() => window.addEventListener("click", (event) => {
             window.ocopTaken = event.defaultPrevented;
             event.preventDefault();
           })"""
    )
    page.locator(".ocop-video__poster").first.click()
    assert page.evaluate("window.ocopTaken") is False
    assert page.locator("iframe").count() == 0
    assert [url for url in requests if not url.startswith("file://")] == []
