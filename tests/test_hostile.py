"""Hostile text in every field: each value is refused at its file and line, or built and inert.

tests/fixtures/hostile/ is a catalogue in which every text of the products, the producer and the
settings carries a formula start, attribute break-outs, a tag with an event handler, closing tags
and a script (the number in each alert() names its field). It is built once; then no page holds
markup from the data, Chromium opens every page (both languages, the finder, the theme's search
with ?q=, the certificate check) and no script from the data runs, and no exported cell starts a
formula.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from catalogue.sitebuild import build_site
from catalogue.validate import validate

from .browser import serve
from .conftest import FIXTURES
from .site_fixture import TODAY

HOSTILE = FIXTURES / "hostile"

# Runs in every page before its own scripts: dialogs are recorded instead of shown.
RECORD_DIALOGS = """
window.__ocopDialogs = [];
["alert", "confirm", "prompt"].forEach(function (name) {
  window[name] = function (message) { window.__ocopDialogs.push(name + ":" + String(message)); };
});
"""
# Elements that only an injection could have made: an <img src=x>, an event-handler attribute from the
# data, or an inline script calling alert().
INJECTED_ELEMENTS = """() => {
  const found = [];
  document.querySelectorAll("img[src='x'], [onerror], [onmouseover]").forEach((el) => found.push(el.outerHTML.slice(0, 120)));
  document.querySelectorAll("script:not([src])").forEach((el) => {
    const runs = !el.type || el.type === "text/javascript" || el.type === "module";  // JSON in a data script is not run
    if (runs && el.textContent.includes("alert(")) found.push(el.outerHTML.slice(0, 120));
  });
  return found;
}"""


def make_hostile_catalogue(root: Path) -> Path:
    """Copy the hostile catalogue into `root` and draw its one photo; return `root`."""
    shutil.copytree(HOSTILE, root, dirs_exist_ok=True)
    (root / "products" / "images").mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (64, 48), (90, 140, 60)).save(root / "products" / "images" / "hostile.jpg")
    return root


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile catalogue, built."""
    root = make_hostile_catalogue(tmp_path_factory.mktemp("hostile") / "cat")
    site = root.parent / "site"
    with open(os.devnull, "w") as quiet:
        report, summary = build_site(root / "products", root / "producers", site, today=TODAY, stream=quiet)
    assert summary is not None, report.to_text()
    return site


def injected_markup(page: str) -> list[str]:
    """Elements of a page that only a value from the data could have made: an <img src=x>, an event
    handler attribute, a script that calls alert() (JSON in a data script is not run)."""
    soup = BeautifulSoup(page, "html.parser")
    found = [str(tag)[:100] for tag in soup.find_all("img", src="x")]
    found += [f"<{tag.name} {name}=...>" for tag in soup.find_all(True) for name in tag.attrs if name.lower().startswith("on")]
    scripts = soup.find_all("script", type=lambda kind: kind in (None, "", "text/javascript", "module"))
    return found + [str(script)[:100] for script in scripts if "alert(" in script.get_text()]


def test_no_page_holds_markup_from_the_data(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 100
    injected = {str(p.relative_to(hostile_site)): injected_markup(p.read_text(encoding="utf-8")) for p in pages}
    assert {page: found for page, found in injected.items() if found} == {}
    # The text is there, as text: the product page shows the hostile name escaped.
    product = (hostile_site / "p" / "hostile-product" / "index.html").read_text(encoding="utf-8")
    assert "onerror=alert(40)&gt;" in product


def _visit(page: Any, url: str) -> list[str]:
    page.goto(url, wait_until="load")
    return page.evaluate("() => window.__ocopDialogs") + page.evaluate(INJECTED_ELEMENTS)


def test_no_script_from_the_data_runs_in_chromium(hostile_site: Path, browser: Any) -> None:
    context = browser.new_context()
    context.set_default_timeout(10_000)
    context.add_init_script(RECORD_DIALOGS)
    shown: list[str] = []
    page = context.new_page()
    page.on("dialog", lambda dialog: (shown.append(dialog.message), dialog.dismiss()))
    problems: dict[str, list[str]] = {}
    with serve(hostile_site) as origin:
        for path in sorted(hostile_site.rglob("*.html")):
            url = f"{origin}/{path.relative_to(hostile_site).as_posix()}"
            found = _visit(page, url)
            if found:
                problems[url] = found
        for prefix in ("", "en/"):
            # The theme's search, opened from the address, with results whose titles are hostile.
            page.goto(f"{origin}/{prefix}?q=onerror", wait_until="load")
            page.locator(".md-search-result__item").first.wait_for()
            assert "onerror=alert(" in page.locator(".md-search-result").inner_text()
            problems[f"{prefix}?q=onerror"] = page.evaluate("() => window.__ocopDialogs") + page.evaluate(INJECTED_ELEMENTS)
            # The finder, from a shared link.
            page.goto(f"{origin}/{prefix}products/?q=onerror", wait_until="load")
            page.locator(".ocop-finder__results .ocop-card").first.wait_for()
            problems[f"{prefix}products/?q=onerror"] = page.evaluate("() => window.__ocopDialogs") + page.evaluate(INJECTED_ELEMENTS)
            # The certificate check, with a hostile number typed in.
            page.goto(f"{origin}/{prefix}check/", wait_until="load")
            page.fill("#ocop-check-input", "=1+41\"'><img src=x onerror=alert(41)>")
            page.press("#ocop-check-input", "Enter")
            page.locator(".ocop-check__hit").wait_for()
            problems[f"{prefix}check/"] = page.evaluate("() => window.__ocopDialogs") + page.evaluate(INJECTED_ELEMENTS)
            # An earlier number of a withdrawn product: what replaced it and the withdrawal, all from hostile text.
            page.fill("#ocop-check-input", "=1+104\"'><img src=x onerror=alert(104)>")
            page.press("#ocop-check-input", "Enter")
            page.locator(".ocop-check__withdrawn").wait_for()
            assert "alert(105)" in page.locator(".ocop-check__replaced").inner_text()
            problems[f"{prefix}check/ (earlier)"] = page.evaluate("() => window.__ocopDialogs") + page.evaluate(INJECTED_ELEMENTS)
    context.close()
    assert {url: found for url, found in problems.items() if found} == {}
    assert shown == []


def test_no_exported_cell_starts_a_formula(hostile_site: Path) -> None:
    """Every cell of every CSV of the site is safe to open in Excel; the hostile texts are there, apostrophe first."""
    files = sorted((hostile_site / "data").glob("*.csv"))
    assert {f.name for f in files} >= {"products.csv", "re-evaluation.csv"}
    for path in files:
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        cells = [value for row in rows[1:] for value in row]
        assert not [value for value in cells if value.startswith(("=", "+", "-", "@", "\t", "\r", "\0"))], path.name
        assert any(value.startswith("'=1+") for value in cells), path.name


# What cannot be made safe by escaping is refused, at its file and line: (file, text replaced, hostile
# text put in its place, the exact problem).
REFUSED = [
    (
        "products/hostile-product.yaml",
        "Độ ẩm < 12%",
        "<img src=x onerror=alert(1)> Độ ẩm < 12%",
        "products/hostile-product.yaml:14: error: description: raw HTML is not allowed in Markdown text, "
        "found '<img src=x onerror=alert(1)>' [raw-html]",
    ),
    (
        "products/hostile-product.yaml",
        "Xem <https://ocop.test/?a='b'&c=d>.",
        "Xem thêm. {: #ocop-status-texts }",
        "products/hostile-product.yaml:14: error: description: attribute lists are not allowed in Markdown text, "
        "found '{: #ocop-status-texts }' [markdown-attributes]",
    ),
    (
        "products/hostile-product.yaml",
        "Câu chuyện: a < b > c & d.",
        "[Câu chuyện](javascript:alert(1))",
        "products/hostile-product.yaml:18: error: story: link to 'javascript:alert(1)' is not allowed: use an address that "
        "starts with http://, https://, mailto: or tel:, or a relative path [unsafe-link]",
    ),
    (
        "products/hostile-product.yaml",
        'name: "=1+40',
        'name: "\\u202e=1+40',
        "products/hostile-product.yaml:2: error: name: contains U+202E (RIGHT-TO-LEFT OVERRIDE), which makes text display "
        "in another order than it is written; remove it [bidi-control]",
    ),
    (
        "products/hostile-product.yaml",
        'summary: "=1+44',
        'summary: "\\x07=1+44',
        'products/hostile-product.yaml:13: error: summary: contains the control character U+0007; remove it (a YAML escape such as "\\x01" '
        "makes one) [control-character]",
    ),
    (
        "producers/hostile-producer.yaml",
        "website:",
        'website: "https://ocop.test/\\"onmouseover=\\"alert(1)"\n#',
        "producers/hostile-producer.yaml:9: error: website: 'https://ocop.test/\"onmouseover=\"alert(1)' contains '\"', which has "
        "no place in a web address; remove it or percent-encode it [invalid-url]",
    ),
    (
        "producers/hostile-producer.yaml",
        "email:",
        'email: "a<img>@ocop.test"\n#',
        "producers/hostile-producer.yaml:8: error: email: 'a<img>@ocop.test' is not an e-mail address [invalid-email]",
    ),
    (
        "catalogue.yaml",
        "site_url: https://ocop.test/",
        'site_url: "https://ocop.test/\\"><script>alert(1)</script>/"',
        "catalogue.yaml:10: error: site_url: 'https://ocop.test/\"><script>alert(1)</script>/' contains '\"', which has no place "
        "in a web address; remove it or percent-encode it [invalid-url]",
    ),
    (
        "catalogue.yaml",
        "site_url: https://ocop.test/",
        "site_url: https://official@evil.example/",
        "catalogue.yaml:10: error: site_url: 'https://official@evil.example/' has a user name before '@' ('official'): readers "
        "would see 'official', browsers open evil.example; remove it [invalid-url]",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "problem"), REFUSED, ids=[case[3].split(" [")[-1].rstrip("]") for case in REFUSED])
def test_what_escaping_cannot_make_safe_is_refused_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, file: str, old: str, new: str, problem: str
) -> None:
    root = make_hostile_catalogue(tmp_path / "cat")
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.chdir(root)
    _, report = validate(Path("products"), Path("producers"), None, TODAY)
    assert [p.show("en") for p in report.errors] == [problem]
