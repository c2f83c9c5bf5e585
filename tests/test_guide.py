"""The office's guide (docs/huong-dan/) cannot drift: its YAML examples pass the check, every link
and image it shows exists, every page is in its index, and its screenshots stay small."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from PIL import Image

from catalogue.problems import Report
from catalogue.validate import load_settings, validate

from .conftest import REPO
from .site_fixture import TODAY

GUIDE = REPO / "docs" / "huong-dan"
PAGES = sorted(GUIDE.glob("*.md"))
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.DOTALL | re.MULTILINE)
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
# The first line of a complete example names its file: `# products/<id>.yaml`, possibly followed by
# words such as "(trước khi gia hạn)". A wrong example, shown to be fixed, starts with `# SAI`.
FILE_HEADER = re.compile(r"^# (products|producers)/([a-z0-9-]+)\.yaml\b")
SETTINGS_HEADER = re.compile(r"^# catalogue\.yaml\b")
WRONG = "# SAI"
IMAGES_LIMIT = 2_000_000  # bytes, every screenshot together


def yaml_blocks() -> list[tuple[str, int, str]]:
    """(page, number of the block on the page, text) of every ```yaml block of the guide."""
    return [
        (page.name, index, match.group(2))
        for page in PAGES
        for index, match in enumerate(FENCE.finditer(page.read_text(encoding="utf-8")), 1)
        if match.group(1) == "yaml"
    ]


def complete(folder: str) -> list[tuple[str, int, str, str]]:
    """(page, block, id, text) of the complete example files of `folder` (products or producers)."""
    found = []
    for page, index, text in yaml_blocks():
        header = FILE_HEADER.match(text)
        if header and header.group(1) == folder:
            found.append((page, index, header.group(2), text))
    return found


def test_the_guide_has_its_pages_and_examples() -> None:
    names = {page.name for page in PAGES}
    assert {"README.md", "them-san-pham.md", "gia-han.md", "sua-loi.md", "bang-theo-doi.md"} <= names
    assert len(complete("products")) >= 6 and len(complete("producers")) >= 2


@pytest.mark.parametrize(("page", "index", "text"), yaml_blocks(), ids=lambda v: str(v)[:30])
def test_every_yaml_example_reads(page: str, index: int, text: str) -> None:
    if text.startswith(WRONG):
        return  # shown to be fixed; the messages' tests check what the check says about such text
    assert isinstance(yaml.safe_load(text), dict), f"{page}, block {index}"


@pytest.fixture(scope="module")
def producers_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's producers with the guide's own example producers beside them."""
    folder = tmp_path_factory.mktemp("guide") / "producers"
    shutil.copytree(REPO / "producers", folder)
    for _, _, producer_id, text in complete("producers"):
        (folder / f"{producer_id}.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(("page", "index", "product_id", "text"), complete("products"), ids=lambda v: str(v)[:30])
def test_every_product_example_passes_the_check(
    tmp_path: Path, producers_folder: Path, page: str, index: int, product_id: str, text: str
) -> None:
    products = tmp_path / "products"
    products.mkdir()
    (products / f"{product_id}.yaml").write_text(text, encoding="utf-8")
    _, report = validate(products, producers_folder, today=TODAY)
    assert not report.errors, f"{page}, block {index}:\n{report.to_text()}"


def test_every_producer_example_passes_the_check(producers_folder: Path, tmp_path: Path) -> None:
    (tmp_path / "products").mkdir()
    _, report = validate(tmp_path / "products", producers_folder, today=TODAY)
    assert not report.errors, report.to_text()


def test_settings_examples_pass_the_check(tmp_path: Path) -> None:
    examples = [(page, text) for page, _, text in yaml_blocks() if SETTINGS_HEADER.match(text)]
    assert examples
    for page, text in examples:
        path = tmp_path / "catalogue.yaml"
        path.write_text(text, encoding="utf-8")
        report = Report()
        load_settings(path, report)
        assert not report.errors, f"{page}: {report.to_text()}"


def slug(heading: str) -> str:
    """The anchor a Markdown renderer (GitHub's, MkDocs') gives an ASCII heading."""
    return re.sub(r"[^a-z0-9 -]", "", heading.strip().lower()).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    return {slug(line.lstrip("#")) for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")}


def links(page: Path) -> list[str]:
    """Every link and image target of a page, outside code blocks."""
    return LINK.findall(FENCE.sub("", page.read_text(encoding="utf-8")))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_link_of_the_guide_resolves(page: Path) -> None:
    for target in links(page):
        if target.startswith(("http://", "https://")):
            continue
        file, _, anchor = target.partition("#")
        path = (page.parent / file).resolve()
        assert path.exists(), f"{page.name}: {target} does not exist"
        if anchor:
            assert anchor in anchors(path), f"{page.name}: {target}: no heading with that anchor"


def test_every_page_is_in_the_index_and_the_index_in_the_readme() -> None:
    listed = {target for target in links(GUIDE / "README.md") if not target.startswith(("http", ".."))}
    assert {page.name for page in PAGES} - {"README.md"} <= listed
    assert "docs/huong-dan/README.md" in links(REPO / "README.md")


def images() -> list[Path]:
    return sorted({(page.parent / t).resolve() for page in PAGES for t in links(page) if t.endswith(".png")})


def test_every_screenshot_exists_and_is_small() -> None:
    shown = images()
    assert len(shown) >= 3
    for path in shown:
        assert path.is_file(), path
        with Image.open(path) as picture:
            assert picture.format == "PNG" and 300 <= picture.width <= 800, path
    assert sum(p.stat().st_size for p in shown) < IMAGES_LIMIT
    stored = set((GUIDE / "img").glob("*.png"))
    assert stored == set(shown), "screenshots no page shows"
