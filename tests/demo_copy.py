"""A copy of the demo catalogue to change: products with their photos, producers and settings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).parent.parent


def copy_demo(root: Path) -> Path:
    """The demo catalogue copied into `root`."""
    shutil.copytree(REPO / "products", root / "products")
    shutil.copytree(REPO / "producers", root / "producers")
    shutil.copy(REPO / "catalogue.yaml", root / "catalogue.yaml")
    return root


@pytest.fixture
def demo_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the demo catalogue, which is also the working directory."""
    root = copy_demo(tmp_path / "demo")
    monkeypatch.chdir(root)
    return root
