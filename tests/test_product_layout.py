"""Product pages that look like products (issue 15, item 6): the key facts near the top, beside the
photos on a wide screen; one crop shape with an optional focus point per photo; and the certificate
number on a phone's first screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from catalogue.model import Image
from catalogue.pages.focus import focus_class, focus_percent, focus_rules
from catalogue.pages.i18n import format_phone
from catalogue.translated import localized_text
from catalogue.validate import validate

from .browser import DESKTOP, PHONE
from .conftest import REPO
from .site_fixture import TODAY, soup
from .test_site import CATALOGUE

LANGUAGES = {"vi": "", "en": "en/", "zh": "zh/"}
FOCUSED = "tra-dong-phuong-my-nhan"  # its second photo (a portrait one) keeps [0.5, "70%"] in view


@pytest.mark.parametrize(
    ("written", "shares"),
    [([0.3, 0.6], (0.3, 0.6)), (["30%", "60%"], (0.3, 0.6)), ([0, "100%"], (0.0, 1.0)), (["12.5%", 1], (0.125, 1.0))],
)
def test_a_focus_point_is_a_share_or_a_percentage(written: list[object], shares: tuple[float, float]) -> None:
    assert Image(src="a.jpg", focus=written).focus == pytest.approx(shares)


def _product_error(demo_copy: Path, old: str, new: str) -> str:
    path = demo_copy / "products" / f"{FOCUSED}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    _, report = validate(Path("products"), Path("producers"), today=TODAY)
    return report.to_text("en")


@pytest.mark.parametrize(
    ("focus", "message"),
    [
        ('["abc", 0.5]', "images[2].focus[1]: must be a number from 0 to 1 or a percentage such as \"30%\", not 'abc' [invalid-value]"),
        ("[0.5, true]", 'images[2].focus[2]: must be a number from 0 to 1 or a percentage such as "30%", not True [invalid-value]'),
        ('[0.5, "150%"]', "images[2].focus[2]: must be 1 or less, got '150%' [invalid-value]"),
        ("[1.2, 0]", "images[2].focus[1]: must be 1 or less, got 1.2 [invalid-value]"),
        ("[0.5]", "images[2].focus[2]: required field is missing [missing-field]"),
    ],
)
def test_a_wrong_focus_point_is_named_at_its_line(demo_copy: Path, focus: str, message: str) -> None:
    errors = _product_error(demo_copy, 'focus: [0.5, "70%"]', f"focus: {focus}")
    assert errors == f"products/{FOCUSED}.yaml:36: error: {message}"


def test_a_video_must_be_an_https_address(demo_copy: Path) -> None:
    errors = _product_error(demo_copy, "https://truyenhinh.laichau", "http://truyenhinh.laichau")
    assert errors == (
        f"products/{FOCUSED}.yaml:41: error: videos[2].url: must be an https:// address, not "
        "'http://truyenhinh.laichau.example.vn/phong-su/tra-dong-phuong-my-nhan' [invalid-value]"
    )


@pytest.mark.parametrize(
    ("focus", "classes"),
    [
        (None, ""),
        ((0.5, 0.5), ""),  # the centre is the stylesheet's default
        ((0.3, 0.62), ' class="ocop-fx-30 ocop-fy-60"'),
        ((0.0, 1.0), ' class="ocop-fx-0 ocop-fy-100"'),
        ((0.5, 0.7), ' class="ocop-fx-50 ocop-fy-70"'),
    ],
)
def test_a_focus_point_becomes_the_stylesheets_classes(focus: tuple[float, float] | None, classes: str) -> None:
    assert str(focus_class(focus)) == classes


def test_the_stylesheet_has_a_class_for_every_step() -> None:
    css = (REPO / "overrides" / "assets" / "ocop.css").read_text(encoding="utf-8")
    assert focus_rules() in css  # `python -c "from catalogue.pages.focus import focus_rules; print(focus_rules())"` writes it
    assert {focus_percent(share / 1000) for share in range(1001)} == set(range(0, 101, 5))


def test_the_focus_point_reaches_the_gallery(demo_site: Path) -> None:
    photos = soup(demo_site / "p" / FOCUSED / "index.html").select(".ocop-gallery img")
    assert [img.get("class") for img in photos] == [None, ["ocop-fx-50", "ocop-fy-70"], None, None]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_product_page_has_its_key_facts_right_under_the_status(demo_site: Path, lang: str) -> None:
    for product in CATALOGUE.products.values():
        article = soup(demo_site / LANGUAGES[lang] / "p" / product.id / "index.html").select_one("article.ocop-product")
        facts = article.select_one(".ocop-keyfacts")
        before = [element["class"][0] for element in facts.find_previous_siblings()]
        assert before in (["ocop-product__head"], ["ocop-withdrawn", "ocop-product__head"]), product.id
        assert facts.select_one(".ocop-keyfacts__certificate dd").get_text() == product.certificate.number
        producer = CATALOGUE.producers[product.producer]
        assert facts.select_one(".ocop-keyfacts__producer a").get_text() == localized_text(producer, "name", lang)
        assert format_phone(producer.phone) in facts.select_one("a.ocop-call").get_text()
        zalo = facts.select_one("a.ocop-zalo")
        assert (zalo["href"] if zalo else None) == (f"https://zalo.me/{producer.zalo}" if producer.zalo else None), product.id
        assert bool(facts.select_one(".ocop-price")) == bool(product.price), product.id
        assert len(article.select(".ocop-price")) == (1 if product.price else 0)  # no second price further down


def test_a_withdrawn_product_points_to_no_shop_in_its_key_facts(demo_site: Path) -> None:
    withdrawn = [p for p in CATALOGUE.products.values() if p.withdrawn and p.channels and p.withdrawn.date <= TODAY]
    assert withdrawn, "the demo has a withdrawn product that had shops"
    for product in withdrawn:
        assert not soup(demo_site / "p" / product.id / "index.html").select(".ocop-keyfacts__shops"), product.id


def _longest_head(lang: str) -> str:
    """The listed product whose name and summary take the most room in `lang`: the hardest first screen."""
    listed = [p for p in CATALOGUE.products.values() if not p.withdrawn]
    return max(listed, key=lambda p: len(localized_text(p, "name", lang)) + len(localized_text(p, "summary", lang))).id


FIRST_SCREEN = """() => ["h1", ".ocop-product__badge svg", "p.ocop-status", ".ocop-keyfacts__certificate dd"].map((selector) => {
  const box = document.querySelector(selector).getBoundingClientRect();
  return [selector, box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0, Math.round(box.bottom)];
})"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_phones_first_screen_shows_name_stars_status_and_certificate_number(
    open_page: Callable[..., Any], site_url: str, lang: str
) -> None:
    page = open_page(**PHONE)
    for pid in sorted({_longest_head(lang), "mat-ong-pa-u"}):
        page.goto(f"{site_url}/{LANGUAGES[lang]}p/{pid}/")
        seen = page.evaluate(FIRST_SCREEN)
        assert all(shown for _, shown, _ in seen), f"{page.url}: {seen} (the screen is {PHONE['viewport']['height']} px high)"


def test_a_wide_screen_shows_the_photos_beside_the_key_facts(open_page: Callable[..., Any], site_url: str) -> None:
    page = open_page(**DESKTOP)
    page.goto(f"{site_url}/p/{FOCUSED}/")
    box = {s: page.locator(s).bounding_box() for s in (".ocop-gallery", ".ocop-product__head", ".ocop-keyfacts", ".ocop-certificate")}
    gallery, head, facts, certificate = box.values()
    assert gallery["x"] + gallery["width"] <= head["x"] and head["x"] == facts["x"], box
    assert head["y"] == pytest.approx(gallery["y"], abs=20) and facts["y"] < gallery["y"] + gallery["height"], box
    assert certificate["y"] >= gallery["y"] + gallery["height"], box  # the rest of the page under both
    assert facts["y"] + facts["height"] <= DESKTOP["viewport"]["height"], "the key facts on the first screen"


# The cards of the listing with the first three covers swapped for a portrait photo (3:4): how each
# card's photo and the card itself come out, with the photo's own shape.
MIXED_CARDS = """async (portrait) => {
  const cards = Array.from(document.querySelectorAll(".ocop-card")).slice(0, 6);
  cards.slice(0, 3).forEach((card) => {
    card.querySelectorAll("source").forEach((source) => source.remove());
    const img = card.querySelector("img");
    img.removeAttribute("srcset");
    img.removeAttribute("loading");
    img.src = portrait;
  });
  await Promise.all(cards.map((card) => card.querySelector("img").decode()));
  return cards.map((card) => {
    const img = card.querySelector("img");
    return {card: Math.round(card.getBoundingClientRect().height), photo: Math.round(img.getBoundingClientRect().height),
            shape: img.naturalWidth / img.naturalHeight};
  });
}"""


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_mixed_portrait_and_landscape_photos_give_cards_of_one_height(
    open_page: Callable[..., Any], site_url: str, demo_site: Path, size: dict[str, Any]
) -> None:
    portrait = soup(demo_site / "p" / FOCUSED / "index.html").select(".ocop-gallery img")[1]["src"]
    page = open_page(**size)
    page.goto(f"{site_url}/products/")
    cards = page.evaluate(MIXED_CARDS, f"{site_url}/p/{FOCUSED}/{portrait}")
    shapes = sorted({round(card["shape"], 2) for card in cards})
    assert shapes[0] < 1 < shapes[-1], f"the test needs portrait and landscape photos: {cards}"
    assert len({card["photo"] for card in cards}) == 1, cards
    columns = page.evaluate("getComputedStyle(document.querySelector('ul.ocop-cards')).gridTemplateColumns.split(' ').length")
    first_row = cards[: min(columns, len(cards))]
    assert len({card["card"] for card in first_row}) == 1, cards


def test_the_gallery_stays_tidy_with_mixed_photos_and_keeps_the_focus(open_page: Callable[..., Any], site_url: str) -> None:
    page = open_page(**DESKTOP)
    page.goto(f"{site_url}/p/{FOCUSED}/")
    photos = page.evaluate(
        """() => Array.from(document.querySelectorAll(".ocop-gallery img")).map((img) => {
          const box = img.getBoundingClientRect();
          return {width: box.width, height: box.height, top: Math.round(box.top), shape: img.naturalWidth / img.naturalHeight,
                  position: getComputedStyle(img).objectPosition};
        })"""
    )
    assert any(p["shape"] < 1 for p in photos) and any(p["shape"] > 1 for p in photos), photos
    for photo in photos:
        assert photo["width"] / photo["height"] == pytest.approx(4 / 3, abs=0.02), photos
    rest = photos[1:]
    assert len({round(p["height"]) for p in rest}) == 1 and len({p["top"] for p in rest}) == 1, "one row of equal cells"
    assert [p["position"] for p in photos] == ["50% 50%", "50% 70%", "50% 50%", "50% 50%"]
