"""Settings rules that protect what gets printed: the site address and the languages."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from catalogue.settings import Settings, reserved_host, site_url_problem


@pytest.mark.parametrize(
    "url",
    [
        "https://ocop.laichau.gov.vn/",
        "http://127.0.0.1:8000/",
        "https://ocop.test/",
        "https://sonnmt.laichau.gov.vn/ocop/2026/",
        "https://xn--sn-phm-ocop-q5a1j.vn/",
        "https://ocop.laichau.gov.vn/a%20b/",
    ],
)
def test_plain_site_addresses_are_accepted(url: str) -> None:
    assert site_url_problem(url) is None
    assert Settings.model_validate({"site_url": url}).site_url == url


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("https://official@evil.example/", "has a user name before '@' ('official')"),
        ("https://user:pass@ocop.test/", "has a user name before '@' ('user:pass')"),
        ("https://ocop.test/#top/", "has a query or fragment"),
        ("https://ocop.test/?a=1/", "has a query or fragment"),
        ("https://ocop.test/'onload='x/", "contains '''"),
        ("https://ocop.test/(x)/", "contains '('"),
        ("https://ocop.test:99999/", "has a port that is not a number"),
        ("javascript://ocop.test/", "must start with https://"),
        ("https:ocop.test/", "must start with https://"),
        ("https://ocop.test", "must end with '/'"),
    ],
)
def test_crafted_site_addresses_are_refused(url: str, words: str) -> None:
    problem = site_url_problem(url)
    assert problem is not None and words in problem.text("en")
    with pytest.raises(ValidationError):
        Settings.model_validate({"site_url": url})


@pytest.mark.parametrize(
    ("url", "reserved"),
    [
        ("https://ocop-laichau.example/", ".example"),
        ("https://example.com/", "example.com"),
        ("https://www.example.org/", "example.org"),
        ("https://shop.example.net/", "example.net"),
        ("https://ocop.invalid/", ".invalid"),
        ("http://localhost:8000/", ".localhost"),
        ("http://ocop.localhost/", ".localhost"),
        ("https://ocop.test/", None),
        ("https://notexample.com/", None),
        ("https://example.com.vn/", None),
    ],
)
def test_reserved_hosts(url: str, reserved: str | None) -> None:
    assert reserved_host(url) == reserved


def test_an_example_address_is_fine_for_a_demo_only() -> None:
    assert Settings.model_validate({"demo": True, "site_url": "https://ocop-laichau.example/"}).demo
    with pytest.raises(ValidationError, match="reserved example address"):
        Settings.model_validate({"demo": False, "site_url": "https://ocop-laichau.example/"})
    with pytest.raises(ValidationError):
        Settings.model_validate({"site_url": "http://localhost/"})  # demo is false by default


@pytest.mark.parametrize(
    ("languages", "ok"),
    [
        (["vi"], True),
        (["vi", "en"], True),
        (["vi", "en", "zh"], True),
        (["vi", "zh"], True),
        ([], False),
        (["en"], False),
        (["zh", "vi"], False),
    ],
)
def test_vietnamese_comes_first(languages: list[str], ok: bool) -> None:
    if ok:
        assert Settings.model_validate({"languages": languages}).languages == languages
    else:
        with pytest.raises(ValidationError, match="must start with vi"):
            Settings.model_validate({"languages": languages})


def test_a_language_needs_a_words_file() -> None:
    with pytest.raises(
        ValidationError, match=r"'fr' is not a language the site can be built in; choose among vi, en, zh \(each has a words"
    ):
        Settings.model_validate({"languages": ["vi", "fr"]})


def test_a_language_is_listed_once() -> None:
    with pytest.raises(ValidationError, match="'zh' is listed twice"):
        Settings.model_validate({"languages": ["vi", "zh", "en", "zh"]})
