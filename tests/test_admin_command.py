"""`make admin` as the README shows it: decap-server, the editor at /admin/ and the preview, in the
catalogue's own folder."""

from __future__ import annotations

from pathlib import Path

import yaml

from catalogue.admin.server import missing

from .base_site import copy_catalogue
from .browser import skip_or_fail
from .conftest import REPO
from .test_serve import fetch, free_port, running, serves_product, wait_for


def test_make_admin_serves_the_editor_and_the_preview(built_base: Path, tmp_path: Path) -> None:
    reason = missing()
    if reason:
        skip_or_fail(reason)
    root = copy_catalogue(built_base, tmp_path / "cat", site=False)
    (root / "pyproject.toml").symlink_to(REPO / "pyproject.toml")
    port, backend = free_port(), free_port()
    command = ["make", "-s", "-f", str(REPO / "Makefile"), "admin", f"PORT={port}", f"BACKEND_PORT={backend}", f"VENV={REPO / '.venv'}"]
    base = f"http://127.0.0.1:{port}/"
    with running(command, root) as output:
        wait_for(lambda: serves_product(base), output, "make admin never served the preview")
        assert f"Trình soạn thảo: {base}admin/ — xem trước trang web: {base}" in output()
        status, page = fetch(f"{base}admin/")
        assert status == 200 and '<script src="decap/decap-cms.js"></script>' in page
        status, text = fetch(f"{base}admin/config.yml")
        config = yaml.safe_load(text)
        assert config["local_backend"]["url"] == f"http://127.0.0.1:{backend}/api/v1"
        assert [c["name"] for c in config["collections"]] == ["products", "producers", "settings"]
        assert fetch(f"{base}admin/decap/decap-cms.js")[0] == 200
        assert fetch(f"{base}admin/decap/../../package.json")[0] == 404
