"""The plan's producer and revenue targets on the dashboard: exact figures from a small fixture
(tests/fixtures/plan/, each file says what it stands for), the page in every language, "no data"
rather than 0 when the catalogue records nothing, hostile text escaped, and bad data refused at
its line with an exact message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from catalogue.formats import format_percent
from catalogue.pages.context import Site
from catalogue.pages.dashboard import dashboard_page
from catalogue.validate import validate
from catalogue.vocab import ChannelKind, ProducerKind

from .conftest import FIXTURES, REPO
from .site_fixture import TODAY, soup
from .test_dashboard import load

PLAN = FIXTURES / "plan"


def test_producers_developed_or_consolidated() -> None:
    _, figures = load(PLAN)
    development = figures.development
    assert (development.year, development.recorded) == (2025, 4)
    assert development.developed == ("dn-b", "hkd-c")  # hkd-c was also consolidated that year: counted once
    assert development.consolidated == ("htx-a",)  # joined in 2023; tht-d joined on 2024-12-31
    assert development.by_kind == {
        ProducerKind.COOPERATIVE: 1,
        ProducerKind.COOPERATIVE_GROUP: 0,
        ProducerKind.ENTERPRISE: 1,
        ProducerKind.HOUSEHOLD: 1,
    }
    assert (development.count, development.prioritised) == (3, 2)
    progress = {p.key: p for p in figures.targets}["developed-producers"]
    assert (progress.achieved, progress.target, progress.met) == (3, 2, True)


def test_revenue_growth_like_for_like() -> None:
    _, figures = load(PLAN)
    revenue = figures.revenue
    assert revenue.compared == ("sp-1", "sp-2", "sp-5")  # sp-5 was withdrawn in 2026: its 2025 sales were made
    assert (revenue.only_before, revenue.only_during) == (1, 1)  # sp-4, sp-3
    assert (revenue.before, revenue.during) == (1_800_000_000, 1_910_000_000)
    assert revenue.growth == pytest.approx(110 / 1800)
    assert revenue.split == ("sp-1",)
    assert [(c.kind, c.before, c.during, c.growth) for c in revenue.by_channel] == [
        (ChannelKind.ECOMMERCE, 0, 100_000_000, None),
        (ChannelKind.SUPERMARKET, 400_000_000, 500_000_000, 0.25),
        (ChannelKind.DIRECT, 600_000_000, 500_000_000, pytest.approx(-1 / 6)),
    ]
    progress = {p.key: p for p in figures.targets}["revenue-growth"]
    assert (progress.target, progress.high, progress.met) == (0.05, 0.1, True)


def test_no_data_is_not_zero() -> None:
    _, figures = load(FIXTURES / "dashboard")  # records neither development nor revenue
    progress = {p.key: p for p in figures.targets}
    assert figures.development.count is None and progress["developed-producers"].achieved is None
    assert figures.revenue.growth is None and progress["revenue-growth"].achieved is None


def page(root: Path, lang: str) -> BeautifulSoup:
    catalogue, _ = load(root)
    return BeautifulSoup(dashboard_page(Site(catalogue, {}, TODAY), lang).body, "html.parser")


def cells(soup: BeautifulSoup, table_id: str) -> dict[str, list[str]]:
    table = soup.find("table", id=table_id)
    assert table is not None, table_id
    return {tr["data-key"]: [c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])] for tr in table.tbody.find_all("tr")}


@pytest.mark.parametrize(
    ("lang", "developed", "growth", "figure", "channels"),
    [
        (
            "vi",
            ["Chủ thể phát triển mới và củng cố", "3 / trên 2", "150%", "Đạt chỉ tiêu"],
            ["Tăng trưởng doanh thu qua các kênh phân phối", "6,1% / từ 5% đến 10% mỗi năm", "122,2%", "Đạt chỉ tiêu"],
            "3 sản phẩm ghi cả hai năm: 1.800.000.000 ₫ năm 2024, 1.910.000.000 ₫ năm 2025, tăng 6,1%.",
            {"supermarket": "25%", "direct": "-16,7%", "ecommerce": "kênh mới"},
        ),
        (
            "en",
            ["Producers developed or consolidated", "3 / more than 2", "150%", "Target met"],
            ["Revenue growth through distribution channels", "6.1% / 5% to 10% a year", "122.2%", "Target met"],
            "3 products give both years: ₫1,800,000,000 in 2024, ₫1,910,000,000 in 2025, a growth of 6.1%.",
            {"supermarket": "25%", "direct": "-16.7%", "ecommerce": "new channel"},
        ),
        (
            "zh",
            ["新发展和巩固的经营主体", "3 / 2以上", "150%", "已完成指标"],
            ["各分销渠道收入增长", "6.1% / 每年5%至10%", "122.2%", "已完成指标"],
            "3个产品填写了两年：2024年₫1,800,000,000，2025年₫1,910,000,000，增长6.1%。",
            {"supermarket": "25%", "direct": "-16.7%", "ecommerce": "新渠道"},
        ),
    ],
)
def test_page_states_both_targets_in_every_language(
    lang: str, developed: list[str], growth: list[str], figure: str, channels: dict[str, str]
) -> None:
    soup = page(PLAN, lang)
    targets = cells(soup, "targets-table")
    assert targets["developed-producers"] == developed
    assert targets["revenue-growth"] == growth
    assert figure in soup.find("section", id="revenue").get_text(" ", strip=True).replace("\xa0", " ")
    assert {key: row[3] for key, row in cells(soup, "revenue-channels-table").items()} == channels
    assert list(cells(soup, "developed-table")) == ["dn-b", "hkd-c", "htx-a"]
    assert {key: row[1] for key, row in cells(soup, "developed-kinds-table").items()} == {
        "cooperative": "1",
        "cooperative-group": "0",
        "enterprise": "1",
        "household": "1",
    }
    for section in ("producers", "revenue"):  # the definition names the year the figures count
        assert "2025" in soup.find("section", id=section).p.get_text()


@pytest.mark.parametrize(
    ("lang", "words"),
    [("vi", "Chưa có số liệu"), ("en", "No data yet"), ("zh", "暂无数据")],
)
def test_page_says_the_data_is_missing(lang: str, words: str) -> None:
    soup = page(FIXTURES / "dashboard", lang)
    targets = cells(soup, "targets-table")
    for key in ("developed-producers", "revenue-growth"):
        assert targets[key][1].split(" / ")[0] == words and targets[key][2:] == ["—", words]
    for section in ("producers", "revenue"):
        text = soup.find("section", id=section).get_text(" ", strip=True)
        assert words in text
    assert soup.find("table", id="developed-table") is None and soup.find("table", id="revenue-channels-table") is None


def test_hostile_names_and_notes_stay_text() -> None:
    soup = page(PLAN, "vi")
    section = soup.find("section", id="producers")
    assert section.find("script") is None and section.find("b") is None
    text = section.get_text(" ", strip=True)
    assert "Hợp tác xã <b>A</b> & con" in text
    assert "Hỗ trợ nhà xưởng <script>alert(1)</script>" in text


def broken(tmp_path: Path, file: str, old: str, new: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The problems of the plan fixture with `old` replaced by `new` in `file`, paths as `--check` run there shows them."""
    root = tmp_path / "plan"
    shutil.copytree(PLAN, root)
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.chdir(root)
    _, report = validate(Path("products"), Path("producers"), today=TODAY)
    return [str(p) for p in report.problems]


@pytest.mark.parametrize(
    ("file", "old", "new", "problem"),
    [
        (
            "products/sp-1.yaml",
            "amount: 1100000000",
            "amount: 1100000001",
            "products/sp-1.yaml:13: error: revenue[2]: by_channel adds up to 1100000000, not amount 1100000001; "
            "make the parts add up to the year's amount, or leave by_channel out [revenue-sum]",
        ),
        (
            "products/sp-2.yaml",
            "year: 2024",
            "year: 2025",
            "products/sp-2.yaml:9: error: revenue: 2025 given more than once; write one entry per year [duplicate-year]",
        ),
        (
            "products/sp-3.yaml",
            "year: 2025",
            "year: 1999",
            "products/sp-3.yaml:10: error: revenue[1].year: must be 2000 or more, got 1999 [invalid-value]",
        ),
        (
            "products/sp-1.yaml",
            "supermarket: 400000000",
            "sieu-thi: 400000000",
            "products/sp-1.yaml:12: error: revenue[1].by_channel.sieu-thi: must be 'ecommerce', 'supermarket', 'convenience', "
            "'ocop-point', 'shop', 'direct' or 'export', got 'sieu-thi' [invalid-value]",
        ),
        (
            "producers/hkd-c.yaml",
            "kind: consolidated",
            "kind: developed",
            "producers/hkd-c.yaml:8: error: development: 'developed' is given 2 times (2025-11-20, 2025-01-15); "
            "a producer joins the programme once: write the later years as 'consolidated' [duplicate-development]",
        ),
        (
            "producers/dn-b.yaml",
            "kind: developed",
            "kind: HTX",
            "producers/dn-b.yaml:9: error: development[1].kind: must be 'developed' or 'consolidated', got 'HTX' [invalid-value]",
        ),
        (
            "producers/dn-b.yaml",
            "date: 2025-06-30",
            "date: 2025-06-31",
            None,  # the date messages are the messages branch's: only the place is checked here
        ),
        (
            "catalogue.yaml",
            "revenue_growth_high: 0.1",
            "revenue_growth_high: 0.04",
            "catalogue.yaml:9: error: targets.revenue_growth_high: 0.04 is below revenue_growth (0.05); "
            "write the range low then high, e.g. 0.05 and 0.1 [invalid-value]",
        ),
    ],
)
def test_bad_plan_data_is_refused_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, file: str, old: str, new: str, problem: str | None
) -> None:
    problems = broken(tmp_path, file, old, new, monkeypatch)
    if problem is None:
        assert len(problems) == 1 and problems[0].startswith(f"{file}:9: error: development[1].date: ")
    else:
        assert problems == [problem]


def demo_figures() -> tuple[int, float]:
    """The demo's producers developed or consolidated in its target year and its revenue growth,
    worked out straight from the YAML files (no catalogue code)."""
    year = yaml.safe_load((REPO / "catalogue.yaml").read_text(encoding="utf-8"))["targets"]["year"]
    producers = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (REPO / "producers").glob("*.yaml")]
    counted = sum(1 for p in producers if any(d["date"].year == year for d in p.get("development", [])))
    products = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (REPO / "products").glob("*.yaml")]
    sales = [{r["year"]: r["amount"] for r in p.get("revenue", [])} for p in products]
    both = [s for s in sales if year in s and year - 1 in s]
    before, during = sum(s[year - 1] for s in both), sum(s[year] for s in both)
    return counted, (during - before) / before


@pytest.mark.parametrize(("lang", "prefix", "more_than"), [("vi", "", "trên"), ("en", "en/", "more than")])
def test_built_demo_dashboard_shows_both_targets(demo_site: Path, lang: str, prefix: str, more_than: str) -> None:
    counted, growth = demo_figures()
    targets = cells(soup(demo_site / prefix / "dashboard" / "index.html"), "targets-table")
    assert counted and targets["developed-producers"][1] == f"{counted} / {more_than} 20"
    assert targets["revenue-growth"][1].split(" / ")[0] == format_percent(growth, lang)
