"""The programme dashboard's figures equal those worked out straight from the YAML files
(tests/dashboard_oracle.py), on the demo catalogue and on a fixture of edge cases."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from catalogue.catalogue import Catalogue
from catalogue.dashboard import Comparison, Dashboard, Progress, dashboard
from catalogue.validate import validate

from .conftest import FIXTURES, REPO
from .dashboard_oracle import Expected, expected
from .site_fixture import TODAY

CASES = {"demo": REPO, "edges": FIXTURES / "dashboard"}


def load(root: Path, today: date = TODAY) -> tuple[Catalogue, Dashboard]:
    """The catalogue at `root`, validated, and its dashboard on `today`."""
    catalogue, report = validate(root / "products", root / "producers", today=today)
    assert report.ok, report.to_text()
    return catalogue, dashboard(catalogue, today)


@pytest.fixture(scope="module", params=list(CASES))
def case(request: pytest.FixtureRequest) -> tuple[Dashboard, Expected]:
    root = CASES[request.param]
    return load(root)[1], expected(root, TODAY)


def test_figures_equal_those_worked_out_from_the_yaml(case) -> None:
    figures, exp = case
    counts = {p.key: p.achieved for p in figures.targets}
    assert figures.year == exp.year
    assert (counts["new"], counts["renewal"], counts["upgrade"]) == (exp.issued["new"], exp.issued["renewal"], exp.issued["upgrade"])
    assert figures.issued_without_kind == exp.issued[None]
    assert counts["total"] == len(exp.in_force)
    assert set(figures.channels.producers) == exp.producers_in_force
    assert set(figures.channels.modern) == exp.producers_modern
    assert counts["modern-channels"] == len(exp.producers_modern) / len(exp.producers_in_force)
    assert {t.key: t.count for t in figures.by_group if t.count} == dict(exp.by_group)
    assert {int(t.key): t.count for t in figures.by_stars if t.count} == dict(exp.by_stars)
    assert {t.key: t.count for t in figures.by_commune} == dict(exp.by_commune)
    assert [(r.product.id, r.expires, r.days_left) for r in figures.expiring] == exp.expiring
    assert [(r.product.id, r.expires, r.days_left) for r in figures.expired] == exp.expired
    assert [
        (r.product.id, r.product.certificate.revoked.date, r.product.certificate.revoked.reason) for r in figures.revoked
    ] == exp.revoked
    assert {r.product.id: r.last.date if r.last else None for r in figures.not_inspected} == exp.not_inspected
    assert {r.product.id: r.last.result.value for r in figures.not_passed} == exp.not_passed


def test_the_edges_fall_where_the_dashboard_says() -> None:
    _, figures = load(CASES["edges"])
    assert [(p.key, p.achieved, p.met) for p in figures.targets] == [
        ("new", 3, False),  # "more than 3": three is not enough; one was replaced by an upgrade since, and still counts
        ("renewal", 1, False),
        ("upgrade", 1, True),  # more than 0
        ("total", 10, True),  # withdrawn-later is still listed; withdrawn-in-force is not
        ("modern-channels", 0.5, True),  # "at least 50%": exactly half is enough
        ("developed-producers", None, False),  # no producer records its development: no data (test_plan_progress.py)
        ("revenue-growth", None, False),  # no product gives its revenue
    ]
    assert figures.issued_without_kind == 1
    # p-plain's modern channels are on an expired product and on a withdrawn one
    assert figures.channels.without == ("p-direct", "p-plain")
    assert figures.re_evaluation_until == date(2027, 5, 28)
    assert [(r.product.id, r.days_left) for r in figures.expiring] == [
        ("expires-today", 0),
        ("expires-explicit", 92),
        ("six-months-exactly", 181),
    ]
    assert [(r.product.id, r.days_left) for r in figures.expired] == [("expired-long-ago", -1418), ("expired-yesterday", -1)]
    assert [r.product.id for r in figures.revoked] == ["revoked-this-year"]
    assert figures.inspected_since == date(2025, 11, 28)
    assert [(r.product.id, r.last and r.last.date) for r in figures.not_inspected] == [
        ("expires-explicit", None),
        ("expires-today", None),
        ("new-2026", None),  # its only inspection is after the build day
        ("no-kind-2026", None),
        ("upgrade-2026", None),
        ("six-months-and-a-day", date(2025, 11, 27)),  # twelve months and a day before
    ]
    assert [r.product.id for r in figures.not_passed] == ["six-months-and-a-day", "direct-only"]
    assert [(t.key, t.count) for t in figures.by_commune] == [("binh-lu", 4), ("ta-leng", 4), ("muong-te", 2)]  # ties by name
    assert "withdrawn-in-force" not in {r.product.id for r in figures.re_evaluation + figures.not_inspected}


def test_nothing_in_force() -> None:
    _, figures = load(CASES["edges"], today=date(2040, 1, 1))
    modern = next(p for p in figures.targets if p.key == "modern-channels")
    assert (modern.achieved, modern.met, modern.ratio) == (None, False, None)
    assert figures.channels.producers == ()
    assert figures.expiring == figures.not_inspected == figures.not_passed == []
    assert [t.count for t in figures.by_group] == [0] * 6


@pytest.mark.parametrize(
    ("progress", "met", "ratio"),
    [
        (Progress("new", 61, 60, Comparison.MORE_THAN), True, 61 / 60),
        (Progress("new", 60, 60, Comparison.MORE_THAN), False, 1.0),
        (Progress("modern-channels", 0.7, 0.7, Comparison.AT_LEAST), True, 1.0),
        (Progress("modern-channels", 0.69, 0.7, Comparison.AT_LEAST), False, 0.69 / 0.7),
        (Progress("upgrade", 3, None, Comparison.MORE_THAN), None, None),
        (Progress("upgrade", 3, 0, Comparison.MORE_THAN), True, None),
        (Progress("modern-channels", None, 0.7, Comparison.AT_LEAST), False, None),
    ],
)
def test_progress_against_a_target(progress: Progress, met: bool | None, ratio: float | None) -> None:
    assert progress.met is met
    assert progress.ratio == ratio
