"""`python -m catalogue verify URL` against the repository's nginx serving the built demo site."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalogue.hosting.fetch import Answer
from catalogue.hosting.headers_check import page_problems
from catalogue.hosting.policy import STATIC_HEADERS, security_headers

from .conftest import REPO
from .nginx_server import serving
from .test_site import CATALOGUE, PRODUCTS


def verify(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the README's command."""
    command = [sys.executable, "-m", "catalogue", "verify", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, cwd=REPO, timeout=300)


@pytest.fixture
def own_copy(nginx_origin: str, demo_site: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """Another nginx, serving a copy of the demo site (its files hard links to the demo site's)
    that a test may take files out of: the demo site is shared by tests running at the same time
    in other processes."""
    site = tmp_path / "site"
    shutil.copytree(demo_site, site, copy_function=os.link, symlinks=True)
    with serving(site, tmp_path / "nginx") as origin:
        yield origin, site


def test_verify_passes_on_the_published_demo_site(nginx_origin: str) -> None:
    result = verify(nginx_origin + "/")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    languages = len(CATALOGUE.settings.languages)
    assert f"  trang sản phẩm / product pages: {len(PRODUCTS) * languages}/{len(PRODUCTS) * languages}, OK" in lines
    assert f"  mã QR / QR codes: {len(PRODUCTS)}/{len(PRODUCTS)}, OK" in lines
    with_gtin = sum(1 for p in PRODUCTS if p.gtin)
    assert f"  đường dẫn GS1 / GS1 paths: {with_gtin}/{with_gtin}, OK" in lines
    assert lines[-1].startswith("ĐẠT / PASSED")


def test_verify_names_a_product_page_missing_from_the_host(own_copy: tuple[str, Path]) -> None:
    origin, site = own_copy
    product = PRODUCTS[3].id
    lang = CATALOGUE.settings.languages[-1]
    (site / lang / "p" / product / "index.html").unlink()  # pages have no gzipped copy to take too
    result = verify(origin)
    assert result.returncode == 1
    assert f"  - {origin}/{lang}/p/{product}/: 404 ('{product}')" in result.stdout.splitlines()
    assert "KHÔNG ĐẠT / FAILED: 1 lỗi / problems" in result.stdout


def test_verify_names_a_qr_target_and_gs1_path_that_open_nothing(own_copy: tuple[str, Path]) -> None:
    origin, site = own_copy
    product = next(p for p in PRODUCTS if p.gtin)
    (site / "p" / product.id / "index.html").unlink()
    result = verify(origin + "/")
    assert result.returncode == 1
    assert f"  - {origin}/p/{product.id}/: 404 ('{product.id}')" in result.stdout  # the page, and the QR code's target
    assert "  mã QR / QR codes: 47/48, 1 lỗi / failed" in result.stdout.splitlines()


def test_verify_names_a_product_published_before_that_is_gone(nginx_origin: str, tmp_path: Path) -> None:
    earlier = tmp_path / "published.json"
    earlier.write_text(json.dumps({"generator": "ocop-catalogue", "products": [PRODUCTS[0].id, "ruou-ngo-da-bo"]}), encoding="utf-8")
    result = verify(nginx_origin + "/", "--published", str(earlier))
    assert result.returncode == 1
    out = result.stdout.splitlines()
    assert "  - 'ruou-ngo-da-bo' đã công bố nhưng không có trong / was published but is not in data/products.json" in out
    assert "  - p/ruou-ngo-da-bo/: 'ruou-ngo-da-bo' không có trong sitemap / is not in the sitemap" in out
    assert f"  - {nginx_origin}/p/ruou-ngo-da-bo/: 404 ('ruou-ngo-da-bo')" in out


def test_verify_refuses_an_unreadable_published_file(tmp_path: Path) -> None:
    bad = tmp_path / "published.json"
    bad.write_text('{"products": "all"}', encoding="utf-8")
    result = verify("http://127.0.0.1:9/", "--published", str(bad))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"python -m catalogue verify: error: --published {bad}: not a data/published.json written by the build (no list of product ids)\n"
    )


def test_verify_of_an_address_that_is_not_a_site_is_one_line(nginx_origin: str) -> None:
    result = verify(nginx_origin + "/no/such/site/")
    assert result.returncode == 1
    assert result.stderr == (
        f"python -m catalogue verify: error: {nginx_origin}/no/such/site/data/products.json: 404; "
        "đây có phải địa chỉ của danh mục? / is this the catalogue's address?\n"
    )


def test_verify_wants_a_web_address() -> None:
    result = verify("ocop.laichau.gov.vn")
    assert result.returncode == 2
    assert "error: argument URL: 'ocop.laichau.gov.vn' must start with https:// (or http://)" in result.stderr


def _page(body: str, headers: dict[str, str]) -> Answer:
    return Answer("https://ocop.test/", 200, {k.lower(): v for k, v in headers.items()}, body)


def test_a_page_whose_inline_script_the_policy_does_not_name_fails() -> None:
    body = "<html><script>alert(1)</script><script type='application/json'>{}</script></html>"
    sent = {**security_headers([]), "Content-Encoding": "gzip"}
    problems = page_problems(_page(body, sent))
    assert problems == [
        "Content-Security-Policy: thiếu mã băm của script nội tuyến / lacks the hash of an inline script: "
        "sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI="
    ]


def test_a_page_without_headers_or_with_unsafe_inline_fails() -> None:
    problems = page_problems(_page("<p>hi</p>", {"Content-Security-Policy": "script-src 'self' 'unsafe-inline'"}))
    assert "Content-Security-Policy: script-src có / has 'unsafe-inline'" in problems
    assert "Content-Security-Policy: thiếu / lacks frame-ancestors" in problems
    assert f"X-Content-Type-Options: '', cần / should be '{STATIC_HEADERS['X-Content-Type-Options']}'" in problems
    assert "trang không nén / page not compressed (Content-Encoding)" in problems
