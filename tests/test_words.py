"""The words files (catalogue/words/<code>.yaml): every language has every key of the Vietnamese
file and no other, with the same {placeholders}; the registry reads their headers."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from catalogue.languages import SOURCE, Language, available, language, read_language, words_folder
from catalogue.pages.generate import ABOUT_PAGES
from catalogue.status import CertificateStatus

FIXTURES = Path(__file__).parent / "fixtures" / "words"


def placeholders(text: str) -> set[str]:
    """The names of the {placeholders} in `text`."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def differences(source: Language, other: Language) -> list[str]:
    """What is wrong with `other`'s words against the Vietnamese ones, one message per key."""
    where = f"catalogue/words/{other.code}.yaml"
    problems = [f"{where}: missing key '{key}' (in {SOURCE}.yaml: {source.words[key]!r})" for key in source.words if key not in other.words]
    problems += [f"{where}: key '{key}' is not in {SOURCE}.yaml" for key in other.words if key not in source.words]
    for key in source.words.keys() & other.words.keys():
        want, got = placeholders(source.words[key]), placeholders(other.words[key])
        if want != got:
            problems.append(f"{where}: key '{key}' has placeholders {sorted(got)}, {SOURCE}.yaml has {sorted(want)}")
    return problems


def test_the_languages_are_the_words_files() -> None:
    files = sorted(entry.name for entry in words_folder().iterdir() if entry.name.endswith(".yaml"))
    assert available() == ("vi", "en", "zh")
    assert files == [f"{code}.yaml" for code in sorted(available())]


@pytest.mark.parametrize("code", [code for code in available() if code != SOURCE])
def test_every_language_has_every_key_with_the_same_placeholders(code: str) -> None:
    problems = differences(language(SOURCE), language(code))
    assert not problems, "\n".join(problems)


def test_a_missing_key_is_named_with_its_file() -> None:
    broken = read_language("xx", (FIXTURES / "missing-key.yaml").read_text(encoding="utf-8"))
    problems = differences(language(SOURCE), broken)
    assert "catalogue/words/xx.yaml: missing key 'check_button' (in vi.yaml: 'Kiểm tra')" in problems
    assert "catalogue/words/xx.yaml: key 'home' has placeholders ['n'], vi.yaml has []" in problems
    assert "catalogue/words/xx.yaml: key 'homepage' is not in vi.yaml" in problems


def test_a_header_without_a_field_is_refused_naming_the_file() -> None:
    with pytest.raises(ValueError, match=r"^catalogue/words/xx.yaml: the `language:` header lacks og_locale, print$"):
        read_language("xx", "language: {name: X, html: x, babel: en, theme: en, search: en, dates: medium}\nwords: {home: X}\n")


def test_no_words_file_no_language() -> None:
    with pytest.raises(KeyError, match="no words file for language 'fr'"):
        language("fr")


@pytest.mark.parametrize(
    ("code", "tag", "locale", "printed"),
    [("vi", "vi", "vi_VN", True), ("en", "en", "en_US", True), ("zh", "zh-Hans", "zh_CN", False)],
)
def test_headers(code: str, tag: str, locale: str, printed: bool) -> None:
    spoken = language(code)
    assert (spoken.html, spoken.og_locale, spoken.print) == (tag, locale, printed)


@pytest.mark.parametrize("code", available())
def test_every_status_has_words(code: str) -> None:
    for status in CertificateStatus:
        assert language(code).words[f"status_{status.value}"]


def test_chinese_stars_read_as_buyers_write_them() -> None:
    assert f"OCOP {language('zh').text('star_n', n=4)}" == "OCOP 4星"


@pytest.mark.parametrize("code", available())
def test_every_language_has_its_about_pages(code: str) -> None:
    """A language is its words file and its hand-written about pages (catalogue/content/<code>/)."""
    folder = words_folder().parent.joinpath("content", code)
    missing = [f"catalogue/content/{code}/{name}.md" for name in ABOUT_PAGES if not folder.joinpath(f"{name}.md").is_file()]
    assert not missing, f"missing: {', '.join(missing)}"
