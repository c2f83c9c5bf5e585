"""Translated data: one form (`translations.<lang>.<field>`), the old forms still read with a
warning, unknown languages refused at their line, and the one fallback rule."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from catalogue import languages
from catalogue.model import Product
from catalogue.pages.html import text_span
from catalogue.problems import Report
from catalogue.rules import fold_tone_marks
from catalogue.settings import Settings
from catalogue.translated import Localized, localized, localized_fact, localized_text, pick, source, term, translation
from catalogue.validate import load_settings, validate
from catalogue.vocab import (
    CERTIFICATE_KIND_LABELS,
    CHANNEL_LABELS,
    GROUP_LABELS,
    INSPECTION_RESULT_LABELS,
    PRODUCER_KIND_LABELS,
    SALES_POINT_LABELS,
    categories,
    fact_labels,
)

from .conftest import FIXTURES

OLD_FORMS = FIXTURES / "old-forms"
TODAY = date(2026, 11, 28)

# Each old shape, the warning it gets (exact), in the fixture of that shape alone.
OLD_SHAPES = {
    "site-name.yaml": "catalogue.yaml:3: warning: `site_name: {vi: …, …}` is the old form: write `site_name: …` (in Vietnamese) "
    "and `translations: {en: {site_name: …}}` [old-form]",
    "office-name-en.yaml": "catalogue.yaml:5: warning: `name_en` is the old form: write `translations: {en: {name: …}}` [old-form]",
    "sales-point-name-en.yaml": "catalogue.yaml:6: warning: `name_en` is the old form: write `translations: {en: {name: …}}` [old-form]",
    "sales-point-hours-en.yaml": "catalogue.yaml:10: warning: `hours_en` is the old form: write `translations: {en: {hours: …}}` "
    "[old-form]",
}


def _settings(folder: Path, fixture: str) -> tuple[Settings, Report]:
    """The settings of an old-forms fixture, loaded as the catalogue.yaml of `folder` (the working directory)."""
    folder.mkdir()
    shutil.copy(OLD_FORMS / fixture, folder / "catalogue.yaml")
    os.chdir(folder)
    report = Report()
    return load_settings(Path("catalogue.yaml"), report), report


@pytest.fixture(autouse=True)
def _back_to(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path.cwd())  # restored after each test, whatever `_settings` changed


@pytest.mark.parametrize(("fixture", "warning"), OLD_SHAPES.items())
def test_an_old_shape_loads_with_a_warning_naming_the_new_form(tmp_path: Path, fixture: str, warning: str) -> None:
    _, report = _settings(tmp_path / "old", fixture)
    assert [p.show("en") for p in report.sorted()] == [warning]
    assert report.ok  # a warning: the build goes on


@pytest.mark.parametrize("fixture", OLD_SHAPES)
def test_an_old_shape_gives_the_same_settings_as_the_new_form(tmp_path: Path, fixture: str) -> None:
    old, _ = _settings(tmp_path / "old", fixture)
    new, report = _settings(tmp_path / "new", fixture.replace(".yaml", ".new.yaml"))
    assert report.problems == []
    assert old == new and old != Settings(site_url="https://ocop.test/")


def test_every_old_shape_has_its_fixture_and_its_new_form() -> None:
    assert sorted(p.name for p in OLD_FORMS.glob("*.yaml") if not p.name.endswith(".new.yaml")) == sorted(OLD_SHAPES)
    assert all((OLD_FORMS / name.replace(".yaml", ".new.yaml")).exists() for name in OLD_SHAPES)


def test_old_and_new_form_both_written_is_an_error_naming_both(tmp_path: Path) -> None:
    text = (OLD_FORMS / "office-name-en.yaml").read_text(encoding="utf-8")
    (tmp_path / "catalogue.yaml").write_text(text + "  translations: {en: {name: Another name}}\n", encoding="utf-8")
    report = Report()
    load_settings(tmp_path / "catalogue.yaml", report)
    assert [p.text("en") for p in report.problems] == [
        "`name_en` and `translations.en.name` are both written: keep `translations.en.name` and remove `name_en`"
    ]
    assert [p.line for p in report.problems] == [5] and not report.ok


def test_the_old_site_name_keeps_the_line_of_an_error_in_it(tmp_path: Path) -> None:
    text = (OLD_FORMS / "site-name.yaml").read_text(encoding="utf-8").replace("en: Tả Lèng", 'en: "Tả Lèng\\x01')
    (tmp_path / "catalogue.yaml").write_text(text.replace("products\n", 'products"\n'), encoding="utf-8")
    report = Report()
    load_settings(tmp_path / "catalogue.yaml", report)
    errors = [(p.line, p.text("en").split(":")[0]) for p in report.errors]
    assert errors == [(5, "translations.en.site_name")]


def _product_with(base_catalogue: Path, lines: str) -> Report:
    path = base_catalogue / "products" / "base-product.yaml"
    path.write_text(path.read_text(encoding="utf-8").split("translations:")[0] + lines, encoding="utf-8")
    return validate(Path("products"), Path("producers"), today=TODAY)[1]


def test_a_translation_in_an_unknown_language_is_an_error_at_its_line(base_catalogue: Path) -> None:
    report = _product_with(base_catalogue, "translations:\n  fr:\n    name: Riz\n")
    line = (base_catalogue / "products" / "base-product.yaml").read_text(encoding="utf-8").splitlines().index("  fr:") + 1
    assert [p.show("en") for p in report.sorted()] == [
        f"products/base-product.yaml:{line}: error: translations.fr: 'fr' is not a language of the catalogue (one with a words "
        "file, catalogue/words/<code>.yaml): use en, zh [unknown-language]"
    ]


def test_a_translation_into_vietnamese_is_refused(base_catalogue: Path) -> None:
    report = _product_with(base_catalogue, "translations:\n  vi:\n    name: Gạo\n")
    assert [p.text("en") for p in report.problems] == [
        "translations.vi: 'vi' is the language the data is written in: write that text in the fields themselves, not under translations"
    ]


def test_a_translation_for_a_language_the_site_does_not_build_is_kept_unused(base_catalogue: Path) -> None:
    assert "zh" not in load_settings(base_catalogue / "catalogue.yaml", Report()).languages
    report = _product_with(base_catalogue, "translations:\n  zh:\n    name: 大米\n")
    assert report.problems == []


# The one fallback rule.


def _product(**translations: dict[str, object]) -> Product:
    facts = {"net_weight": "500 g", "shelf_life": "12 tháng"}
    return Product.model_validate(
        {
            "id": "gao-thu",
            "name": "Gạo thử",
            "group": "thuc-pham",
            "stars": 4,
            "producer": "htx-thu",
            "certificate": {"number": "01/2025", "issued": "2025-01-01", "issuer": "UBND tỉnh Lai Châu"},
            "summary": "Gạo của bản",
            "facts": facts,
            "translations": translations,
        }
    )


def test_localized_gives_the_translation_or_vietnamese_with_its_language() -> None:
    product = _product(en={"name": "Test rice"}, zh={"summary": "村里的大米"})
    assert localized(product, "name", "en") == Localized("Test rice", "en")
    assert localized(product, "name", "zh") == Localized("Gạo thử", "vi")
    assert localized(product, "summary", "zh") == Localized("村里的大米", "zh")
    assert localized(product, "name", "vi") == Localized("Gạo thử", "vi")
    assert localized(product, "description", "en") is None
    assert localized_text(product, "description", "en") == ""
    assert translation(product, "name", "zh") is None and translation(product, "summary", "zh") == "村里的大米"


def test_facts_fall_back_one_by_one() -> None:
    product = _product(zh={"facts": {"net_weight": "500克"}})
    assert localized_fact(product, "net_weight", "zh") == Localized("500克", "zh")
    assert localized_fact(product, "shelf_life", "zh") == Localized("12 tháng", "vi")


def test_pick_never_takes_an_empty_translation_and_terms_fall_back_to_vietnamese() -> None:
    assert pick("Chè", {"en": ""}, "en") == source("Chè")
    assert term({"vi": "Chè", "en": "Tea"}, "zh") == "Chè"
    assert term({"vi": "Chè", "en": "Tea"}, "en") == "Tea"


def test_text_span_marks_text_in_another_language_than_the_page() -> None:
    assert str(text_span(Localized("Gạo <b>", "vi"), "zh")) == '<span lang="vi">Gạo &lt;b&gt;</span>'
    assert str(text_span(Localized("大米", "zh"), "zh")) == "大米"
    assert str(text_span(source("Gạo"), "vi")) == "Gạo"
    assert str(text_span(None, "en")) == ""


@pytest.mark.parametrize(
    "labels",
    [GROUP_LABELS, PRODUCER_KIND_LABELS, CERTIFICATE_KIND_LABELS, INSPECTION_RESULT_LABELS, CHANNEL_LABELS, SALES_POINT_LABELS],
)
def test_every_vocabulary_term_has_every_language(labels: dict[object, dict[str, str]]) -> None:
    missing = [(code, lang) for code, label in labels.items() for lang in languages.available() if not label.get(lang)]
    assert missing == []


def test_every_category_and_fact_key_has_every_language() -> None:
    labels = {**{code: label for code, (_, label) in categories().items()}, **fact_labels()}
    missing = [(code, lang) for code, label in labels.items() for lang in languages.available() if not label.get(lang)]
    assert missing == []
    assert categories()["che"][1]["zh"] == "茶叶" and fact_labels()["net_weight"]["zh"] == "净含量"


@pytest.mark.parametrize("text", ["雪山古树红茶", "莱州蜂蜜", "Mật ong 蜂蜜"])
def test_folding_keeps_chinese_characters(text: str) -> None:
    folded = fold_tone_marks(text)
    assert [c for c in folded if "\u4e00" <= c <= "\u9fff"] == [c for c in text if "\u4e00" <= c <= "\u9fff"]


def test_check_prints_an_old_form_warning_and_passes(base_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from catalogue.cli import main

    path = base_catalogue / "catalogue.yaml"
    text = path.read_text(encoding="utf-8")
    moved = "    name_en: Tả Lèng OCOP showroom\n    translations:\n      en:\n"
    path.write_text(text.replace("    translations:\n      en:\n        name: Tả Lèng OCOP showroom\n", moved, 1), encoding="utf-8")
    assert main(["--lang", "en", "--check", "--today", TODAY.isoformat()]) == 0
    assert (
        "catalogue.yaml:5: warning: `name_en` is the old form: write `translations: {en: {name: …}}` [old-form]" in capsys.readouterr().out
    )
