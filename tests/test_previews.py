"""Link previews (issue 10, deliverable 10): every page has a description and Open Graph tags with an
absolute 1200×630 JPEG; products without photos get a share card, grey once their certificate has
ended; text from the data is escaped in every tag; cards are cached and never overflow."""

from __future__ import annotations

import io
import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image

from catalogue.jobs.cache import MediaCache
from catalogue.makers.card_text import ELLIPSIS, fit, wrap
from catalogue.makers.card_text import font as card_font
from catalogue.makers.cards import GOLD, HEIGHT, MARGIN, WIDTH, CardFrame, ProductCard, SiteCard, product_card, site_card
from catalogue.media_stage import build_media, plan
from catalogue.pages.context import Site
from catalogue.pages.preview import describe
from catalogue.sitebuild import build_site
from catalogue.translated import localized_text
from catalogue.validate import validate

from .conftest import make_base_catalogue
from .site_fixture import TODAY, soup
from .test_site import CATALOGUE

HOSTILE = """Trà <img src=x onerror=alert(1)> "Bản" 'Hon' & <script>alert(2)</script>"""
HOSTILE_PRODUCER = """HTX "Chè" <b onmouseover='alert(3)'>Tả Lèng</b>"""
FRAME = CardFrame("Sản phẩm OCOP Lai Châu", "Tỉnh Lai Châu", "ocop-laichau.example", "Dữ liệu minh họa")


def preview_tags(page: BeautifulSoup) -> dict[str, str]:
    """The Open Graph and Twitter tags of a page by property (or name); a repeated one must not be."""
    tags: dict[str, str] = {}
    for meta in page.select("meta[property^='og:'], meta[name^='twitter:']"):
        key = meta.get("property") or meta["name"]
        if key == "og:locale:alternate":
            continue
        assert key not in tags, f"{key} written twice"
        tags[key] = meta["content"]
    return tags


def assert_image(site: Path, site_url: str, address: str) -> Image.Image:
    """The JPEG that an absolute og:image address names, read from the built site."""
    assert address.startswith(site_url) and address.endswith(".jpg"), address
    path = site / address.removeprefix(site_url)
    assert path.is_file(), address
    with Image.open(path) as image:
        assert (image.format, image.size) == ("JPEG", (1200, 630))
        return image.convert("RGB")


def gold_pixels(image: Image.Image) -> int:
    """How many pixels have the bright gold of stars in force (give or take JPEG's noise)."""
    data = image.tobytes()
    pixels = zip(data[0::3], data[1::3], data[2::3], strict=True)
    return sum(1 for r, g, b in pixels if abs(r - GOLD[0]) < 40 and abs(g - GOLD[1]) < 40 and abs(b - GOLD[2]) < 50)


# The demo site -------------------------------------------------------------------------------


def site_pages(site: Path) -> list[Path]:
    """Every page the theme rendered: all but the GS1 redirects and the kiosk's own page."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        parts = path.relative_to(site).parts
        if parts[0] in ("01", "kiosk", "assets", "search") or parts[1:2] == ("kiosk",):
            continue
        pages.append(path)
    return pages


def test_every_page_of_the_demo_has_a_preview_with_an_image_that_exists(demo_site: Path) -> None:
    site_url = CATALOGUE.settings.site_url
    pages = site_pages(demo_site)
    products = [p for p in pages if "p" in p.relative_to(demo_site).parts[:2]]
    languages = len(CATALOGUE.settings.languages)
    assert len(products) == languages * len(CATALOGUE.products)
    assert len(pages) - len(products) >= languages * (1 + 6 + 3 + 1 + 1 + 1 + 1 + 1 + 1 + 4)
    images = set()
    for path in pages:
        head = path.read_text(encoding="utf-8").split("</head>")[0]  # the head alone parses ten times faster
        page = BeautifulSoup(head, "html.parser")
        tags = preview_tags(page)
        for key in ("og:title", "og:description", "og:image", "og:url", "og:image:alt"):
            assert tags.get(key, "").strip(), f"{path}: {key}"
        assert page.select_one('meta[name="description"]')["content"] == tags["og:description"]
        assert tags["og:url"] == page.select_one('link[rel="canonical"]')["href"]
        assert tags["og:url"].removeprefix(site_url) == path.relative_to(demo_site).parent.as_posix().removeprefix(".") + (
            "/" if path.parent != demo_site else ""
        )
        assert (tags["og:image:width"], tags["og:image:height"], tags["twitter:card"]) == ("1200", "630", "summary_large_image")
        assert tags["og:locale"] == {"vi": "vi_VN", "en": "en_US", "zh-Hans": "zh_CN"}[page.html["lang"]]
        assert tags["og:type"] == ("product" if path in products else "website")
        if tags["og:image"] not in images:
            images.add(tags["og:image"])
            assert_image(demo_site, site_url, tags["og:image"])


@pytest.mark.parametrize(("prefix", "lang"), [("", "vi"), ("en/", "en")])
def test_home_title_is_the_site_name_once(demo_site: Path, prefix: str, lang: str) -> None:
    page = soup(demo_site / prefix / "index.html")
    name = localized_text(CATALOGUE.settings, "site_name", lang)
    assert page.title.get_text() == name
    assert preview_tags(page)["og:title"] == name
    assert preview_tags(page)["og:image"].split("/")[-2:-1] == ["cards"]


def test_index_descriptions_say_what_the_page_lists(demo_site: Path) -> None:
    def description(path: str) -> str:
        return preview_tags(soup(demo_site / path / "index.html"))["og:description"]

    products = CATALOGUE.listed_products(TODAY)  # what the pages list: withdrawn products left out
    four = sum(p.stars == 4 for p in products)
    assert f"{four} sản phẩm OCOP hạng 4 sao" in description("stars/4")
    assert f"{four} OCOP products with 4 stars" in description("en/stars/4")
    teas = sum(p.group.value == "do-uong" for p in products)
    assert description("en/groups/do-uong").startswith(f"Beverages: {teas} OCOP products from Lai Châu province")
    producer = next(iter(CATALOGUE.producers.values()))
    made = sum(CATALOGUE.listed(p, TODAY) for p in CATALOGUE.products_of(producer.id))
    assert description(f"producers/{producer.id}").startswith(f"{producer.name} (")
    assert f"{made} sản phẩm OCOP" in description(f"producers/{producer.id}")
    assert "Lai Châu" in description("") and "Lai Châu" in description("en/dashboard")
    seen = [description(p) for p in ("", "products", "groups", "stars", "communes", "producers", "sales-points", "check", "dashboard")]
    seen += [description(f"about/{name}") for name in ("ocop", "stars", "check", "data")]
    assert len(set(seen)) == len(seen)


# A catalogue with a product without photos (a hostile name) and an expired one -------------------


def add_product(root: Path, pid: str, **changes: object) -> None:
    """A copy of the base product without photos (and without its GTIN), with `changes`."""
    data = yaml.safe_load((root / "products" / "base-product.yaml").read_text(encoding="utf-8"))
    data.pop("images")
    data.pop("gtin")
    data.update(id=pid, **changes)
    data["certificate"] = {**data["certificate"], **data.pop("certificate_changes", {})}
    (root / "products" / f"{pid}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def preview_catalogue(root: Path) -> Path:
    make_base_catalogue(root)
    producer = root / "producers" / "base-producer.yaml"
    data = yaml.safe_load(producer.read_text(encoding="utf-8"))
    producer.write_text(yaml.safe_dump({**data, "name": HOSTILE_PRODUCER}, allow_unicode=True), encoding="utf-8")
    add_product(
        root,
        "base-no-photo",
        name=HOSTILE,
        summary=f"Tóm tắt {HOSTILE}",
        translations={"en": {"name": f"EN {HOSTILE}", "summary": f"Summary {HOSTILE}"}},
        certificate_changes={"number": "TEST-0002"},
    )
    add_product(
        root,
        "base-expired",
        stars=5,
        certificate_changes={"number": "TEST-0003", "issued": "2022-06-01", "expires": "2025-06-01"},
    )
    return root


SITE_URL = "https://ocop.test/"  # the base catalogue's


@pytest.fixture(scope="module")
def preview_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The catalogue, built once into root/site with its media cache in root/cache."""
    root = preview_catalogue(tmp_path_factory.mktemp("preview") / "cat")
    with open(os.devnull, "w") as quiet:
        report, summary = build_site(
            root / "products", root / "producers", root / "site", today=TODAY, cache=MediaCache(root / "cache"), stream=quiet
        )
    assert summary is not None, report.to_text()
    return root


@pytest.fixture
def preview_site(preview_root: Path) -> tuple[Path, str]:
    return preview_root / "site", SITE_URL


def test_products_without_photos_get_a_share_card(preview_site: tuple[Path, str]) -> None:
    site, site_url = preview_site
    for prefix, lang in (("", "vi"), ("en/", "en")):
        for pid in ("base-no-photo", "base-expired"):
            image = preview_tags(soup(site / prefix / "p" / pid / "index.html"))["og:image"]
            assert image.startswith(f"{site_url}img/{pid}/card-{lang}-")
            assert_image(site, site_url, image)
        cover = preview_tags(soup(site / prefix / "p" / "base-product" / "index.html"))["og:image"]
        assert cover.startswith(f"{site_url}img/base-product/1-") and cover.endswith("-og.jpg")


def test_an_expired_products_card_shows_no_bright_stars(preview_site: tuple[Path, str]) -> None:
    site, site_url = preview_site
    tags = {pid: preview_tags(soup(site / "p" / pid / "index.html")) for pid in ("base-no-photo", "base-expired")}
    valid, expired = (assert_image(site, site_url, tags[pid]["og:image"]) for pid in ("base-no-photo", "base-expired"))
    assert gold_pixels(valid) > 2000
    assert gold_pixels(expired) == 0
    assert tags["base-expired"]["og:title"] == "Chè Shan tuyết Tả Lèng – OCOP 5 sao – chứng nhận đã hết hạn"
    assert tags["base-no-photo"]["og:title"] == f"{HOSTILE} – OCOP 4 sao"


def test_hostile_text_is_escaped_in_every_preview_tag(preview_site: tuple[Path, str]) -> None:
    site, _ = preview_site
    for prefix, name, summary in (("", HOSTILE, f"Tóm tắt {HOSTILE}"), ("en/", f"EN {HOSTILE}", f"Summary {HOSTILE}")):
        raw = (site / prefix / "p" / "base-no-photo" / "index.html").read_text(encoding="utf-8")
        tags = preview_tags(BeautifulSoup(raw, "html.parser"))
        assert tags["og:title"].startswith(f"{name} – OCOP")
        assert tags["og:image:alt"] == tags["og:title"]
        assert tags["og:description"] == summary
        producer = preview_tags(soup(site / prefix / "producers" / "base-producer" / "index.html"))
        assert producer["og:title"].startswith(f"{HOSTILE_PRODUCER} – ")
        assert producer["og:description"].startswith(f"{HOSTILE_PRODUCER} (")
    head = (site / "p" / "base-no-photo" / "index.html").read_text(encoding="utf-8").split("</head>")[0]
    previews = [line for line in head.splitlines() if 'property="og:' in line]
    assert previews and not any("<img src=x" in line or "<script>" in line for line in previews)


def test_a_second_media_run_draws_no_card_and_a_new_status_gets_a_new_address(preview_root: Path, tmp_path: Path) -> None:
    catalogue, report = validate(preview_root / "products", preview_root / "producers", today=TODAY)
    assert report.ok, report.to_text()
    with open(os.devnull, "w") as quiet:  # the site's build filled the cache
        again = build_media(catalogue, tmp_path / "out", MediaCache(preview_root / "cache"), TODAY, stream=quiet)
    cards = [job for job in plan(catalogue, TODAY) if job.kind in ("card", "site-card")]
    assert len(cards) == 2 * 2 + 2  # two products without photos and the site, in two languages
    assert again.stats.made == 0 and again.stats.reused == again.stats.jobs
    paths = {*again.products["base-no-photo"].cards.values(), *again.products["base-expired"].cards.values(), *again.site_cards.values()}
    assert paths == {job.params.path for job in cards}
    assert all((tmp_path / "out" / path).is_file() for path in paths)
    # Once its certificate has expired, the card is another file: no cache can keep the bright one.
    later = plan(catalogue, date(2028, 6, 1))
    before = {job.params.path for job in cards if job.product == "base-no-photo"}
    after = {job.params.path for job in later if job.kind == "card" and job.product == "base-no-photo"}
    assert before.isdisjoint(after) and len(after) == 2


def test_descriptions_of_later_pages_and_unknown_paths() -> None:
    site = Site(CATALOGUE, {}, TODAY)
    first = describe(site, "groups/do-uong/index.md", "vi")
    assert describe(site, "groups/do-uong/page-2.md", "vi") == f"{first} (trang 2)"
    assert describe(site, "groups/no-such-group/index.md", "en") == describe(site, "index.md", "en")
    assert describe(site, "about/no-such-page.md", "vi") == describe(site, "index.md", "vi")


# The cards themselves -----------------------------------------------------------------------------


def inside(box: tuple[int, int, int, int], frame: tuple[int, int, int, int]) -> bool:
    return frame[0] <= box[0] and frame[1] <= box[1] and box[2] <= frame[2] and box[3] <= frame[3]


@pytest.mark.parametrize(
    "name",
    [
        "X" * 150,  # one word, of the widest capital
        "Ẩ" * 150,  # one word of stacked marks
        "Mật ong bạc hà " * 10,  # 150 characters of words
        "W" * 20_000,  # far past any limit: still cut, quickly
    ],
    ids=["150-X", "150-stacked", "150-words", "20000"],
)
@pytest.mark.parametrize("in_force", [True, False])
def test_a_long_name_stays_inside_its_box(name: str, in_force: bool) -> None:
    drawn = product_card(ProductCard(name, 5, in_force, "OCOP 5 sao – chứng nhận đã bị thu hồi", FRAME))
    name_area = (MARGIN, 100, WIDTH - MARGIN, 410)  # between the site's name and the stars
    assert 1 <= len(drawn.boxes["name"]) <= 4
    assert all(inside(box, name_area) for box in drawn.boxes["name"]), drawn.boxes["name"]
    for role, boxes in drawn.boxes.items():
        assert all(inside(box, (MARGIN - 1, 0, WIDTH - MARGIN + 1, HEIGHT)) for box in boxes), role
    with Image.open(io.BytesIO(drawn.jpeg)) as image:
        assert image.size == (WIDTH, HEIGHT)
        right_margin = image.convert("L").crop((WIDTH - MARGIN + 6, 100, WIDTH - 12, 410))
        assert right_margin.getextrema()[0] > 230  # nothing dark was drawn past the text's edge


def test_a_short_name_is_set_large_and_whole() -> None:
    drawn = product_card(ProductCard("Chè Shan tuyết Tả Lèng", 4, True, "OCOP 4 sao", FRAME))
    [box] = drawn.boxes["name"]
    assert box[3] - box[1] > 60  # one line, at the largest size


def test_site_card_in_both_languages() -> None:
    for tagline in ("Danh mục sản phẩm OCOP được chứng nhận", "The catalogue of certified OCOP products"):
        drawn = site_card(SiteCard(tagline, replace(FRAME, demo=None)))
        assert "demo" not in drawn.boxes and drawn.boxes["name"] and drawn.boxes["tagline"]
        assert all(inside(b, (0, 0, WIDTH, HEIGHT)) for boxes in drawn.boxes.values() for b in boxes)


def test_wrap_cuts_long_words_and_fit_ends_with_an_ellipsis() -> None:
    face = card_font("bold", 40)
    lines, complete = wrap("a " + "m" * 30, face, 300, 10)
    assert complete and lines[0] == "a" and len(lines) > 2 and "".join(lines[1:]) == "m" * 30
    assert all(face.getlength(line) <= 300 for line in lines)
    lines, complete = wrap("m" * 200, face, 300, 2)
    assert not complete and len(lines) == 2
    fitted = fit("m" * 200, "bold", (300, 200), (40, 20), 2)
    assert fitted.size == 20 and len(fitted.lines) == 2 and fitted.lines[-1].endswith(ELLIPSIS)
    assert all(fitted.font.getlength(line) <= 300 for line in fitted.lines)
    assert fit("Chè", "bold", (300, 200), (40, 20), 2).size == 40
