"""The rules that exist both in Python and in the browser, run on both sides against one table.

Folding tone marks (catalogue.rules: the finder's search, the certificate check's numbers), the
certificate status with its days left, and "today" (the later of the viewer's day in the
catalogue's time zone and the build day) are written twice: in Python for the build, and in
overrides/assets/ocop-status.js, which exposes them as window.ocopContract. Each case below is
worked out by the Python side and must come out the same in Chromium. The browser formats no
date: the status words take the days as the build wrote them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from catalogue.pages.i18n import format_date, status_texts, status_words
from catalogue.pages.search import searched
from catalogue.rules import fold_code, fold_tone_marks
from catalogue.status import certificate_status

from .conftest import REPO
from .site_fixture import TODAY as SITE_DAY

STATUS_JS = REPO / "overrides" / "assets" / "ocop-status.js"
ZONE = "Asia/Ho_Chi_Minh"
BUILD_DAY = date(2026, 11, 28)
EXPIRING_DAYS = 90

VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
PHRASES = [
    "Mật ong bạc hà",
    "ĐẶC SẢN TÂY BẮC",
    "Đ đ Ð ð",
    "Chè Shan Tuyết cổ thụ",
    VIETNAMESE,
    VIETNAMESE.upper(),
    unicodedata.normalize("NFD", VIETNAMESE),  # tone marks as combining characters
    unicodedata.normalize("NFD", VIETNAMESE.upper()),
    "a\u0301\u0323 e\u0302\u0303 o\u031b\u0309",  # several marks on one letter
    "x\u1dc4 q\u20d7 o\ufe20 n\u20dd",  # marks from the other blocks of combining marks, an enclosing one
    "GCN 12/2024-QĐ.UBND",
    "Số: 01/GCN-OCOP  (cấp lại)",
    "云南普洱茶 Trà cổ thụ 古树",
    "ＯＣＯＰ　４★",  # full-width forms, as a phone's Chinese keyboard types them
    "İstanbul ΣΟΦΙΑ straße",
    "",
]


def _every_character() -> Iterator[str]:
    """Every assigned character of the Basic Multilingual Plane, alone (what Python's Unicode
    database knows; the browser's may be newer for characters assigned since)."""
    for code in range(0x20, 0x10000):
        if unicodedata.category(chr(code)) not in ("Cn", "Cs", "Co", "Cc"):
            yield chr(code)


@pytest.fixture(scope="module")
def contract(browser: Any) -> Iterator[Any]:
    """A blank page with ocop-status.js and the status texts a build on BUILD_DAY writes, in a
    browser whose own time zone is far from the catalogue's (the rules must not depend on it)."""
    context = browser.new_context(timezone_id="America/Los_Angeles")
    page = context.new_page()
    page.set_content("<!doctype html><html><body></body></html>")
    page.add_script_tag(path=str(STATUS_JS))
    yield page
    context.close()


def test_folding_is_the_same_in_the_browser(contract: Any) -> None:
    cases = PHRASES + list(_every_character())
    got = contract.evaluate("cases => cases.map(c => [window.ocopContract.fold(c), window.ocopContract.foldCode(c)])", cases)
    differ = [(case, (fold_tone_marks(case), fold_code(case)), tuple(out)) for case, out in zip(cases, got, strict=True)]
    differ = [d for d in differ if d[1] != d[2]]
    assert not differ, f"{len(differ)} texts fold differently (text, Python, browser): {differ[:10]}"


# Texts split into words where the two languages' ideas of a space differ (\s is not the same
# in Python and JavaScript), around marks, and in Chinese.
SEPARATED = [
    "Mật ong/rừng (Lai Châu); Chè–Shan, tuyết.",
    "a\x1cb\x1fc",  # separators to Python's \s, not to JavaScript's
    "a\x85b",
    "a\ufeffb",  # a space to JavaScript's \s, not to Python's
    "a\u00a0b\u2028c\u3000d\u202fe",
    "  \t-- ,, ",
    "Đ\u0300 \u0301 x",  # a word of marks alone
    "茶，云南 普洱",
]


def test_searched_words_are_the_same_in_the_browser(contract: Any) -> None:
    # The build ships the finder's and the header search's texts folded; the browser folds what
    # it adds (places, queries) and must cut them into the same words.
    cases = PHRASES + SEPARATED
    got = contract.evaluate("cases => cases.map(c => window.ocopContract.searched(c))", cases)
    differ = [(case, searched(case), out) for case, out in zip(cases, got, strict=True) if searched(case) != out]
    assert not differ, f"texts cut differently (text, Python, browser): {differ}"


def test_searched_examples() -> None:
    assert searched("Mật ong, rừng", "Lai Châu") == " mat ong rung lai chau"
    assert searched("a\x1cb") == " a\x1cb"
    assert searched(" - ") == ""


def test_folding_examples() -> None:
    # The table's Python side, pinned by hand for the cases people type.
    assert fold_tone_marks("ĐẶC SẢN Mật ong") == "dac san mat ong"
    assert fold_tone_marks(unicodedata.normalize("NFD", "Đặc sản")) == "dac san"
    assert fold_code("Số: 01/GCN-OCOP") == "so01gcnocop"
    assert fold_code("云南 普洱") == "云南普洱"


def _instant(day: date, hour: int, zone: str = ZONE) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=ZoneInfo(zone))


# Viewer clocks: right, just after midnight in the catalogue's zone while still the day before in
# UTC and in the browser's own zone, wrong by a year (a reset phone), and well after the build.
INSTANTS = [
    _instant(BUILD_DAY, 12),
    _instant(BUILD_DAY, 23),
    _instant(BUILD_DAY + timedelta(days=1), 0),
    _instant(BUILD_DAY + timedelta(days=1), 6),
    _instant(BUILD_DAY - timedelta(days=365), 9),
    _instant(BUILD_DAY + timedelta(days=89), 1),
    _instant(BUILD_DAY + timedelta(days=400), 20),
]


def _viewers_today(instant: datetime) -> date:
    """The Python side of the build-day rule (DESIGN.md §4): the later of the viewer's day in the
    catalogue's time zone and the build day."""
    return max(instant.astimezone(ZoneInfo(ZONE)).date(), BUILD_DAY)


def test_today_is_the_later_of_the_viewers_day_in_the_zone_and_the_build_day(contract: Any) -> None:
    texts = status_texts("vi", EXPIRING_DAYS, BUILD_DAY, ZONE)
    millis = [int(instant.timestamp() * 1000) for instant in INSTANTS]
    got = contract.evaluate("([ms, texts]) => ms.map(m => window.ocopContract.today(new Date(m), texts))", [millis, texts])
    assert got == [_viewers_today(instant).isoformat() for instant in INSTANTS]


@pytest.mark.parametrize(
    ("zone", "build_day"),
    [("Europe/Berlin", date(2026, 3, 20)), ("America/Santiago", date(2026, 8, 25)), ("Australia/Lord_Howe", date(2026, 4, 4))],
)
def test_today_is_right_across_a_change_of_offset(contract: Any, zone: str, build_day: date) -> None:
    # Zones whose offset changes soon after the build: before the change the browser adds the
    # offset, after it the zone's own rules decide; both must agree with Python.
    texts = status_texts("vi", EXPIRING_DAYS, build_day, zone)
    assert texts["offset_until"] < (build_day + timedelta(days=400)).isoformat()
    instants = [_instant(build_day + timedelta(days=d), h, zone) for d in range(0, 30) for h in (0, 1, 2, 3, 12, 22, 23)]
    millis = [int(instant.timestamp() * 1000) for instant in instants]
    got = contract.evaluate("([ms, texts]) => ms.map(m => window.ocopContract.today(new Date(m), texts))", [millis, texts])
    assert got == [max(i.astimezone(ZoneInfo(zone)).date(), build_day).isoformat() for i in instants]


def test_a_zone_with_one_offset_needs_no_time_zone_formatter(contract: Any) -> None:
    # Vietnam keeps UTC+7 all year: the page adds it, and never pays for Intl's time zone data.
    texts = status_texts("vi", EXPIRING_DAYS, BUILD_DAY, ZONE)
    assert texts["offset_until"] == (BUILD_DAY + timedelta(days=730)).isoformat()
    millis = [int(instant.timestamp() * 1000) for instant in INSTANTS]
    script = """([ms, texts]) => {
        const real = Intl.DateTimeFormat;
        let made = 0;
        Intl.DateTimeFormat = function (...args) { made += 1; return new real(...args); };
        try { return [ms.map(m => window.ocopContract.today(new Date(m), texts)), made]; }
        finally { Intl.DateTimeFormat = real; }
    }"""
    days, made = contract.evaluate(script, [millis, texts])
    assert days == [_viewers_today(instant).isoformat() for instant in INSTANTS]
    assert made == 0
    # Past offset_until (a page kept more than two years without a rebuild) the zone's rules decide.
    late = int(_instant(BUILD_DAY + timedelta(days=800), 12).timestamp() * 1000)
    days, made = contract.evaluate(script, [[late], texts])
    assert (days, made) == ([(BUILD_DAY + timedelta(days=800)).isoformat()], 1)


def test_a_browser_without_time_zones_uses_the_offset_of_the_build_day(contract: Any) -> None:
    offset = status_texts("vi", EXPIRING_DAYS, BUILD_DAY, ZONE)["utc_offset"]
    millis = [int(instant.timestamp() * 1000) for instant in INSTANTS]
    got = contract.evaluate("([ms, o]) => ms.map(m => window.ocopContract.dayIn(new Date(m), 'No/Such_Zone', o))", [millis, offset])
    assert got == [(instant.astimezone(UTC) + timedelta(minutes=offset)).date().isoformat() for instant in INSTANTS]


def _certificates() -> Iterator[tuple[date, date | None]]:
    """Expiry days around the build day and across the expiring window's edges, each with no
    revocation, one before, on and after the build day."""
    offsets = [-400, -2, -1, 0, 1, 2, 30, EXPIRING_DAYS - 1, EXPIRING_DAYS, EXPIRING_DAYS + 1, EXPIRING_DAYS + 2, 365, 1095]
    for days in offsets:
        expires = BUILD_DAY + timedelta(days=days)
        for revoked in (None, BUILD_DAY - timedelta(days=3), BUILD_DAY, BUILD_DAY + timedelta(days=10)):
            yield expires, revoked


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_status_and_its_words_are_the_same_in_the_browser(contract: Any, lang: str) -> None:
    texts = status_texts(lang, EXPIRING_DAYS, BUILD_DAY, ZONE)
    cases, expected = [], []
    for instant in INSTANTS:
        today = _viewers_today(instant)
        for expires, revoked in _certificates():
            status = certificate_status(expires, revoked, today, EXPIRING_DAYS)
            dates = {"expires": format_date(expires, lang), "revoked": format_date(revoked, lang) if revoked else None}
            cases.append([int(instant.timestamp() * 1000), expires.isoformat(), revoked.isoformat() if revoked else None, dates])
            expected.append([status.value, (expires - today).days, status_words(status, expires, revoked, today, lang)])
    got = contract.evaluate(
        """([cases, texts]) => cases.map(([ms, expires, revoked, dates]) => {
            const c = window.ocopContract;
            const today = c.today(new Date(ms), texts);
            const state = c.state(expires, revoked, today, texts.expiring_days);
            const days = c.daysLeft(expires, today);
            return [state, days, c.words(texts, state, days, state === "revoked" ? dates.revoked : dates.expires)];
        })""",
        [cases, texts],
    )
    differ = [(case, want, have) for case, want, have in zip(cases, expected, got, strict=True) if want != have]
    assert not differ, f"{len(differ)} of {len(cases)} statuses differ (case, Python, browser): {differ[:5]}"
    assert {row[0] for row in expected} == {"valid", "expiring", "expired", "revoked"}, "the table covers every status"


def test_a_page_shows_the_status_python_would_on_the_viewers_day(browser: Any) -> None:
    """The whole path on a page: an element with its dates as the build writes them, the clock
    a week after the build, and the chip and words ocop-status.js writes."""
    expires = BUILD_DAY + timedelta(days=3)
    texts = status_texts("en", EXPIRING_DAYS, BUILD_DAY, ZONE)
    context = browser.new_context(timezone_id="UTC")
    page = context.new_page()
    viewer = _instant(BUILD_DAY + timedelta(days=7), 0)  # still the day before in UTC
    page.clock.set_fixed_time(viewer)
    page.set_content(
        '<!doctype html><html><body><li data-ocop-status="expiring" '
        f'data-ocop-expires="{expires.isoformat()}" data-ocop-expires-text="{format_date(expires, "en")}">'
        '<span class="ocop-chip ocop-chip--expiring">x</span><p class="ocop-status ocop-status--expiring">x</p></li>'
        '<script type="application/json" id="ocop-status-texts"></script></body></html>'
    )
    page.evaluate("texts => { document.getElementById('ocop-status-texts').textContent = JSON.stringify(texts); }", texts)
    page.add_script_tag(path=str(STATUS_JS))
    today = _viewers_today(viewer)
    words = status_words(certificate_status(expires, None, today, EXPIRING_DAYS), expires, None, today, "en")
    assert page.locator("p.ocop-status").inner_text() == words == "Expired on 1 Dec 2026: this is no longer an OCOP-certified product"
    assert page.locator(".ocop-chip").inner_text() == words.split(":")[0]
    assert page.locator("li").get_attribute("data-ocop-status") == "expired"
    context.close()


# Card markup: the build's cards and the finder's, which fills the card template the build writes.

# Each element of a card as [tag, class, attributes, own text], links and images resolved to
# absolute addresses. The photo is left out: a server card has every size of it (<picture>), a
# finder card one thumbnail (its data stays small); that both have one or neither is kept.
_NORMALISED_CARD = """(li) => {
    const url = (value) => new URL(value, document.baseURI).href;
    const rows = [];
    for (const el of [li, ...li.querySelectorAll("*")]) {
        if (el.closest("picture") || (el.tagName === "IMG" && el.closest(".ocop-card__link"))) continue;
        const attributes = {};
        for (const a of el.attributes) {
            if (a.name === "class" || a.name === "loading" || a.name === "decoding") continue;
            let value = a.value;
            if (a.name === "href" || a.name === "src") value = url(value);
            if (a.name === "data-ocop-badge") value = JSON.stringify(Object.entries(JSON.parse(value)).map(([k, v]) => [k, url(v)]));
            attributes[a.name] = value;
        }
        const own = Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent).join("");
        const name = el.classList.contains("ocop-card__name") ? el.textContent : own;
        if (el.tagName === "SPAN" && el.parentElement.classList.contains("ocop-card__name")) continue;
        rows.push([el.tagName, el.className, attributes, name]);
    }
    rows.push(["photo", !!li.querySelector(".ocop-card__link picture, .ocop-card__link img")]);
    return rows;
}"""


CARD_QUERIES = [("vi", "?stars=4"), ("vi", "?status=expired"), ("en", "?status=revoked"), ("en", "?group=do-uong")]


@pytest.mark.parametrize(("lang", "query"), CARD_QUERIES)
def test_the_finders_cards_are_the_builds_cards(demo_site: Any, site_url: str, open_page: Any, lang: str, query: str) -> None:
    page = open_page()
    page.clock.set_fixed_time(_instant(SITE_DAY, 12))
    prefix = "" if lang == "vi" else f"{lang}/"
    page.goto(f"{site_url}/{prefix}products/{query}")
    page.wait_for_function("document.querySelector('#ocop-finder-count').textContent !== ''")
    found = page.locator(".ocop-finder__results li.ocop-card")
    assert found.count() > 0, f"{query} finds nothing in the demo"
    for index in range(found.count()):
        card = found.nth(index)
        pid = card.get_attribute("data-ocop-id")
        built = page.locator(f'.ocop-listing li.ocop-card[data-ocop-id="{pid}"]').first
        assert card.evaluate(_NORMALISED_CARD) == built.evaluate(_NORMALISED_CARD), f"{prefix}products/{query}: {pid}"
