"""Sales points in catalogue.yaml: one fixture per defect, each reported at its exact line and code."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from catalogue.problems import Severity
from catalogue.validate import validate

from .conftest import FIXTURES
from .test_defects import TODAY

SETTINGS_DEFECTS = FIXTURES / "defects" / "settings"

# (fixture file, line, code, severity): lines read off the fixture files, where each defect was put.
DEFECTS = [
    ("sales-unknown-product.yaml", 16, "unknown-product", Severity.ERROR),
    ("sales-duplicate-id.yaml", 17, "duplicate-id", Severity.ERROR),
    ("sales-duplicate-product.yaml", 26, "duplicate-product", Severity.ERROR),
    ("sales-unknown-commune.yaml", 12, "unknown-commune", Severity.ERROR),
    ("sales-commune-and-province.yaml", 22, "conflicting-fields", Severity.ERROR),
    ("sales-no-place.yaml", 17, "missing-field", Severity.ERROR),
    ("sales-home-province.yaml", 21, "invalid-value", Severity.ERROR),
    ("sales-date-order.yaml", 23, "date-order", Severity.ERROR),
    ("sales-invalid-date.yaml", 22, "invalid-date", Severity.ERROR),
    ("sales-bad-phone.yaml", 13, "invalid-phone", Severity.ERROR),
    ("sales-unknown-kind.yaml", 19, "invalid-value", Severity.ERROR),
    ("sales-unknown-field.yaml", 14, "unknown-field", Severity.ERROR),
    ("sales-coordinates-outside.yaml", 15, "coordinates-outside", Severity.WARNING),
    ("sales-date-out-of-range.yaml", 23, "date-out-of-range", Severity.ERROR),
    ("sales-name-control-character.yaml", 8, "control-character", Severity.ERROR),
]


def settings_problems(root: Path, today: date = TODAY) -> list[tuple[str, int, str, Severity, str]]:
    _, report = validate(root / "products", root / "producers", today=today)
    return [(p.file, p.line, p.code, p.severity, p.text("en")) for p in report.sorted()]


def with_defect(root: Path, name: str) -> Path:
    shutil.copy(SETTINGS_DEFECTS / name, root / "catalogue.yaml")
    return root


def test_every_defect_has_a_fixture_and_every_fixture_a_test() -> None:
    assert {name for name, *_ in DEFECTS} == {p.name for p in SETTINGS_DEFECTS.glob("sales-*.yaml")}


def test_base_sales_points_are_valid(base_catalogue: Path) -> None:
    catalogue, report = validate(Path("products"), Path("producers"), today=TODAY)
    assert report.problems == []
    assert [p.id for p in catalogue.settings.sales_points] == ["base-showroom", "base-fair-booth"]
    assert [p.id for p in catalogue.sales_points_of("base-product")] == ["base-showroom", "base-fair-booth"]
    assert catalogue.sales_points_of("no-such-product") == []


@pytest.mark.parametrize(("name", "line", "code", "severity"), DEFECTS)
def test_sales_point_defect(base_catalogue: Path, name: str, line: int, code: str, severity: Severity) -> None:
    problems = settings_problems(with_defect(base_catalogue, name))
    assert [(file, line_, code_, severity_) for file, line_, code_, severity_, _ in problems] == [("catalogue.yaml", line, code, severity)]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "sales-unknown-product.yaml",
            "sales_points[1].products[1]: 'base-prodcut' has no file in the products folder; did you mean 'base-product'?",
        ),
        ("sales-duplicate-id.yaml", "sales_points[2].id: 'base-showroom' is already used by sales_points[1] on line 4"),
        ("sales-duplicate-product.yaml", "sales_points[2].products[2]: 'base-product' is already listed on line 25"),
        ("sales-unknown-commune.yaml", "sales_points[1].commune: 'ta-lengg' is not a commune or ward of Lai Châu; did you mean 'ta-leng'?"),
        (
            "sales-commune-and-province.yaml",
            "sales_points[2].province: give either commune (in Lai Châu) or province (outside it), not both",
        ),
        (
            "sales-no-place.yaml",
            "sales_points[2]: give its commune (a commune or ward of Lai Châu) or, for a point outside Lai Châu, its province",
        ),
        (
            "sales-home-province.yaml",
            "sales_points[2].province: 'tỉnh Lai Châu' is this catalogue's own province; give the point's commune instead",
        ),
        ("sales-date-order.yaml", "sales_points[2].to: 2026-12-01 is before the first day 2026-12-10 (`from`)"),
        ("sales-unknown-field.yaml", "sales_points[1].hour: unknown field; did you mean 'hours'?"),
        (
            "sales-coordinates-outside.yaml",
            "sales_points[1].coordinates: [103.48, 22.38] is outside Lai Châu; latitude and longitude look swapped",
        ),
    ],
)
def test_sales_point_messages(base_catalogue: Path, name: str, message: str) -> None:
    [(*_, found)] = settings_problems(with_defect(base_catalogue, name))
    assert found == message


def test_unknown_product_without_a_close_match(base_catalogue: Path) -> None:
    text = (base_catalogue / "catalogue.yaml").read_text(encoding="utf-8")
    (base_catalogue / "catalogue.yaml").write_text(text.replace("[base-product]", "[base-product, ruou-ngo]"), encoding="utf-8")
    assert settings_problems(base_catalogue) == [
        (
            "catalogue.yaml",
            15,
            "unknown-product",
            Severity.ERROR,
            "sales_points[1].products[2]: 'ruou-ngo' has no file in the products folder; check the id, or add the product first",
        )
    ]


def test_a_product_file_with_its_own_error_is_not_also_unknown(base_catalogue: Path) -> None:
    product = base_catalogue / "products" / "base-product.yaml"
    product.write_text(product.read_text(encoding="utf-8").replace("stars: 4", "stars: 6"), encoding="utf-8")
    problems = settings_problems(base_catalogue)
    assert [(file, code) for file, _, code, *_ in problems] == [("products/base-product.yaml", "invalid-value")]


def test_a_point_carrying_an_expired_product_is_a_warning(base_catalogue: Path) -> None:
    # base-product's certificate ends on 2028-03-10; both points list it (lines 15 and 24).
    problems = settings_problems(base_catalogue, today=date(2028, 6, 1))
    message = "'base-product': its certificate expired on 2028-03-10, so it may no longer be sold as an OCOP product"
    assert problems == [
        ("catalogue.yaml", 15, "product-not-in-force", Severity.WARNING, f"sales_points[1].products[1]: {message}"),
        ("catalogue.yaml", 24, "product-not-in-force", Severity.WARNING, f"sales_points[2].products[1]: {message}"),
    ]


def test_a_point_carrying_a_revoked_product_is_a_warning(base_catalogue: Path) -> None:
    product = base_catalogue / "products" / "base-product.yaml"
    revoked = "  kind: new\n  revoked: {date: 2026-05-10, reason: Không đạt tiêu chí bắt buộc khi hậu kiểm}\n"
    product.write_text(product.read_text(encoding="utf-8").replace("  kind: new\n", revoked), encoding="utf-8")
    problems = settings_problems(base_catalogue)
    assert [(line, code, severity) for _, line, code, severity, _ in problems] == [
        (15, "product-not-in-force", Severity.WARNING),
        (24, "product-not-in-force", Severity.WARNING),
    ]
    assert "its certificate was revoked on 2026-05-10" in problems[0][4]


def test_a_point_carrying_a_withdrawn_product_is_a_warning(base_catalogue: Path) -> None:
    product = base_catalogue / "products" / "base-product.yaml"
    withdrawn = "withdrawn: {date: 2026-09-30, reason: Chủ thể ngừng sản xuất sản phẩm này}\n"
    product.write_text(product.read_text(encoding="utf-8") + withdrawn, encoding="utf-8")
    message = "'base-product' left the catalogue on 2026-09-30 (withdrawn), so the site no longer lists it here; remove it from this point"
    assert settings_problems(base_catalogue) == [
        ("catalogue.yaml", 15, "product-withdrawn", Severity.WARNING, f"sales_points[1].products[1]: {message}"),
        ("catalogue.yaml", 24, "product-withdrawn", Severity.WARNING, f"sales_points[2].products[1]: {message}"),
    ]
    assert settings_problems(base_catalogue, today=date(2026, 9, 29)) == []  # not before its day


def test_settings_with_a_model_error_skip_the_cross_checks(base_catalogue: Path) -> None:
    # The settings fall back to the defaults, so the unknown product is not reported on top of the bad phone.
    text = (SETTINGS_DEFECTS / "sales-bad-phone.yaml").read_text(encoding="utf-8").replace("[base-product]", "[base-prodcut]")
    (base_catalogue / "catalogue.yaml").write_text(text, encoding="utf-8")
    assert [code for _, _, code, *_ in settings_problems(base_catalogue)] == ["invalid-phone"]
