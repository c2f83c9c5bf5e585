"""The demo site, built once per test session into a temporary folder."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from catalogue.sitebuild import build_site

from .conftest import REPO

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """Build the demo catalogue's site (media from the project's cache) and return its folder."""
    site = tmp_path_factory.mktemp("demo") / "site"
    with open(os.devnull, "w") as quiet:
        report, summary = build_site(REPO / "products", REPO / "producers", site, today=TODAY, stream=quiet)
    assert summary is not None, report.to_text()
    return site


def soup(path: Path) -> BeautifulSoup:
    """Parsed HTML of a built page."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
