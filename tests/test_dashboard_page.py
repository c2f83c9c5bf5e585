"""The programme dashboard page: it shows the figures worked out from the YAML files, each chart is
well-formed SVG with a bar per row of the table beside it, and the re-evaluation CSV round-trips."""

from __future__ import annotations

import csv
import io
import math
import posixpath
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from catalogue.dashboard import Dashboard
from catalogue.exports import re_evaluation_columns, re_evaluation_csv
from catalogue.pages.charts import LABEL_CHARS, ProgressBar, bar_chart, progress_chart
from catalogue.pages.context import Site
from catalogue.pages.dashboard import dashboard_page

from .conftest import REPO
from .dashboard_oracle import Expected, expected
from .site_fixture import TODAY, soup
from .test_dashboard import CASES, load

SVG = "{http://www.w3.org/2000/svg}"
WORDS = {
    "vi": {"more-than": "trên", "at-least": "ít nhất", "met": "Đạt chỉ tiêu", "not-met": "Chưa đạt chỉ tiêu", "none": "không đặt chỉ tiêu"},
    "en": {"more-than": "more than", "at-least": "at least", "met": "Target met", "not-met": "Target not met", "none": "no target set"},
}


def site_of(root: Path, today: date = TODAY) -> tuple[Site, Dashboard]:
    catalogue, figures = load(root, today)
    return Site(catalogue, {}, today), figures


@pytest.fixture(scope="module", params=list(CASES))
def case(request: pytest.FixtureRequest) -> tuple[Site, Expected]:
    root = CASES[request.param]
    return site_of(root)[0], expected(root, TODAY)


def percent(share: float, lang: str) -> str:
    """A share as the page writes it: rounded down to one decimal."""
    tenths = math.floor(share * 1000 + 1e-9)
    text = str(tenths // 10) if tenths % 10 == 0 else f"{tenths // 10}.{tenths % 10}"
    return (text.replace(".", ",") if lang == "vi" else text) + "%"


def rows(page: BeautifulSoup, table_id: str, expected: object = True) -> dict[str, list]:
    """The cells of a table's rows by their data-key; an empty list is "None." instead of a table."""
    table = page.find("table", id=table_id)
    if not expected:
        assert table is None, table_id
        return {}
    assert table is not None, table_id
    return {tr["data-key"]: tr.find_all(["th", "td"]) for tr in table.tbody.find_all("tr")}


def check_page(page: BeautifulSoup, exp: Expected, lang: str) -> None:
    """The page in `lang` shows the expected figures."""
    words = WORDS[lang]
    targets = rows(page, "targets-table")
    for key, kind, setting in (
        ("new", "new", "new_products"),
        ("renewal", "renewal", "renewed_products"),
        ("upgrade", "upgrade", "upgraded_products"),
    ):
        count, target = exp.issued[kind], exp.targets[setting]
        cells = [c.get_text(" ", strip=True) for c in targets[key]]
        if target is None:
            assert cells[1:] == [str(count), "—", words["none"]]
        else:
            assert cells[1] == f"{count} / {words['more-than']} {target}"
            assert cells[3] == words["met" if count > target else "not-met"]
    total = [c.get_text(" ", strip=True) for c in targets["total"]]
    assert total[1] == f"{len(exp.in_force)} / {words['more-than']} {exp.targets['total_products']}"
    assert total[2] == percent(len(exp.in_force) / exp.targets["total_products"], lang)
    share = len(exp.producers_modern) / len(exp.producers_in_force)
    modern = [c.get_text(" ", strip=True) for c in targets["modern-channels"]]
    assert modern[1] == f"{percent(share, lang)} / {words['at-least']} {percent(exp.targets['modern_channel_share'], lang)}"
    assert modern[3] == words["met" if share >= exp.targets["modern_channel_share"] else "not-met"]
    figure = f"{len(exp.producers_modern)} trên {len(exp.producers_in_force)} chủ thể" if lang == "vi" else (
        f"{len(exp.producers_modern)} of {len(exp.producers_in_force)} producers"
    )  # fmt: skip
    assert figure in page.find("section", id="channels").get_text(" ", strip=True)
    for table_id, counts in (("by-group-table", exp.by_group), ("by-stars-table", exp.by_stars), ("by-commune-table", exp.by_commune)):
        shown = {key: int(cells[1].get_text()) for key, cells in rows(page, table_id).items()}
        assert {k: v for k, v in shown.items() if v} == {str(k): v for k, v in counts.items()}, table_id
    for table_id, due in (("expiring-table", exp.expiring), ("expired-table", exp.expired)):
        listed = rows(page, table_id, due)
        assert [(k, c[2].time["datetime"], int(c[3].get_text())) for k, c in listed.items()] == [
            (pid, day.isoformat(), abs(days)) for pid, day, days in due
        ]
    assert [(k, c[2].time["datetime"]) for k, c in rows(page, "revoked-table", exp.revoked).items()] == [
        (p, d.isoformat()) for p, d, _ in exp.revoked
    ]
    listed = rows(page, "not-inspected-table", exp.not_inspected)
    assert set(listed) == set(exp.not_inspected)
    for pid, last in exp.not_inspected.items():
        cell = listed[pid][2]
        assert cell.time["datetime"] == last.isoformat() if last else cell.get_text() == ("Chưa kiểm tra" if lang == "vi" else "Never")
    assert set(rows(page, "not-passed-table", exp.not_passed)) == set(exp.not_passed)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_page_shows_the_figures(case, lang: str) -> None:
    site, exp = case
    check_page(BeautifulSoup(dashboard_page(site, lang).body, "html.parser"), exp, lang)


@pytest.mark.parametrize(("lang", "prefix"), [("vi", ""), ("en", "en/")])
def test_built_demo_page_shows_the_figures(demo_site: Path, lang: str, prefix: str) -> None:
    page = soup(demo_site / prefix / "dashboard" / "index.html")
    assert page.html["lang"] == lang
    check_page(page, expected(REPO, TODAY), lang)
    csv_link = page.select_one("#re-evaluation a[download]")
    assert posixpath.normpath(posixpath.join(f"{prefix}dashboard/", csv_link["href"])) == "data/re-evaluation.csv"


def svgs(html: str) -> list[ET.Element]:
    """Every chart of a page, parsed as XML (which fails on anything not well-formed)."""
    found = [ET.fromstring(m) for m in re.findall(r'<svg\b[^>]*class="ocop-chart__svg".*?</svg>', html, flags=re.DOTALL)]
    assert all(svg.tag == f"{SVG}svg" and svg.get("aria-hidden") == "true" for svg in found)
    return found


def test_each_chart_has_a_bar_per_row_of_its_table(case) -> None:
    site, _ = case
    html = dashboard_page(site, "vi").body
    charts = BeautifulSoup(html, "html.parser").select("div.ocop-chart")
    parsed = svgs(html)
    assert len(charts) == len(parsed) == 4  # targets, groups, stars, communes
    for chart, svg in zip(charts, parsed, strict=True):
        bars = [r for r in svg.iter(f"{SVG}rect") if "ocop-chart__bar" in r.get("class", "").split()]
        assert len(bars) == len(chart.table.tbody.find_all("tr")) > 0


def test_built_page_keeps_the_charts_well_formed(demo_site: Path) -> None:
    html = (demo_site / "dashboard" / "index.html").read_text(encoding="utf-8")
    assert len(svgs(html)) == 4


def csv_rows(raw: bytes, languages: list[str]) -> list[dict[str, str]]:
    assert raw.startswith(b"\xef\xbb\xbf")
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))
    assert reader.fieldnames == re_evaluation_columns(languages)
    return list(reader)


def expected_csv(exp: Expected) -> list[tuple[str, str, str, str]]:
    due = [("due", pid, day.isoformat(), str(days)) for pid, day, days in exp.expiring]
    ended = [("expired", pid, day.isoformat(), str(days)) for pid, day, days in exp.expired]
    revoked = [("revoked", pid, exp.products[pid]["certificate"]["revoked"]["date"].isoformat(), "") for pid, _, _ in exp.revoked]
    return due + ended + revoked


def test_re_evaluation_csv_round_trips(demo_site: Path) -> None:
    exp = expected(REPO, TODAY)
    languages = yaml.safe_load((REPO / "catalogue.yaml").read_text(encoding="utf-8"))["languages"]
    found = csv_rows((demo_site / "data" / "re-evaluation.csv").read_bytes(), languages)
    assert [(r["situation"], r["product_id"], r["revoked_on"] or r["expires"], r["days_left"]) for r in found] == expected_csv(exp)
    for row in found:
        product = exp.products[row["product_id"]]
        producer = exp.producers[product["producer"]]
        assert (row["product_name"], row["producer_id"], row["stars"]) == (product["name"], producer["id"], str(product["stars"]))
        assert re.sub(r"\D", "", row["producer_phone"]) == re.sub(r"\D", "", producer["phone"]) and " " in row["producer_phone"]
        assert row["url"] == f"https://ocop-laichau.example/p/{row['product_id']}/"


def test_re_evaluation_csv_of_the_edges() -> None:
    site, figures = site_of(CASES["edges"])
    found = csv_rows(re_evaluation_csv(site.catalogue, figures), site.catalogue.settings.languages)
    assert [(r["situation"], r["product_id"], r["revoked_on"] or r["expires"], r["days_left"]) for r in found] == expected_csv(
        expected(CASES["edges"], TODAY)
    )
    assert found[-1]["revoked_reason"] == "Vi phạm an toàn thực phẩm"


def test_dashboard_is_in_the_navigation(demo_site: Path) -> None:
    for prefix, name in (("", "Theo dõi chương trình"), ("en/", "Programme dashboard")):
        links = {a.get_text(strip=True): a["href"] for a in soup(demo_site / prefix / "index.html").select("nav.md-nav--primary a[href]")}
        assert links[name] == "dashboard/"


def test_nothing_in_force_does_not_break_the_page() -> None:
    site, _ = site_of(CASES["edges"], today=date(2040, 1, 1))
    page = BeautifulSoup(dashboard_page(site, "vi").body, "html.parser")
    assert [c.get_text(" ", strip=True) for c in rows(page, "targets-table")["modern-channels"]][1:] == [
        "— / ít nhất 50%",
        "—",
        "Chưa đạt chỉ tiêu",
    ]
    assert page.find("table", id="expiring-table") is None and page.find("table", id="by-commune-table") is None
    assert "Không có." in page.find("section", id="inspections").get_text()


def test_charts_escape_text_and_cut_long_labels() -> None:
    svg = ET.fromstring(bar_chart([("Trà & <bánh>", 3), ("x" * 80, 0)]))
    labels = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "ocop-chart__label"]
    assert labels[0] == "Trà & <bánh>"
    assert labels[1].endswith("…") and len(labels[1]) == LABEL_CHARS
    widths = [float(r.get("width")) for r in svg.iter(f"{SVG}rect")]
    assert widths[1] == 0 and widths[0] > 0
    progress = ET.fromstring(progress_chart([ProgressBar("a", 2.5, "250%"), ProgressBar("b", None, "7")]))
    tracks = [r for r in progress.iter(f"{SVG}rect") if r.get("class") == "ocop-chart__track"]
    bars = [r for r in progress.iter(f"{SVG}rect") if r.get("class").startswith("ocop-chart__bar")]
    assert len(tracks) == 1 and bars[0].get("width") == tracks[0].get("width") and bars[1].get("width") == "0"
    assert ET.fromstring(bar_chart([])).get("viewBox") == "0 0 360 36"
