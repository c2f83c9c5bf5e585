"""Chromium through the repository's nginx: the pages that run scripts (home, all products with the
finder, a product page, the certificate check, the dashboard, the kiosk) in every language, under
the Content-Security-Policy the build wrote. No policy violation, no script error, and the
scripts did their work (the finder listed results, the check answered)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from catalogue.hosting.policy import language_prefixes

from .test_site import CATALOGUE, PRODUCTS

# Recorded from the first script on: a violation is an event on the document.
_RECORD = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ${where}`);
});
"""


def _use_finder(page: Any) -> None:
    page.locator("form.ocop-finder").wait_for()  # shown by its script
    page.fill("form.ocop-finder input[name=q]", "mat ong")
    page.wait_for_function("() => document.querySelectorAll('.ocop-finder__results li.ocop-card').length > 0")


def _use_check(page: Any) -> None:
    page.fill("#ocop-check-input", PRODUCTS[0].certificate.number)
    page.click("form.ocop-check button")
    page.locator("#ocop-check-result [data-ocop-status]").wait_for()


def _use_search(page: Any) -> None:
    """The theme's search: its worker loads the search index."""
    page.locator("input.md-search__input").press_sequentially("mat ong", delay=50)  # key by key: the theme searches on keys
    page.locator(".md-search-result__item").first.wait_for()


PAGES: list[tuple[str, Callable[[Any], None] | None]] = [
    ("", _use_search),
    ("products/", _use_finder),
    (f"p/{PRODUCTS[0].id}/", None),
    ("check/", _use_check),
    ("dashboard/", None),
    ("kiosk/", _use_finder),
]


@pytest.mark.parametrize("prefix", language_prefixes(CATALOGUE.settings.languages))
def test_pages_run_under_the_policy_without_a_violation_or_an_error(open_page: Callable[..., Any], nginx_origin: str, prefix: str) -> None:
    page = open_page()
    page.add_init_script(_RECORD)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    page.on("console", lambda message: errors.append(f"{page.url}: {message.text}") if message.type == "error" else None)
    for path, use in PAGES:
        response = page.goto(nginx_origin + prefix + path)
        assert response is not None and response.status == 200, path
        assert "unsafe-inline" not in response.headers["content-security-policy"].split("script-src")[1].split(";")[0]
        page.wait_for_load_state("networkidle")
        if use:
            use(page)
        violations = page.evaluate("window.__violations")
        assert violations == [], f"{prefix}{path}: {violations}"
    assert errors == []
