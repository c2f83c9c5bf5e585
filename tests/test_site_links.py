"""Crawl the whole built site: every internal link and asset resolves to a file."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .site_fixture import soup

ATTRIBUTES = ("href", "src")


def targets(page: Path) -> set[str]:
    document = soup(page)
    found = {tag[attr] for attr in ATTRIBUTES for tag in document.find_all(attrs={attr: True})}
    for tag in document.find_all(attrs={"srcset": True}):
        found |= {part.strip().split(" ")[0] for part in tag["srcset"].split(",")}
    return found


def resolve(page: Path, link: str, site: Path) -> Path | None:
    parts = urlsplit(link)
    if parts.scheme or link.startswith(("#", "//")) or not parts.path:
        return None
    target = (page.parent / unquote(parts.path)).resolve() if not parts.path.startswith("/") else site / parts.path.lstrip("/")
    return target / "index.html" if target.is_dir() or parts.path.endswith("/") else target


def test_no_broken_internal_links_or_missing_assets(demo_site: Path) -> None:
    pages = list(demo_site.rglob("*.html"))
    assert len(pages) > 200
    broken = []
    for page in pages:
        for link in targets(page):
            target = resolve(page, link, demo_site)
            if target is not None and not target.exists():
                broken.append(f"{page.relative_to(demo_site)} → {link}")
    assert broken == []


def test_pages_link_no_external_scripts_or_fonts(demo_site: Path) -> None:
    for page in [demo_site / "index.html", demo_site / "p" / "mat-ong-pa-u" / "index.html"]:
        document = soup(page)
        external = [t.get("src") or t.get("href") for t in document.select("script[src], link[rel=stylesheet]")]
        assert [u for u in external if re.match(r"https?://", u or "")] == []
