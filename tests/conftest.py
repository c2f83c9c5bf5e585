"""Shared fixtures: a small valid catalogue copied into a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


def make_base_catalogue(root: Path) -> Path:
    """Copy the valid base catalogue into `root` and draw its one image; return `root`."""
    shutil.copytree(FIXTURES / "base", root, dirs_exist_ok=True)
    (root / "products" / "images").mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (64, 48), (90, 140, 60)).save(root / "products" / "images" / "base.jpg")
    return root


@pytest.fixture
def base_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A valid one-product catalogue in a temporary folder, which is also the working directory."""
    root = make_base_catalogue(tmp_path / "cat")
    monkeypatch.chdir(root)
    return root


from .base_site import built_base  # noqa: E402, F401  (a small site made by the build, shared by the site-folder tests)
from .browser import browser, open_page, site_url  # noqa: E402, F401  (Chromium and a server for the demo site)
from .demo_copy import demo_copy  # noqa: E402, F401  (a copy of the demo catalogue to change, for the Excel tests)
from .nginx_server import nginx_origin  # noqa: E402, F401  (nginx with the repository configuration on the demo site)
from .site_fixture import demo_site, demo_site_vi_en  # noqa: E402, F401  (the built demo sites, shared by the site tests)
