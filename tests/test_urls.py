"""catalogue/urls.py: the one owner of the site's paths.

The paths themselves are pinned here as literals (they are a contract: printed QR codes, links
from outside, the open data), and a scan of the package and the browser scripts keeps every
path string in urls.py, so that a path is written once.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalogue.makers.qr import digital_link_url, product_url
from catalogue.urls import Urls

from .conftest import REPO

URLS = Urls.of(["vi", "en", "zh"])


def test_the_first_language_is_at_the_root_and_each_other_in_its_folder() -> None:
    assert [URLS.root(lang) for lang in URLS.languages] == ["", "en/", "zh/"]
    assert URLS.roots("https://ocop.example/") == {
        "vi": "https://ocop.example/",
        "en": "https://ocop.example/en/",
        "zh": "https://ocop.example/zh/",
    }
    assert Urls.of(["vi"]).root("vi") == ""


@pytest.mark.parametrize(
    ("source", "target", "link"),
    [("vi", "en", "en/"), ("en", "vi", "../"), ("en", "zh", "../zh/"), ("zh", "zh", ""), ("vi", "vi", "")],
)
def test_a_language_root_seen_from_another(source: str, target: str, link: str) -> None:
    assert URLS.between(source, target) == link


def test_the_qr_contract_is_the_product_page_in_the_first_language() -> None:
    # DESIGN.md §4: a QR code encodes exactly <site_url>p/<id>/; GS1 Digital Link /01/<gtin14>/.
    assert product_url("https://ocop.example/", "mat-ong-pa-u") == "https://ocop.example/p/mat-ong-pa-u/"
    assert URLS.product("mat-ong-pa-u", "vi") == "p/mat-ong-pa-u/"
    assert URLS.product("mat-ong-pa-u", "zh") == "zh/p/mat-ong-pa-u/"
    assert digital_link_url("https://ocop.example/", "8931234567893") == "https://ocop.example/01/08931234567893/"


def test_pages_of_a_language() -> None:
    assert URLS.products("en") == "en/products/"
    assert URLS.products("vi", 3) == "products/page-3/"
    assert URLS.group("do-uong", "zh") == "zh/groups/do-uong/"
    assert URLS.stars(4, "vi", 2) == "stars/4/page-2/"
    assert URLS.commune("xa-binh-lu", "en") == "en/communes/xa-binh-lu/"
    assert URLS.producer("htx-a", "vi") == "producers/htx-a/"
    assert URLS.section("producers", "en") == "en/producers/"
    assert URLS.sales_point("pa-tan", "en") == "en/sales-points/#pa-tan"
    assert (URLS.check("vi"), URLS.dashboard("en"), URLS.about("stars", "zh")) == ("check/", "en/dashboard/", "zh/about/stars/")
    assert URLS.kiosk("en") == "en/kiosk/" and Urls.index_file(URLS.kiosk("vi")) == "kiosk/index.html"
    assert URLS.asset("ocop-finder.js", "en") == "en/assets/ocop-finder.js"


def test_an_unknown_section_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match=r"^no section 'shops'; the sections are groups, stars, communes, producers$"):
        URLS.section("shops", "vi")


def test_renderer_sources_keep_their_names() -> None:
    assert URLS.source(URLS.root("en"), "en") == "index.md"
    assert URLS.source(URLS.group("che", "en"), "en") == "groups/che/index.md"
    assert URLS.source(URLS.products("vi", 2), "vi", leaf=True) == "products/page-2.md"
    assert URLS.source(URLS.product("x", "zh"), "zh", leaf=True) == "p/x.md"
    assert URLS.source(URLS.about("ocop", "vi"), "vi", leaf=True) == "about/ocop.md"


def test_shared_files() -> None:
    assert Urls.qr(Urls.qr_stem("x"), "png") == "qr/x.png"
    assert Urls.qr(Urls.qr_stem("x", gs1=True)) == "qr/x-gs1.svg"
    assert Urls.badge(4, "expired", "en") == "badges/ocop-4-expired-en.svg"
    assert Urls.photo_stem("x", 0, "abcdef0123456789") == "img/x/1-abcdef0123"
    assert Urls.product_card("x", "vi", "0123456789abc") == "img/x/card-vi-0123456789.jpg"
    assert Urls.site_card("en", "0123456789abc") == "cards/site-en-0123456789.jpg"
    assert (Urls.poster("x"), Urls.labels("vi"), Urls.catalogue_pdf("en")) == (
        "print/posters/x.pdf",
        "print/labels-vi.pdf",
        "print/catalogue-en.pdf",
    )
    data = [Urls.products_json(), Urls.products_csv(), Urls.products_schema(), Urls.sales_points_json(), Urls.re_evaluation_csv()]
    assert data == [
        "data/products.json",
        "data/products.csv",
        "data/products.schema.json",
        "data/sales-points.json",
        "data/re-evaluation.csv",
    ]
    scripts = (Urls.finder_data("zh"), Urls.check_data("en"), Urls.manifest())
    assert scripts == ("data/finder-zh.js", "data/check-en.js", "data/published.json")
    assert (Urls.sitemap(), Urls.sitemap(2), Urls.robots()) == ("sitemap.xml", "sitemap-2.xml", "robots.txt")


def test_templates_for_the_browser_come_from_the_same_methods() -> None:
    assert Urls.template(lambda i: URLS.product(i, "en"), "id") == "en/p/{id}/"
    assert Urls.template(Urls.product_image, "id", "file") == "img/{id}/{file}"


# One owner: no path string anywhere else ------------------------------------------------------

# What a site path looks like inside a string of the code (each pattern names the path it finds).
PATTERNS = {
    "product page": r"(^|[^\w.-])p/",
    "GS1 Digital Link": r"(^|[^\w/])01/",
    "data folder": r"(^|[^\w-])data/",
    "data file": r"\b(products\.(json|csv|schema\.json)|sales-points\.json|re-evaluation\.csv|published\.json)",
    "script data": r"(^|/)(finder|check)-(\{|$|\w+\.js)",
    "badge file": r"badges/|(^|/)ocop-(\{|\d)",
    "media folder": r"(^|[^\w-])(qr|img|cards|print)/",
    "index page": r"(^|[^\w-])(products|groups|stars|communes|producers|sales-points|check|dashboard|about|kiosk)/",
    "listing page": r"(^|/)page-(\{|\d|\*)",
    "sitemap": r"sitemap(-\{[^}]*\})?\.xml|robots\.txt",
    "folder's file": r"index\.(html|md)",
}

# Strings that look like paths and are not the site's, each with the reason. Key: (file, start of the string).
EXCEPTIONS = {
    ("catalogue/admin/config.py", "products/images"): "the catalogue's photo folder (input), where the form editor uploads",
    ("catalogue/admin/page.py", "index.html"): "the form editor's page, served by `make admin` only, never in the site",
    ("catalogue/checks.py", "; add producers/"): "the catalogue's producer files (input), not the site",
    ("catalogue/model.py", "Id of the producer's file in producers/"): "the catalogue's producer files (input), not the site",
    ("catalogue/reference.py", "`products` must be a file in `products/`"): "the catalogue's product files (input)",
    ("catalogue/reference.py", "## Product file: `products/"): "the catalogue's product files (input)",
    ("catalogue/reference.py", "## Producer file: `producers/"): "the catalogue's producer files (input)",
    ("catalogue/sales_points.py", "Ids of the products it carries (files in products/)"): "the catalogue's product files (input)",
    ("catalogue/sales_points.py", "Id of the point, unique in the list; its anchor"): "a setting's documentation, in words",
    ("catalogue/settings.py", "' has a query or fragment"): "words telling the user about the QR contract (DESIGN.md §4)",
    ("catalogue/settings.py", "must end with '/': QR codes append p/"): "words telling the user about the QR contract",
    ("catalogue/settings.py", "Public address of the site, ending with '/'"): "a setting's documentation, in words",
}


def _python_strings(path: Path) -> Iterator[tuple[int, str]]:
    """The string constants of a module (f-strings' literal parts included), docstrings left out: they describe paths."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    documented = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    firsts = [node.body[0] for node in ast.walk(tree) if isinstance(node, documented) and node.body]
    docstrings = {id(first.value) for first in firsts if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


_JS_COMMENT = re.compile(r"/\*.*?\*/|(?<![:\\])//[^\n]*", re.S)
_JS_STRING = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'")


def _script_strings(path: Path) -> Iterator[tuple[int, str]]:
    """The string literals of a browser script, comments left out."""
    code = _JS_COMMENT.sub(lambda match: "\n" * match.group().count("\n"), path.read_text(encoding="utf-8"))
    for number, line in enumerate(code.splitlines(), 1):
        for literal in _JS_STRING.finditer(line):
            yield number, literal.group()[1:-1]


def path_strings() -> list[str]:
    """Every path string outside catalogue/urls.py that is not a listed exception, as 'file:line: kind: string'."""
    owner = REPO / "catalogue" / "urls.py"
    sources = [(p, _python_strings) for p in sorted((REPO / "catalogue").rglob("*.py")) if p != owner]
    sources += [(p, _script_strings) for p in sorted((REPO / "overrides" / "assets").glob("*.js"))]
    found = []
    for path, strings in sources:
        name = path.relative_to(REPO).as_posix()
        for line, text in strings(path):
            kinds = [kind for kind, pattern in PATTERNS.items() if re.search(pattern, text, re.M)]
            if kinds and not any(name == file and text.startswith(start) for file, start in EXCEPTIONS):
                found.append(f"{name}:{line}: {', '.join(kinds)}: {text[:80]!r}")
    return found


def test_every_site_path_is_written_in_urls_py_only() -> None:
    found = path_strings()
    assert not found, "site paths belong in catalogue/urls.py (ask Urls for them):\n" + "\n".join(found)


def test_every_exception_is_still_there() -> None:
    # An exception whose string is gone would let a new path slip in under its name.
    for file, start in EXCEPTIONS:
        strings = [text for _, text in _python_strings(REPO / file)]
        assert any(text.startswith(start) for text in strings), f"{file}: no string starts with {start!r}; remove the exception"


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ('link = "../p/" + id', "product page"),
        ('f"{root}data/finder-{lang}.js"', "data folder"),
        ('"badges/ocop-" + stars', "badge file"),
        ('Path("data") / "products.json"', "data file"),
        ('f"01/{gtin}/"', "GS1 Digital Link"),
        ('f"{prefix}producers/{pid}/"', "index page"),
        ('"kiosk/index.html"', "folder's file"),
    ],
)
def test_the_scan_finds_paths_written_elsewhere(tmp_path: Path, code: str, kind: str) -> None:
    module = tmp_path / "module.py"
    module.write_text(f"x = {code}\n", encoding="utf-8")
    texts = [text for _, text in _python_strings(module)]
    assert any(re.search(PATTERNS[kind], text, re.M) for text in texts), f"{code} is not found as a {kind}"


def test_the_scan_reads_script_strings_but_not_comments(tmp_path: Path) -> None:
    script = tmp_path / "x.js"
    script.write_text('/* data/finder-vi.js */\nvar a = "../p/" + id; // "badges/"\nvar b = \'qr/\';\n', encoding="utf-8")
    assert [text for _, text in _script_strings(script)] == ["../p/", "qr/"]
