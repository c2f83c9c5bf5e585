"""One fixture file per defect: each is reported at its exact file, line and code."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from catalogue.problems import Report, Severity
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
    ("image-symlink-loop.yaml", 25, "image-unreadable"),
    ("image-fifo.yaml", 25, "image-unreadable"),
    ("image-name-too-long.yaml", 25, "image-unreadable"),
    ("image-nul-in-name.yaml", 25, "control-character"),
    ("image-bomb.yaml", 25, "image-too-large"),
    ("image-colour-profile.yaml", 25, "image-colour-profile"),
    ("image-truncated.yaml", 25, "image-truncated"),
    ("image-gif.yaml", 25, "image-format"),
    ("image-shape.yaml", 25, "image-shape"),
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
    ("a-duplicate-certificate-issued-later.yaml", 9, "duplicate-certificate"),
    ("issued-year-9999.yaml", 10, "date-out-of-range"),
    ("control-character-in-name.yaml", 3, "control-character"),
    ("line-break-in-name.yaml", 3, "control-character"),
    ("control-character-in-markdown.yaml", 16, "control-character"),
    ("raw-control-character.yaml", 17, "control-character"),
    ("bidi-override-in-name.yaml", 3, "bidi-control"),
    ("bidi-isolate-in-alt.yaml", 25, "bidi-control"),
    ("name-too-long.yaml", 3, "text-too-long"),
    ("certificate-number-too-long.yaml", 9, "text-too-long"),
    ("price-unit-too-long.yaml", 23, "text-too-long"),
    ("fact-value-too-long.yaml", 22, "text-too-long"),
    ("url-with-markup.yaml", 33, "invalid-url"),
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
    ("producer-name-bidi.yaml", 3, "bidi-control"),
    ("producer-address-too-long.yaml", 5, "text-too-long"),
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
        # What git cannot hold: a symbolic link to itself and a named pipe (which would make a check wait forever).
        loop = root / "products" / "images" / "loop.jpg"
        if not loop.is_symlink():
            loop.symlink_to("loop.jpg")
        pipe = root / "products" / "images" / "pipe.jpg"
        if not pipe.exists():
            os.mkfifo(pipe)


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
    "inspection-date-written-dd-mm-yyyy.yaml": "inspections[1].date: expected a date written YYYY-MM-DD, got '02/04/2026'; "
    "did you mean 2026-04-02?",
    "inspection-in-future.yaml": "inspections[2].date: 2027-04-02 is after today (2026-11-28); "
    "the dashboard ignores an inspection until its day",
}


@pytest.mark.parametrize(("name", "message"), INSPECTION_MESSAGES.items())
def test_inspection_messages_say_what_to_fix(base_catalogue: Path, name: str, message: str) -> None:
    add_defect(base_catalogue, "products", name)
    _, report = validate(base_catalogue / "products", base_catalogue / "producers", today=TODAY)
    assert [p.text("en") for p in report.problems if p.file == f"products/{name}"] == [message]


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
    assert [p.text("en") for p in report.problems if p.file == f"products/{name}"] == [message]


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
    assert [p.text("en") for p in report.problems if p.file == f"products/{name}"] == [message]


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
    assert [(p.file, p.line, p.code, p.text("en")) for p in report.sorted()] == [
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
        [sys.executable, str(REPO / "build_site.py"), "--check", "--lang", "en", "--today", "2026-11-28"],
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


# Image files whose content is bad: what --check says of each must be what the photo job says.
BAD_IMAGE_CONTENT = [
    "image-not-image.yaml",
    "image-bomb.yaml",
    "image-colour-profile.yaml",
    "image-truncated.yaml",
    "image-gif.yaml",
    "image-shape.yaml",
]


@pytest.mark.parametrize("name", BAD_IMAGE_CONTENT)
def test_check_and_media_build_refuse_a_bad_image_alike(base_catalogue: Path, name: str) -> None:
    from catalogue.jobs.job import run_job
    from catalogue.media_stage import _report_problem, plan

    add_defect(base_catalogue, "products", name)
    catalogue, report = validate(Path("products"), Path("producers"), today=TODAY)
    [checked] = [p for p in report.problems if p.file == f"products/{name}"]
    [job] = [j for j in plan(catalogue, TODAY) if j.kind == "photo" and j.product == name.removesuffix(".yaml")]
    outcome = run_job(job)
    assert outcome.error is not None
    built = Report()
    _report_problem(catalogue, job, outcome.error, built)
    assert outcome.files == {} and built.problems == [checked]


# Defects of issue 10 (each once a traceback, a hang, a misleading message or a silent pass), with
# the exact line printed by --check and by the build.
EXACT_PROBLEMS = {
    "products/image-bomb.yaml": "products/image-bomb.yaml:25: error: images[1].src: 'images/bomb-30000x30000.png' "
    "declares a size over the limit of 64 megapixels; export it smaller [image-too-large]",
    "products/image-colour-profile.yaml": "products/image-colour-profile.yaml:25: error: images[1].src: "
    "'images/damaged-colour-profile.jpg' has a damaged or unusable colour profile (ICC); export it again as sRGB [image-colour-profile]",
    "products/image-truncated.yaml": "products/image-truncated.yaml:25: error: images[1].src: 'images/truncated.jpg' is damaged "
    "or incomplete (image file is truncated (117 bytes not processed)); export it again [image-truncated]",
    "products/image-gif.yaml": "products/image-gif.yaml:25: error: images[1].src: 'images/drawing.gif' is a GIF image; "
    "use JPEG, PNG or WebP [image-format]",
    "products/image-shape.yaml": "products/image-shape.yaml:25: error: images[1].src: 'images/strip-1100x100.png' is "
    "1100×100 pixels, more than 10 times as long as it is wide; crop it to the product [image-shape]",
    "products/image-symlink-loop.yaml": "products/image-symlink-loop.yaml:25: error: images[1].src: 'images/loop.jpg' is a "
    "symbolic link that leads round in a loop; point it at the image file [image-unreadable]",
    "products/image-fifo.yaml": "products/image-fifo.yaml:25: error: images[1].src: 'images/pipe.jpg' is a named pipe (FIFO), "
    "not an image file [image-unreadable]",
    "products/image-name-too-long.yaml": "products/image-name-too-long.yaml:25: error: images[1].src: 'images/"
    + "anh-hop-che-shan-tuyet-" * 13
    + ".jpg' is a name too long for the file system (255 bytes at most between slashes); rename the file [image-unreadable]",
    "products/image-nul-in-name.yaml": "products/image-nul-in-name.yaml:25: error: images[1].src: contains the control "
    'character U+0000; remove it (a YAML escape such as "\\x01" makes one) [control-character]',
    "products/issued-year-9999.yaml": "products/issued-year-9999.yaml:10: error: certificate.issued: 9999-06-01 is not "
    "between 2000-01-01 and 2099-12-31; check the year [date-out-of-range]",
    "products/a-duplicate-certificate-issued-later.yaml": "products/a-duplicate-certificate-issued-later.yaml:9: error: "
    "certificate.number: 'TEST-0001' is already used by products/base-product.yaml:9, whose certificate was issued "
    "earlier (2025-03-10) [duplicate-certificate]",
    "products/control-character-in-name.yaml": "products/control-character-in-name.yaml:3: error: name: contains the control "
    'character U+0001; remove it (a YAML escape such as "\\x01" makes one) [control-character]',
    "products/line-break-in-name.yaml": "products/line-break-in-name.yaml:3: error: name: contains a line break (U+000A); "
    "write this field on one line [control-character]",
    "products/control-character-in-markdown.yaml": "products/control-character-in-markdown.yaml:16: error: description: "
    'contains the control character U+0007; remove it (a YAML escape such as "\\x01" makes one) [control-character]',
    "products/raw-control-character.yaml": "products/raw-control-character.yaml:17: error: the file contains the control "
    "character U+001B, which YAML does not allow; remove it [control-character]",
    "products/bidi-override-in-name.yaml": "products/bidi-override-in-name.yaml:3: error: name: contains U+202E "
    "(RIGHT-TO-LEFT OVERRIDE), which makes text display in another order than it is written; remove it [bidi-control]",
    "products/bidi-isolate-in-alt.yaml": "products/bidi-isolate-in-alt.yaml:25: error: images[1].alt: contains U+2066 "
    "(LEFT-TO-RIGHT ISOLATE), which makes text display in another order than it is written; remove it [bidi-control]",
    "products/name-too-long.yaml": "products/name-too-long.yaml:3: error: name: is 127 characters long; keep it to 120 "
    "or fewer [text-too-long]",
    "products/certificate-number-too-long.yaml": "products/certificate-number-too-long.yaml:9: error: certificate.number: "
    "is 52 characters long; keep it to 40 or fewer [text-too-long]",
    "products/price-unit-too-long.yaml": "products/price-unit-too-long.yaml:23: error: price.unit: is 55 characters long; "
    "keep it to 40 or fewer [text-too-long]",
    "products/fact-value-too-long.yaml": "products/fact-value-too-long.yaml:22: error: facts.shelf_life: is 260 characters "
    "long; keep it to 250 or fewer [text-too-long]",
    "products/url-with-markup.yaml": "products/url-with-markup.yaml:33: error: channels[1].url: "
    "'https://postmart.vn/\"onmouseover=\"alert(1)' contains '\"', which has no place in a web address; "
    "remove it or percent-encode it [invalid-url]",
    "producers/producer-name-bidi.yaml": "producers/producer-name-bidi.yaml:3: error: name: contains U+202B (RIGHT-TO-LEFT "
    "EMBEDDING), which makes text display in another order than it is written; remove it [bidi-control]",
    "producers/producer-address-too-long.yaml": "producers/producer-address-too-long.yaml:5: error: address: is 279 "
    "characters long; keep it to 250 or fewer [text-too-long]",
    "settings/languages-empty.yaml": "catalogue.yaml:3: error: languages: must start with vi: Vietnamese is the site's "
    "root, where every printed QR code leads; got [] [invalid-value]",
    "settings/languages-english-only.yaml": "catalogue.yaml:3: error: languages: must start with vi: Vietnamese is the "
    "site's root, where every printed QR code leads; got [en] [invalid-value]",
    "settings/languages-twice.yaml": "catalogue.yaml:3: error: languages: 'vi' is listed twice [invalid-value]",
    "settings/languages-unknown.yaml": "catalogue.yaml:3: error: languages: 'fr' is not a language the site can be built in; "
    "choose among vi, en, zh (each has a words file, catalogue/words/<code>.yaml) [invalid-value]",
    "settings/demo-false-example-address.yaml": "catalogue.yaml:3: error: site_url: 'https://ocop-laichau.example/' is a "
    "reserved example address (.example) but `demo` is false: labels printed now would lead nowhere; set the site's "
    "real address, or `demo: true` for illustrative data [reserved-address]",
    "settings/site-url-user-info.yaml": "catalogue.yaml:2: error: site_url: 'https://official@evil.example/' has a user "
    "name before '@' ('official'): readers would see 'official', browsers open evil.example; remove it [invalid-url]",
    "settings/site-url-query.yaml": "catalogue.yaml:2: error: site_url: 'https://ocop.test/?lang=vi/' has a query or "
    "fragment ('?' or '#'); QR codes append p/<id>/ to the site address, so it must end with its path [invalid-url]",
    "settings/site-url-markup.yaml": "catalogue.yaml:2: error: site_url: 'https://ocop.test/\"><script>alert(1)</script>/' "
    "contains '\"', which has no place in a web address; remove it or percent-encode it [invalid-url]",
    "settings/site-url-scheme.yaml": "catalogue.yaml:2: error: site_url: 'ftp://ocop.test/' is not an http:// or https:// "
    "address [invalid-url]",
    "settings/site-url-non-ascii.yaml": "catalogue.yaml:2: error: site_url: 'https://ocop.test/sản-phẩm/' contains 'ả'; a "
    "site address holds only letters a-z, digits and - . _ ~ / : % (write an international domain in its xn-- form) [invalid-url]",
    "settings/site-name-bidi.yaml": "catalogue.yaml:3: error: site_name: contains U+202E (RIGHT-TO-LEFT OVERRIDE), which "
    "makes text display in another order than it is written; remove it [bidi-control]",
    "settings/office-name-too-long.yaml": "catalogue.yaml:4: error: office.name: is 135 characters long; keep it to 120 or "
    "fewer [text-too-long]",
    "settings/sales-date-out-of-range.yaml": "catalogue.yaml:23: error: sales_points[2].to: 9999-12-14 is not between "
    "2000-01-01 and 2099-12-31; check the year [date-out-of-range]",
    "settings/sales-name-control-character.yaml": "catalogue.yaml:8: error: sales_points[1].translations.en.name: contains the control "
    'character U+007F; remove it (a YAML escape such as "\\x01" makes one) [control-character]',
}


def put_defect(root: Path, fixture: str) -> None:
    """Put the defect `folder/name` into the catalogue at `root` (a settings defect becomes its catalogue.yaml)."""
    folder, name = fixture.split("/")
    if folder == "settings":
        shutil.copy(DEFECTS / "settings" / name, root / "catalogue.yaml")
    else:
        add_defect(root, folder, name)


@pytest.mark.parametrize(("fixture", "expected"), EXACT_PROBLEMS.items())
def test_exact_problem(base_catalogue: Path, fixture: str, expected: str) -> None:
    put_defect(base_catalogue, fixture)
    _, report = validate(Path("products"), Path("producers"), today=TODAY)
    assert [p.show("en") for p in report.sorted()] == [expected]


@pytest.mark.parametrize(("fixture", "expected"), EXACT_PROBLEMS.items())
def test_check_and_build_print_the_line_and_exit_1(
    base_catalogue: Path, fixture: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from catalogue.cli import main

    put_defect(base_catalogue, fixture)
    site = base_catalogue / "site"
    assert main(["--lang", "en", "--check", "--today", TODAY.isoformat()]) == 1
    assert main(["--lang", "en", "--site-dir", str(site), "--today", TODAY.isoformat()]) == 1
    out = capsys.readouterr()
    assert out.out.splitlines()[::2] == [expected, expected]
    assert "Traceback" not in out.out + out.err and not site.exists()


def test_every_defect_fixture_is_tested() -> None:
    listed = {f"products/{n}" for n, *_ in PRODUCT_DEFECTS + PRODUCT_WARNINGS} | {f"producers/{n}" for n, *_ in PRODUCER_DEFECTS}
    listed |= set(EXACT_PROBLEMS) | {"products/producer-file-with-errors.yaml"}
    files = {f"{p.parent.name}/{p.name}" for p in DEFECTS.glob("*/*.yaml") if not p.name.startswith("sales-")}
    assert files <= listed


def test_a_producer_file_with_errors_is_not_called_missing(base_catalogue: Path) -> None:
    """Its products say nothing more: "has no file, add producers/bad-phone.yaml" would be false."""
    add_defect(base_catalogue, "producers", "bad-phone.yaml")
    add_defect(base_catalogue, "products", "producer-file-with-errors.yaml")
    _, report = validate(Path("products"), Path("producers"), today=TODAY)
    assert [(p.file, p.code) for p in report.problems] == [("producers/bad-phone.yaml", "invalid-phone")]
    (base_catalogue / "producers" / "bad-phone.yaml").unlink()
    _, report = validate(Path("products"), Path("producers"), today=TODAY)
    assert [p.show("en") for p in report.problems] == [
        "products/producer-file-with-errors.yaml:7: error: producer: 'bad-phone' has no file in the producers folder; "
        "add producers/bad-phone.yaml [unknown-producer]"
    ]


def test_a_duplicate_certificate_issued_the_same_day_is_blamed_on_the_later_file(base_catalogue: Path) -> None:
    add_defect(base_catalogue, "products", "duplicate-certificate.yaml")
    _, report = validate(Path("products"), Path("producers"), today=TODAY)
    assert [p.show("en") for p in report.problems] == [
        "products/duplicate-certificate.yaml:9: error: certificate.number: 'test 0001' is already used by "
        "products/base-product.yaml:9, whose certificate was issued the same day [duplicate-certificate]"
    ]
