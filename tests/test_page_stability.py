"""Pages hold still while they load: on a phone, through the repository's nginx (as the site is
published), the browser's own layout-shift measure (what Lighthouse scores as CLS) stays near zero.

The Tam Đường black tea has a portrait photo beside a landscape one under its cover: a photo of the
first screen that loads lazily has no height until Chromium decides to fetch it, and the certificate
under the gallery jumped down by a quarter of the screen (a shift of 0.03)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from catalogue.hosting.policy import language_prefixes

from .browser import PHONE
from .test_site import CATALOGUE

# Every shift from the first paint on. The test neither taps nor types, but Chromium marks the first
# shifts of an emulated phone as following input (`hadRecentInput`), so that mark is not used.
RECORD_SHIFTS = """
window.ocopShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const moved = entry.sources.map((source) => source.node ? source.node.className || source.node.nodeName : "?");
    window.ocopShifts.push({value: entry.value, moved: moved});
  }
}).observe({type: "layout-shift", buffered: true});
"""
# The theme shows its search button when its script starts, which moves the language button by its
# width: about 0.001. Google calls a page stable under 0.1.
MOST = 0.01


@pytest.mark.parametrize("path", ["p/hong-tra-tam-duong/", "products/"])
@pytest.mark.parametrize("prefix", language_prefixes(CATALOGUE.settings.languages))
def test_the_first_screen_does_not_jump(open_page: Callable[..., Any], nginx_origin: str, prefix: str, path: str) -> None:
    page = open_page(**PHONE)
    page.add_init_script(RECORD_SHIFTS)
    page.goto(nginx_origin + prefix + path)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)  # a last frame after the status script and the photos
    shifts = page.evaluate("window.ocopShifts")
    total = sum(shift["value"] for shift in shifts)
    assert total < MOST, f"{prefix}{path} moved by {total:.4f} while loading: {shifts}"
