"""Rebuilds change only what a change touches: after an edit, every file of the site whose bytes
are the same keeps its modification time (so a sync to a host sends only what changed), and the
files that changed are exactly those that show the change.

Two builds of a copy of the demo, on top of a copy of the session's demo site (the same catalogue,
so the copy is its previous build): one after renaming a product, one after deleting a photo,
renaming a producer and changing a target of the settings together."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
import pytest

from catalogue.hosting.policy import language_prefixes
from catalogue.sitebuild import build_site

from .demo_copy import copy_demo
from .site_fixture import TODAY

LANGUAGES = ["vi", "en", "zh"]  # the demo's (catalogue.yaml)
PREFIXES = [prefix.lstrip("/") for prefix in language_prefixes(LANGUAGES)]
TEXT = (".html", ".js", ".json", ".csv", ".xml", ".txt", ".svg", ".css")

PRODUCT = "bot-thao-qua-thu-lum"  # no translations: every language shows its Vietnamese name
PRODUCT_MARK = "zqxj"
PHOTO_PRODUCT = "dang-sam-say-kho-muong-te"
PHOTO = "images/dang-sam-say-kho-muong-te/2.jpg"
PRODUCER, PRODUCER_PRODUCT = "hkd-luc-le", "cham-cheo-luc-le"
PRODUCER_MARK = "zqxp"


@dataclass(frozen=True)
class File:
    """One file of a built site: its time, a digest of its bytes, its text (the words of a PDF) and
    its inode (the same while the file is not written again)."""

    mtime_ns: int
    digest: str
    text: bytes
    inode: int


def snapshot(site: Path) -> dict[str, File]:
    """Every file of `site` by its path in the site."""
    files = {}
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            text = data if path.suffix in TEXT else pdf_text(path) if path.suffix == ".pdf" else b""
            info = path.stat()
            files[path.relative_to(site).as_posix()] = File(info.st_mtime_ns, hashlib.sha256(data).hexdigest(), text, info.st_ino)
    return files


def pdf_text(path: Path) -> bytes:
    """The words of a PDF (its streams are compressed, so its bytes do not show them)."""
    document = pypdfium2.PdfDocument(path)
    try:
        return "".join(page.get_textpage().get_text_range() for page in document).encode()
    finally:
        document.close()


def changed(before: dict[str, File], after: dict[str, File]) -> set[str]:
    """The files in both whose bytes differ."""
    return {path for path in before.keys() & after.keys() if before[path].digest != after[path].digest}


def with_compressed(paths: set[str], site: dict[str, File]) -> set[str]:
    """`paths` with the compressed copy beside each, where the site has one."""
    return paths | {f"{path}.gz" for path in paths if f"{path}.gz" in site}


def assert_kept(before: dict[str, File], after: dict[str, File]) -> None:
    """Same bytes: the same file, not written again (same time, same inode); other bytes: another
    time (a compressed copy made again, not reused)."""
    for path in before.keys() & after.keys():
        if before[path].digest == after[path].digest:
            assert after[path].mtime_ns == before[path].mtime_ns, f"{path} kept its bytes but not its time"
            assert after[path].inode == before[path].inode, f"{path} kept its bytes but was written again"
        else:
            assert after[path].mtime_ns != before[path].mtime_ns, f"{path} changed but kept its time"


def rebuild(root: Path, site: Path) -> dict[str, File]:
    """Build the catalogue at `root` into `site` (with the project's media cache); the new site."""
    with open(os.devnull, "w") as quiet:
        report, summary = build_site(root / "products", root / "producers", site, root / "catalogue.yaml", today=TODAY, stream=quiet)
    assert summary is not None, report.to_text()
    return snapshot(site)


def edit(path: Path, pattern: str, replacement: str) -> None:
    """Replace the one line of `path` that matches `pattern`."""
    text, count = re.subn(pattern, replacement, path.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE)
    assert count == 1, (path, pattern)
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def builds(demo_site: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, File]]]:
    """The demo copy and three states of its site: as the session built it, after renaming a
    product, and after deleting a photo, renaming a producer and changing a target."""
    folder = tmp_path_factory.mktemp("incremental")
    root = copy_demo(folder / "demo")
    site = folder / "site"
    shutil.copytree(demo_site, site)  # copy2: the times as built
    states = [snapshot(site)]
    edit(root / "products" / f"{PRODUCT}.yaml", r"^name: (\S+)", rf"name: \1 {PRODUCT_MARK}")
    states.append(rebuild(root, site))
    product = root / "products" / f"{PHOTO_PRODUCT}.yaml"
    product.write_text(
        "".join(line for line in product.read_text(encoding="utf-8").splitlines(True) if PHOTO not in line), encoding="utf-8"
    )
    (root / "products" / PHOTO).unlink()
    edit(root / "producers" / f"{PRODUCER}.yaml", r"^name: (\S+)", rf"name: \1 {PRODUCER_MARK}")
    edit(root / "catalogue.yaml", r"^(\s+new_products:) (\d+)", r"\1 1\2")
    states.append(rebuild(root, site))
    return site, states


def test_editing_a_product_changes_exactly_the_files_that_show_it(builds: tuple[Path, list[dict[str, File]]]) -> None:
    _, (before, after, _) = builds
    assert before.keys() == after.keys()
    showing = {path for path, file in after.items() if PRODUCT_MARK.encode() in file.text}
    assert changed(before, after) == with_compressed(showing, after)
    expected = {f"{prefix}p/{PRODUCT}/index.html" for prefix in PREFIXES} | {f"{prefix}products/index.html" for prefix in PREFIXES}
    expected |= {"data/products.json", "data/products.csv"} | {f"data/finder-{lang}.js" for lang in LANGUAGES}
    assert expected <= showing
    assert any(path.endswith(".pdf") for path in showing)  # the printed catalogue
    assert_kept(before, after)


def test_a_deleted_photo_a_renamed_producer_and_a_new_target_change_their_pages(builds: tuple[Path, list[dict[str, File]]]) -> None:
    _, (_, before, after) = builds
    photo = f"img/{PHOTO_PRODUCT}/2-"
    assert not after.keys() - before.keys()
    gone = before.keys() - after.keys()
    assert gone and all(path.startswith(photo) for path in gone)
    dashboards = {f"{prefix}dashboard/index.html" for prefix in PREFIXES}
    explained = {
        path
        for path, file in after.items()
        if PRODUCER_MARK.encode() in file.text  # shows the producer's new name
        or f"{PRODUCER}/".encode() in file.text  # links the producer's page (listings keep an order by name)
        or photo.encode() in before[path].text  # showed the photo
        or path in dashboards
    }
    assert changed(before, after) <= with_compressed(explained, after)
    pages = {f"{prefix}p/{product}/index.html" for prefix in PREFIXES for product in (PHOTO_PRODUCT, PRODUCER_PRODUCT)}
    pages |= dashboards | {f"producers/{PRODUCER}/index.html", "data/products.json"}
    assert pages <= changed(before, after)
    assert_kept(before, after)
