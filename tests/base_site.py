"""A small site made by the build, once per test run (shared_build.py): the base catalogue plus a second
product, built under a restrictive umask. Tests copy it (with its media cache) to build again."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from catalogue.jobs.cache import MediaCache
from catalogue.sitebuild import build_site

from .conftest import make_base_catalogue
from .shared_build import made_once

TODAY = date(2026, 11, 28)
EXTRA = "extra-product"


def make_two_product_catalogue(root: Path) -> Path:
    """The base catalogue plus `extra-product`, a copy of its product with its own certificate."""
    make_base_catalogue(root)
    text = (root / "products" / "base-product.yaml").read_text(encoding="utf-8")
    text = text.replace("id: base-product", f"id: {EXTRA}").replace("TEST-0001", "TEST-0002")
    text = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("gtin:"))
    (root / "products" / f"{EXTRA}.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def built_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalogue folder holding `site/` as built by build_site (umask 077) and `.cache/media`."""
    return made_once(tmp_path_factory, "built-base", _build_base) / "cat"


def _build_base(folder: Path) -> None:
    root = make_two_product_catalogue(folder / "cat")
    previous = os.umask(0o077)
    try:
        with open(os.devnull, "w") as quiet:
            report, summary = build_site(
                root / "products", root / "producers", root / "site", today=TODAY, cache=MediaCache(root / ".cache" / "media"), stream=quiet
            )
    finally:
        os.umask(previous)
    assert summary is not None, report.to_text()


def copy_catalogue(built: Path, target: Path, site: bool = True) -> Path:
    """A copy of the built catalogue (and its site when `site`) at `target`; return `target`."""
    ignore = None if site else shutil.ignore_patterns("site")
    shutil.copytree(built, target, symlinks=True, ignore=ignore)
    return target


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes, to compare before and after."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
