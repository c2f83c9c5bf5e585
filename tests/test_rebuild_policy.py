"""A rebuild's Content-Security-Policy still allows the inline scripts of the pages it keeps.

The theme writes a script naming each page's depth, so each depth of page has its own hash. A
rebuild stages only the pages that changed; the policy in `_headers` must also count the kept
pages, or every page of a depth that no changed page has would have its script blocked. With
listings of two products, the later pages of a listing (`en/groups/<group>/page-2/`) are the only
pages that deep, and an edit of one product's Chinese summary changes none of them.

The pages filled into their shells are hashed as they are written, not read again
(catalogue/render/shells.py): a first build's policy must still be that of the pages on disk.
"""

from __future__ import annotations

import gzip
import os
import re
from pathlib import Path

import pytest

import catalogue.pages.listings as listings
from catalogue.hosting.inline import page_hashes
from catalogue.hosting.precompress import SUFFIXES, compressed
from catalogue.sitebuild import build_site

from .demo_copy import copy_demo
from .site_fixture import TODAY
from .test_site import PRODUCTS


def build(root: Path, site: Path) -> None:
    with open(os.devnull, "w") as quiet:
        report, summary = build_site(root / "products", root / "producers", site, root / "catalogue.yaml", today=TODAY, stream=quiet)
    assert summary is not None, report.to_text()


def allowed(site: Path) -> set[str]:
    """The script hashes the policy in the site's `_headers` allows."""
    return set(re.findall(r"'sha256-([^']+)'", (site / "_headers").read_text(encoding="utf-8")))


def test_a_first_build_allows_exactly_its_pages_scripts(demo_site: Path) -> None:
    pages = list(demo_site.rglob("*.html"))
    assert len(pages) > 300
    assert allowed(demo_site) == set().union(*(page_hashes(page.read_text(encoding="utf-8")) for page in pages))


def test_the_policy_allows_the_scripts_of_the_pages_a_rebuild_keeps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(listings, "PAGE_SIZE", 2)
    root, site = copy_demo(tmp_path / "demo"), tmp_path / "site"
    build(root, site)
    deepest = max(len(page.relative_to(site).parts) for page in site.rglob("index.html"))
    assert all("page-" in page.as_posix() for page in site.rglob("index.html") if len(page.relative_to(site).parts) == deepest)
    product = root / "products" / "bach-tra-shan-phong-tho.yaml"
    text = product.read_text(encoding="utf-8")
    product.write_text(re.sub(r"(?m)^(    summary: 只采.*)$", r"\1 zqxs", text, count=1), encoding="utf-8")
    build(root, site)
    assert "zqxs" in (site / "zh" / "p" / "bach-tra-shan-phong-tho" / "index.html").read_text(encoding="utf-8")
    assert allowed(site) == set().union(*(page_hashes(page.read_text(encoding="utf-8")) for page in site.rglob("*.html")))


def test_text_files_but_pages_and_qr_codes_have_a_copy_compressed_for_size(demo_site: Path) -> None:
    copies = list(demo_site.rglob("*.gz"))
    for copy in copies:  # styles, scripts, search and open data, badges: within 2% of zlib's best
        original = copy.with_suffix("").read_bytes()
        packed = copy.read_bytes()
        assert gzip.decompress(packed) == original, copy
        assert len(packed) <= len(gzip.compress(original, 9)) * 1.02, copy
    assert len(copies) > 20
    # no page has a copy, nor any QR code: the server compresses them as it sends them
    assert not list(demo_site.rglob("*.html.gz")) and len(list(demo_site.rglob("*.html"))) > 300
    texts = {path.relative_to(demo_site).as_posix() for path in demo_site.rglob("*") if path.suffix in SUFFIXES}
    uncompressed = sorted(path for path in texts if not (demo_site / f"{path}.gz").is_file())
    codes = sorted(path.relative_to(demo_site).as_posix() for path in (demo_site / "qr").glob("*.svg"))
    assert len(codes) >= len(PRODUCTS) and uncompressed == codes
    assert all(compressed(path) for path in texts - set(codes)) and not any(compressed(path) for path in codes)
    assert not compressed("index.html") and not compressed("en/p/x/index.html")
