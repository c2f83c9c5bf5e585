"""The small pure domain rules, one parametrized table each."""

from __future__ import annotations

from datetime import date

import pytest

from catalogue.rules import (
    add_months,
    fold_tone_marks,
    gtin14,
    gtin_is_valid,
    is_http_url,
    normalize_phone,
    printable,
    suggest,
    unsafe_character,
)
from catalogue.status import CertificateStatus, certificate_status


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        ("8936000120016", True),
        ("8936000120018", False),
        ("96385074", True),  # GTIN-8
        ("96385075", False),
        ("036000291452", True),  # GTIN-12 (UPC-A)
        ("10012345678902", True),  # GTIN-14
        ("893600012001", False),  # 12 digits, wrong check digit
        ("893600012001a", False),
        ("12345", False),
        ("８９３６０００１２００１６", False),  # full-width digits are not ASCII
    ],
)
def test_gtin_check_digit(code: str, valid: bool) -> None:
    assert gtin_is_valid(code) is valid


def test_gtin14_pads_with_zeros() -> None:
    assert gtin14("8936000120016") == "08936000120016"
    assert gtin14("96385074") == "00000096385074"


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2023, 12, 28), 36, date(2026, 12, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 2, 29), 36, date(2027, 2, 28)),
        (date(2025, 11, 15), 2, date(2026, 1, 15)),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0912 345 678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("84912345678", "0912345678"),
        ("(0213) 3 878 436", "02133878436"),
        ("0389-123-456", "0389123456"),
        ("1800 1234", "18001234"),
        ("0112 345 678", None),  # 01x mobiles were converted in 2018
        ("091 234 56", None),
        ("0213 387", None),
        ("phone", None),
        ("", None),
    ],
)
def test_normalize_phone(text: str, expected: str | None) -> None:
    assert normalize_phone(text) == expected


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://postmart.vn/", True),
        ("http://example.vn/a?b=c", True),
        ("javascript:alert(1)", False),
        ("JAVASCRIPT:alert(1)", False),
        ("ftp://example.vn/", False),
        ("//example.vn/", False),
        ("https:///nohost", False),
        ("https://exa mple.vn/", False),
        ("data:text/html,hi", False),
    ],
)
def test_is_http_url(url: str, ok: bool) -> None:
    assert is_http_url(url) is ok


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Mật ong", "mat ong"), ("Séng Cù", "seng cu"), ("Đặc sản", "dac san"), ("ĐƯỜNG", "duong"), ("Thổ cẩm", "tho cam")],
)
def test_fold_tone_marks(text: str, folded: str) -> None:
    assert fold_tone_marks(text) == folded


def test_suggest_finds_close_words_only() -> None:
    assert suggest("stras", ["stars", "story", "summary"]) == "stars"
    assert suggest("muong-thanh", ["muong-than", "muong-te"]) == "muong-than"
    assert suggest("zzz", ["stars", "story"]) is None


@pytest.mark.parametrize(
    ("expires", "revoked", "today", "status"),
    [
        (date(2027, 6, 1), None, date(2026, 11, 28), CertificateStatus.VALID),
        (date(2027, 2, 26), None, date(2026, 11, 28), CertificateStatus.EXPIRING),  # 90 days
        (date(2027, 2, 27), None, date(2026, 11, 28), CertificateStatus.VALID),  # 91 days
        (date(2026, 11, 28), None, date(2026, 11, 28), CertificateStatus.EXPIRING),  # last valid day
        (date(2026, 11, 27), None, date(2026, 11, 28), CertificateStatus.EXPIRED),
        (date(2027, 6, 1), date(2026, 5, 10), date(2026, 11, 28), CertificateStatus.REVOKED),
        (date(2027, 6, 1), date(2026, 12, 1), date(2026, 11, 28), CertificateStatus.VALID),  # revocation not yet in force
        (date(2020, 1, 1), date(2019, 5, 1), date(2026, 11, 28), CertificateStatus.REVOKED),
    ],
)
def test_certificate_status(expires: date, revoked: date | None, today: date, status: CertificateStatus) -> None:
    assert certificate_status(expires, revoked, today, 90) is status


@pytest.mark.parametrize(
    ("text", "multiline", "found"),
    [
        ("Chè Shan tuyết Tả Lèng", False, None),
        ("Mật ong\x01", False, "\x01"),
        ("a\x7fb", False, "\x7f"),
        ("a\x85b", False, "\x85"),
        ("a\u202eb", False, "\u202e"),
        ("a\u2069b", False, "\u2069"),
        ("a\u2028b", True, "\u2028"),
        ("line one\nline two", False, "\n"),
        ("line one\nline two\n\n\tcode", True, None),
        ("a\rb", True, "\r"),
        ("\u200ezero-width marks are not controls", False, None),
    ],
)
def test_unsafe_character(text: str, multiline: bool, found: str | None) -> None:
    assert unsafe_character(text, multiline) == found


def test_printable_shows_unsafe_characters_as_yaml_escapes() -> None:
    assert printable("Trà\u202e Bản\x01 Hon\n") == "Trà\\u202e Bản\\x01 Hon\\x0a"
