"""One fixture file per defect: each is reported at its exact file, line and code."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from catalogue.problems import Severity
from catalogue.validate import validate

from .conftest import FIXTURES, REPO

DEFECTS = FIXTURES / "defects"
TODAY = date(2026, 11, 28)

# (fixture file, line, code): lines read off the fixture files, where each defect was put.
PRODUCT_DEFECTS = [
    ("yaml-syntax.yaml", 4, "yaml-syntax"),
    ("yaml-alias.yaml", 36, "yaml-alias"),
    ("yaml-tag.yaml", 3, "yaml-tag"),
    ("duplicate-key.yaml", 7, "duplicate-key"),
    ("unknown-field.yaml", 7, "unknown-field"),
    ("wrong-type.yaml", 23, "wrong-type"),
    ("missing-field.yaml", 8, "missing-field"),
    ("stars-out-of-range.yaml", 6, "invalid-value"),
    ("unknown-group.yaml", 4, "invalid-value"),
    ("unknown-category.yaml", 5, "unknown-category"),
    ("category-group-mismatch.yaml", 5, "category-group-mismatch"),
    ("unknown-commune.yaml", 28, "unknown-commune"),
    ("unknown-producer.yaml", 7, "unknown-producer"),
    ("id-mismatch.yaml", 2, "id-mismatch"),
    ("Invalid_Id.yaml", 2, "invalid-id"),
    ("duplicate-certificate.yaml", 9, "duplicate-certificate"),
    ("duplicate-gtin.yaml", 32, "duplicate-gtin"),
    ("expires-before-issued.yaml", 12, "date-order"),
    ("revoked-before-issued.yaml", 15, "date-order"),
    ("image-missing.yaml", 25, "image-missing"),
    ("image-not-image.yaml", 25, "image-not-image"),
    ("image-directory.yaml", 25, "image-unreadable"),
    ("image-parent-path.yaml", 25, "path-outside"),
    ("image-absolute-path.yaml", 25, "path-outside"),
    ("image-symlink-out.yaml", 25, "path-outside"),
    ("javascript-url.yaml", 33, "invalid-url"),
    ("gtin-check-digit.yaml", 32, "invalid-gtin"),
    ("summary-too-long.yaml", 15, "summary-too-long"),
    ("raw-html.yaml", 16, "raw-html"),
    ("raw-html-escaped-backtick.yaml", 16, "raw-html"),
    ("raw-html-inline-tildes.yaml", 16, "raw-html"),
    ("raw-html-comment.yaml", 18, "raw-html"),
    ("markdown-attribute-list.yaml", 16, "markdown-attributes"),
    ("markdown-status-id.yaml", 16, "markdown-attributes"),
    ("markdown-fence-attributes.yaml", 16, "markdown-attributes"),
    ("markdown-javascript-link.yaml", 16, "unsafe-link"),
    ("markdown-entity-scheme.yaml", 36, "unsafe-link"),
    ("markdown-data-image.yaml", 16, "unsafe-link"),
    ("invalid-date.yaml", 10, "invalid-date"),
    ("unknown-fact.yaml", 22, "unknown-fact"),
    ("price-order.yaml", 23, "invalid-value"),
    ("unknown-channel-kind.yaml", 33, "invalid-value"),
    ("empty-file.yaml", 1, "empty-file"),
    ("not-a-mapping.yaml", 1, "not-a-mapping"),
    ("latin1-encoding.yaml", 3, "encoding"),
    ("inspection-unknown-result.yaml", 37, "invalid-value"),
    ("inspection-missing-body.yaml", 35, "missing-field"),
    ("inspection-date-written-dd-mm-yyyy.yaml", 35, "invalid-date"),
    ("previous-duplicate-number.yaml", 16, "duplicate-certificate"),
    ("previous-out-of-order.yaml", 20, "date-order"),
    ("previous-after-current.yaml", 17, "date-order"),
    ("previous-expires-before-issued.yaml", 18, "date-order"),
]
PRODUCT_WARNINGS = [("coordinates-outside.yaml", 29, "coordinates-outside"), ("inspection-in-future.yaml", 38, "inspection-in-future")]
PRODUCER_DEFECTS = [
    ("bad-phone.yaml", 7, "invalid-phone"),
    ("bad-kind.yaml", 4, "invalid-value"),
    ("bad-email.yaml", 8, "invalid-email"),
    ("bad-tax-code.yaml", 9, "invalid-tax-code"),
    ("bad-website.yaml", 10, "invalid-url"),
]


def add_defect(root: Path, folder: str, name: str) -> None:
    """Put one defect file (and what it needs around it) into the catalogue at `root`."""
    shutil.copy(DEFECTS / folder / name, root / folder / name)
    if folder == "products":
        shutil.copytree(DEFECTS / "products" / "images", root / "products" / "images", dirs_exist_ok=True)
        outside = root.parent / "outside.jpg"
        shutil.copy(root / "products" / "images" / "base.jpg", outside)
        link = root / "products" / "images" / "link-out.jpg"
        if not link.exists():
            link.symlink_to(outside)


def problems_in(root: Path, folder: str, name: str) -> list[tuple[str, int, str, Severity]]:
    _, report = validate(root / "products", root / "producers", today=TODAY)
    return [(p.file, p.line, p.code, p.severity) for p in report.sorted() if p.file == f"{folder}/{name}"]


def test_base_catalogue_is_valid(base_catalogue: Path) -> None:
    catalogue, report = validate(Path("products"), Path("producers"), today=TODAY)
    assert report.problems == []
    assert list(catalogue.products) == ["base-product"]


@pytest.mark.parametrize(("name", "line", "code"), PRODUCT_DEFECTS)
def test_product_defect(base_catalogue: Path, name: str, line: int, code: str) -> None:
    add_defect(base_catalogue, "products", name)
    assert problems_in(base_catalogue, "products", name) == [(f"products/{name}", line, code, Severity.ERROR)]


@pytest.mark.parametrize(("name", "line", "code"), PRODUCT_WARNINGS)
def test_product_warning(base_catalogue: Path, name: str, line: int, code: str) -> None:
    add_defect(base_catalogue, "products", name)
    assert problems_in(base_catalogue, "products", name) == [(f"products/{name}", line, code, Severity.WARNING)]


@pytest.mark.parametrize(("name", "line", "code"), PRODUCER_DEFECTS)
def test_producer_defect(base_catalogue: Path, name: str, line: int, code: str) -> None:
    add_defect(base_catalogue, "producers", name)
    assert problems_in(base_catalogue, "producers", name) == [(f"producers/{name}", line, code, Severity.ERROR)]


INSPECTION_MESSAGES = {
    "inspection-unknown-result.yaml": "inspections[1].result: must be 'pass', 'minor-issues' or 'fail', got 'passed'; did you mean 'pass'?",
    "inspection-missing-body.yaml": "inspections[1].body: required field is missing",
    "inspection-date-written-dd-mm-yyyy.yaml": "inspections[1].date: expected a date written YYYY-MM-DD, got '02/04/2026'",
    "inspection-in-future.yaml": "inspections[2].date: 2027-04-02 is after today (2026-11-28); "
    "the dashboard ignores an inspection until its day",
}


@pytest.mark.parametrize(("name", "message"), INSPECTION_MESSAGES.items())
def test_inspection_messages_say_what_to_fix(base_catalogue: Path, name: str, message: str) -> None:
    add_defect(base_catalogue, "products", name)
    _, report = validate(base_catalogue / "products", base_catalogue / "producers", today=TODAY)
    assert [p.message for p in report.problems if p.file == f"products/{name}"] == [message]


HISTORY_MESSAGES = {
    "previous-duplicate-number.yaml": "certificate.previous[1].number: 'test 0001' is already used by products/base-product.yaml:9",
    "previous-out-of-order.yaml": "certificate.previous[2].issued: 2019-03-10 is not after certificate.previous[1].issued (2022-03-10); "
    "list earlier certificates oldest first",
    "previous-after-current.yaml": "certificate.previous[1].issued: 2025-09-01 is not before the current certificate's issue date "
    "(2025-03-10); the latest certificate goes in `certificate`, the ones it replaced in `previous`",
    "previous-expires-before-issued.yaml": "certificate.previous[1].expires: 2020-03-09 is before its issue date 2022-03-10",
}


@pytest.mark.parametrize(("name", "message"), HISTORY_MESSAGES.items())
def test_certificate_history_messages(base_catalogue: Path, name: str, message: str) -> None:
    add_defect(base_catalogue, "products", name)
    _, report = validate(base_catalogue / "products", base_catalogue / "producers", today=TODAY)
    assert [p.message for p in report.problems if p.file == f"products/{name}"] == [message]


MARKDOWN_MESSAGES = {
    "raw-html.yaml": "description: raw HTML is not allowed in Markdown text, found '<b>' (and 1 more in this text)",
    "raw-html-escaped-backtick.yaml": "description: raw HTML is not allowed in Markdown text, found '<img src=x onerror=alert(1)>'",
    "raw-html-inline-tildes.yaml": "description: raw HTML is not allowed in Markdown text, found '<img src=x onerror=alert(1)>'",
    "raw-html-comment.yaml": "story: raw HTML is not allowed in Markdown text, found '<!--'",
    "markdown-attribute-list.yaml": "description: attribute lists are not allowed in Markdown text, found '{: onerror=\"alert(1)\" }'",
    "markdown-status-id.yaml": "description: attribute lists are not allowed in Markdown text, found '{: #ocop-status-texts }'",
    "markdown-fence-attributes.yaml": "description: attribute lists are not allowed in Markdown text, found '{#ocop-status-texts}'",
    "markdown-javascript-link.yaml": "description: link to 'javascript:alert(1)' is not allowed: "
    "use an address that starts with http://, https://, mailto: or tel:, or a relative path",
    "markdown-entity-scheme.yaml": "translations.en.story: link to 'jav&#x61;script:alert(1)' is not allowed: "
    "use an address that starts with http://, https://, mailto: or tel:, or a relative path",
    "markdown-data-image.yaml": "description: image 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=' is not allowed: "
    "use an address that starts with http:// or https://, or a relative path",
}


@pytest.mark.parametrize(("name", "message"), MARKDOWN_MESSAGES.items())
def test_markdown_messages_name_the_field_and_what_was_found(base_catalogue: Path, name: str, message: str) -> None:
    add_defect(base_catalogue, "products", name)
    _, report = validate(base_catalogue / "products", base_catalogue / "producers", today=TODAY)
    assert [p.message for p in report.problems if p.file == f"products/{name}"] == [message]


def _with_history(root: Path, product_id: str, number: str, previous: str) -> Path:
    """A copy of the base product under `product_id` with its own number and a `previous` block."""
    text = (root / "products" / "base-product.yaml").read_text(encoding="utf-8")
    text = text.replace("id: base-product", f"id: {product_id}").replace("number: TEST-0001", f"number: {number}")
    text = text.replace('gtin: "8936000120016"\n', "").replace("  kind: new\n", "  kind: renewal\n  previous:\n" + previous)
    path = root / "products" / f"{product_id}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_history_passes(base_catalogue: Path) -> None:
    previous = "    - {number: GCN 2019/07, issued: 2019-03-10, stars: 3, kind: new}\n    - {number: GCN 2022/07, issued: 2022-03-10}\n"
    _with_history(base_catalogue, "renewed", "GCN 2025/07", previous)
    catalogue, report = validate(base_catalogue / "products", base_catalogue / "producers", today=TODAY)
    assert report.problems == []
    assert [c.number for c in catalogue.products["renewed"].certificate.previous] == ["GCN 2019/07", "GCN 2022/07"]


def test_an_earlier_number_may_not_repeat_the_products_own_or_another_earlier_one(base_catalogue: Path) -> None:
    # Folded like the duplicate check: "GCN-2025-07" is the current "GCN 2025/07"; the second
    # product's earlier number is the first product's earlier one.
    _with_history(base_catalogue, "renewed", "GCN 2025/07", "    - {number: GCN-2025-07, issued: 2022-03-10}\n")
    _with_history(base_catalogue, "upgraded", "GCN 2025/08", "    - {number: gcn 2025 07, issued: 2022-03-10}\n")
    _, report = validate(base_catalogue / "products", base_catalogue / "producers", today=TODAY)
    assert [(p.file, p.line, p.code, p.message) for p in report.sorted()] == [
        (
            "products/renewed.yaml",
            16,
            "duplicate-certificate",
            "certificate.previous[1].number: 'GCN-2025-07' is already used by products/renewed.yaml:9",
        ),
        (
            "products/upgraded.yaml",
            16,
            "duplicate-certificate",
            "certificate.previous[1].number: 'gcn 2025 07' is already used by products/renewed.yaml:9",
        ),
    ]


def test_duplicate_id_in_yml_twin(base_catalogue: Path) -> None:
    shutil.copy(base_catalogue / "products" / "base-product.yaml", base_catalogue / "products" / "base-product.yml")
    problems = problems_in(base_catalogue, "products", "base-product.yml")
    assert ("products/base-product.yml", 2, "duplicate-id", Severity.ERROR) in problems


def test_file_over_one_mebibyte_is_refused(base_catalogue: Path) -> None:
    big = base_catalogue / "products" / "big.yaml"
    big.write_text("id: big\ndescription: |\n" + "  lorem ipsum dolor sit amet\n" * 40_000)
    assert problems_in(base_catalogue, "products", "big.yaml") == [("products/big.yaml", 1, "file-too-large", Severity.ERROR)]


def test_every_defect_at_once_through_the_command_line(tmp_path: Path) -> None:
    from .conftest import make_base_catalogue

    root = make_base_catalogue(tmp_path / "cat")
    for name, *_ in PRODUCT_DEFECTS + PRODUCT_WARNINGS:
        add_defect(root, "products", name)
    for name, *_ in PRODUCER_DEFECTS:
        add_defect(root, "producers", name)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, str(REPO / "build_site.py"), "--check", "--today", "2026-11-28"],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert result.returncode == 1
    assert len(lines) >= len(PRODUCT_DEFECTS) + len(PRODUCER_DEFECTS) >= 20
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout.splitlines()[-1].startswith(f"{len(PRODUCT_DEFECTS) + len(PRODUCT_WARNINGS) + 1} products, ")
