"""The build command: problems stop it with exit 1 and leave the previous site untouched (a
print file that fails while the pages are made too); the home page links the printed catalogue
with its sizes; listing pages hold at most 200 products."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from catalogue.cli import main
from catalogue.jobs.job import JobError
from catalogue.pages.context import Site
from catalogue.pages.i18n import format_size
from catalogue.pages.listings import PAGE_SIZE, listing_pages
from catalogue.printing.jobs import CataloguePdfJob
from catalogue.published import manifest_json
from catalogue.validate import validate
from demo.synth import write_catalogue

from .conftest import make_base_catalogue

TODAY = date(2026, 11, 28)


def previous_site(root: Path) -> dict[str, bytes]:
    """A stand-in for the previous build: a few pages and the manifest that marks a site the build made."""
    site = root / "site"
    (site / "p" / "old").mkdir(parents=True)
    (site / "data").mkdir()
    (site / "data" / "published.json").write_text(manifest_json(["base-product"], TODAY), encoding="utf-8")
    (site / "index.html").write_text("<h1>previous build</h1>", encoding="utf-8")
    (site / "p" / "old" / "index.html").write_text("<h1>old product</h1>", encoding="utf-8")
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def current_site(root: Path) -> dict[str, bytes]:
    site = root / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_invalid_data_stops_the_build_and_keeps_the_old_site(tmp_path: Path, monkeypatch, capsys) -> None:
    root = make_base_catalogue(tmp_path / "cat")
    monkeypatch.chdir(root)
    before = previous_site(root)
    product = root / "products" / "base-product.yaml"
    product.write_text(product.read_text(encoding="utf-8").replace("stars: 4", "stars: 7"), encoding="utf-8")
    assert main(["--lang", "en", "--today", "2026-11-28"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "products/base-product.yaml:6: error: stars: must be 3, 4 or 5, got 7 [invalid-value]"
    assert out[-1] == "site not built, site left as it was: 1 error, 0 warnings"
    assert current_site(root) == before
    assert not [p for p in root.iterdir() if p.name.startswith(".site")]  # no half-built site left behind


def test_damaged_photo_stops_the_build_and_keeps_the_old_site(tmp_path: Path, monkeypatch, capsys) -> None:
    root = make_base_catalogue(tmp_path / "cat")
    monkeypatch.chdir(root)
    before = previous_site(root)
    buffer = io.BytesIO()
    Image.effect_noise((300, 200), 40).convert("RGB").save(buffer, "JPEG")
    (root / "products" / "images" / "base.jpg").write_bytes(buffer.getvalue()[:2000])
    assert main(["--lang", "en", "--today", "2026-11-28"]) == 1
    assert "products/base-product.yaml:25: error: images[1].src: 'images/base.jpg' is damaged" in capsys.readouterr().out
    assert current_site(root) == before


def refuse_to_draw(self: CataloguePdfJob, inputs: object) -> None:
    """A printed catalogue that cannot be drawn (in the build's own processes: they are forked from this one)."""
    raise JobError("pdf-refused", "the printer's font is gone")


def test_a_print_file_that_fails_while_the_pages_are_made_stops_the_build_and_keeps_the_old_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The pages are made while the print files are drawn (media_stage.py, `start_media`).
    root = make_base_catalogue(tmp_path / "cat")
    monkeypatch.chdir(root)
    before = previous_site(root)
    monkeypatch.setattr(CataloguePdfJob, "run", refuse_to_draw)
    assert main(["--lang", "en", "--today", "2026-11-28"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "catalogue.yaml:1: error: catalogue-pdf: the printer's font is gone [pdf-refused]" in out
    assert out[-1].startswith("site not built, site left as it was: ")
    assert current_site(root) == before
    assert not [p for p in root.iterdir() if p.name.startswith(".site")]


def test_the_home_page_links_the_printed_catalogue_drawn_beside_the_pages_with_its_sizes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_base_catalogue(tmp_path / "cat")
    monkeypatch.chdir(root)
    assert main(["--lang", "en", "--today", "2026-11-28"]) == 0
    site = root / "site"
    for home, lang in ((site / "index.html", "vi"), (site / "en" / "index.html", "en")):
        html = home.read_text(encoding="utf-8")
        assert "ocop-print-links" not in html  # the slot is filled
        links = re.findall(r'<a href="((?:\.\./)?print/[^"]+\.pdf)"[^>]*>[^<]*</a> <small>\(PDF, ([^)]+)\)</small>', html)
        assert sorted(Path(href).name for href, _ in links) == ["catalogue-en.pdf", "catalogue-vi.pdf"]
        for href, size in links:
            assert size == format_size((home.parent / href).stat().st_size, lang)


def test_listing_pages_hold_at_most_200_products(tmp_path: Path) -> None:
    write_catalogue(tmp_path, 450, seed=4, image_size=(8, 6))
    catalogue, report = validate(tmp_path / "products", tmp_path / "producers")
    assert report.ok
    pages = {page.path: page for page in listing_pages(Site(catalogue, {}, TODAY), "vi")}
    listing = [pages[p] for p in ("products/index.md", "products/page-2.md", "products/page-3.md")]
    assert "products/page-4.md" not in pages
    # The finder's card template (on the first page) is markup for the browser, not a listed product.
    listed = [re.sub(r"<template\b.*?</template>", "", str(page.body), flags=re.S) for page in listing]
    assert [body.count('class="ocop-card"') for body in listed] == [PAGE_SIZE, PAGE_SIZE, 50]
    assert all(page.body.count('<nav class="ocop-pager"') == 1 for page in listing)


@pytest.mark.parametrize(
    ("url", "error"),
    [("ocop.example/", "'ocop.example/' must start with https:// (or http://)"), ("https://ocop.example", "must end with '/'")],
)
def test_site_url_must_be_absolute_with_a_slash(base_catalogue: Path, url: str, error: str, capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--lang", "en", "--site-url", url])
    assert caught.value.code == 2
    assert f"build_site.py: error: --site-url: {error}" in capsys.readouterr().err
