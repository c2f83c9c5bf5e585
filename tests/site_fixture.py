"""The demo site, built once per test run into a temporary folder (shared by the run's processes:
shared_build.py): in the demo's languages (catalogue.yaml: vi, en, zh), and once more in
Vietnamese and English alone."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from catalogue.sitebuild import build_site

from .conftest import REPO
from .shared_build import made_once

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """Build the demo catalogue's site (media from the project's cache) and return its folder."""
    return made_once(tmp_path_factory, "demo", _build_demo) / "site"


def _build_demo(folder: Path) -> None:
    with open(os.devnull, "w") as quiet:
        report, summary = build_site(REPO / "products", REPO / "producers", folder / "site", today=TODAY, stream=quiet)
    assert summary is not None, report.to_text()


@pytest.fixture(scope="session")
def demo_site_vi_en(tmp_path_factory) -> Path:
    """The demo catalogue's site built with `languages: [vi, en]` (its settings otherwise the same)."""
    return made_once(tmp_path_factory, "demo-vi-en", _build_demo_vi_en) / "site"


def _build_demo_vi_en(folder: Path) -> None:
    settings = folder / "catalogue.yaml"
    text = (REPO / "catalogue.yaml").read_text(encoding="utf-8")
    settings.write_text(re.sub(r"(?m)^languages: .*$", "languages: [vi, en]", text), encoding="utf-8")
    with open(os.devnull, "w") as quiet:
        report, summary = build_site(REPO / "products", REPO / "producers", folder / "site", settings, today=TODAY, stream=quiet)
    assert summary is not None, report.to_text()
    assert summary.languages == ["vi", "en"]


def soup(path: Path) -> BeautifulSoup:
    """Parsed HTML of a built page."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
