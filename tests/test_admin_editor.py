"""The form editor: Chromium drives Decap CMS against decap-server (the local backend) on a copy of
the demo catalogue, and what it saves passes `--check` and keeps the house style."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

from catalogue.admin.page import admin_response
from catalogue.admin.server import decap_server, missing, wait_until_listening

from .browser import DESKTOP, missing_tools, skip_or_fail
from .conftest import REPO
from .test_serve import free_port

PHOTO = REPO / "products" / "images" / "bach-tra-shan-phong-tho" / "1.jpg"


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo catalogue: the editor never writes into the repository's files."""
    root = tmp_path_factory.mktemp("editor")
    for folder in ("products", "producers", "schema"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copy(REPO / "catalogue.yaml", root / "catalogue.yaml")
    return root


@pytest.fixture(scope="module")
def editor(catalogue: Path) -> Iterator[str]:
    """The admin page's address, with decap-server writing into `catalogue` (one of each per module)."""
    reason = missing_tools() or missing()
    if reason:
        skip_or_fail(reason)
    backend_port = free_port()
    backend = decap_server(catalogue, backend_port)
    try:
        assert wait_until_listening(backend_port, backend), "decap-server did not start"

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                status, headers, body = admin_response(self.path.split("?")[0], backend_port) or ("404 Not Found", [], b"")
                self.send_response(int(status.split()[0]))
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/admin/"
        finally:
            server.shutdown()
    finally:
        backend.terminate()
        backend.wait(timeout=10)


@pytest.fixture
def page(browser: Any, editor: str) -> Iterator[Any]:
    context = browser.new_context(**DESKTOP, locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.errors = errors
    yield page
    context.close()


def check(catalogue: Path) -> subprocess.CompletedProcess[str]:
    """`python build_site.py --check` on the copy."""
    command = [sys.executable, str(REPO / "build_site.py"), "--check", "--today", "2026-06-01"]
    return subprocess.run(command, cwd=catalogue, capture_output=True, text=True, timeout=300)


def field(page: Any, key: str) -> Any:
    """The control of the field written `key` in YAML (the first one, in the form's order)."""
    return page.locator(f'[id^="{key}-field-"]').first


def choose(page: Any, key: str, option: str) -> None:
    """Pick `option` (its Vietnamese label) in the drop-down of the field `key`."""
    field(page, key).click()
    page.get_by_text(option, exact=True).first.click()


def open_editor(page: Any, address: str) -> None:
    page.goto(address)
    page.get_by_role("button", name="Đăng nhập").click()  # the local backend: no account, one click


def publish(page: Any, path: Path, before: bytes | None) -> None:
    """Save (Decap's "Công bố ngay") and wait until the file has changed."""
    page.get_by_role("button", name="Công bố").first.click()
    page.get_by_text("Công bố ngay", exact=True).click()
    page.wait_for_function("() => true")  # let the request leave
    last = before
    for _ in range(150):
        page.wait_for_timeout(200)
        now = path.read_bytes() if path.exists() else None
        if now and now != before and now == last:  # written, and no longer being written
            return
        last = now
    raise AssertionError(f"{path.name} was not written; console errors: {page.errors}")


def test_create_a_product_with_a_photo(page: Any, editor: str, catalogue: Path) -> None:
    open_editor(page, f"{editor}#/collections/products/new")
    field(page, "id").fill("mat-ong-thu-nghiem")
    field(page, "name").fill("Mật ong thử nghiệm")
    choose(page, "group", "Thực phẩm")
    choose(page, "stars", "4 sao")
    field(page, "producer").click()
    page.keyboard.type("htx-bien-cuong")
    page.get_by_text("(htx-bien-cuong)", exact=False).first.click()
    field(page, "number").fill("GCN-OCOP-LC-2026-999")
    field(page, "issued").fill("2026-05-04")
    field(page, "issuer").fill("UBND tỉnh Lai Châu")
    field(page, "summary").fill("Mật ong rừng thử nghiệm của trình soạn thảo.")
    page.get_by_role("button", name="Add ảnh sản phẩm").click()
    page.get_by_role("button", name="Chọn một hình").click()
    page.locator('input[type="file"]').first.set_input_files(str(PHOTO))
    page.get_by_role("button", name="Lấy những cái đã chọn").click()
    field(page, "alt").fill("Hũ mật ong trên bàn gỗ")
    written = catalogue / "products" / "mat-ong-thu-nghiem.yaml"
    publish(page, written, None)

    assert written.read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../schema/product.schema.json\n"
        "id: mat-ong-thu-nghiem\n"
        "name: Mật ong thử nghiệm\n"
        "group: thuc-pham\n"
        "stars: 4\n"
        "producer: htx-bien-cuong\n"
        "certificate:\n"
        "  number: GCN-OCOP-LC-2026-999\n"
        "  issued: 2026-05-04\n"
        "  issuer: UBND tỉnh Lai Châu\n"
        "summary: Mật ong rừng thử nghiệm của trình soạn thảo.\n"
        "images:\n"
        "  - src: images/mat-ong-thu-nghiem/1.jpg\n"
        "    alt: Hũ mật ong trên bàn gỗ\n"
    )
    photo = catalogue / "products" / "images" / "mat-ong-thu-nghiem" / "1.jpg"
    assert photo.read_bytes() == PHOTO.read_bytes()
    result = check(catalogue)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not [error for error in page.errors if "Content Security Policy" in error]


def test_edit_a_products_stars(page: Any, editor: str, catalogue: Path) -> None:
    path = catalogue / "products" / "bach-tra-shan-phong-tho.yaml"
    before = path.read_bytes()
    assert yaml.safe_load(before)["stars"] == 3
    open_editor(page, f"{editor}#/collections/products/entries/bach-tra-shan-phong-tho")
    field(page, "name").wait_for()
    choose(page, "stars", "4 sao")
    publish(page, path, before)
    after = yaml.safe_load(path.read_bytes())
    assert after["stars"] == 4
    assert {key: value for key, value in after.items() if key != "stars"} == {
        key: value for key, value in yaml.safe_load(before).items() if key != "stars"
    }
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schema/product.schema.json\nid: ")
    result = check(catalogue)
    assert result.returncode == 0, result.stdout + result.stderr
