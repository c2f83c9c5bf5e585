"""How the printed catalogue is cut into files: whole when it fits, by group, then by commune;
what a part's cover and contents say; and how the home page lists the parts in every language."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import pytest
from bs4 import BeautifulSoup

from catalogue.label_sheet import LabelSheet
from catalogue.media_stage import PrintFile, plan
from catalogue.pages.listings import print_links
from catalogue.places import province
from catalogue.printing import catalogue_parts
from catalogue.printing.catalogue_parts import MAX_ENTRIES, PART_LIMIT, WHOLE, CataloguePart, split_catalogue
from catalogue.printing.catalogue_pdf import catalogue_pdf
from catalogue.urls import Urls
from catalogue.vocab import Group

from .site_fixture import TODAY
from .test_catalogue_pdf import CATALOGUE, in_force
from .test_catalogue_print import COVER, entry, text_of

COMMUNES = list(province().units)  # in the place list's order


@dataclass(frozen=True)
class Stub:
    id: str
    group: Group
    commune: str


def split(products: list[Stub], limit: int) -> list[tuple[CataloguePart, list[str]]]:
    return [(part, [p.id for p in members]) for part, members in split_catalogue(products, lambda p: p.group, lambda p: p.commune, limit)]


def test_the_budget_keeps_a_part_under_twenty_megabytes() -> None:
    assert PART_LIMIT == 20_000_000 and 150 <= MAX_ENTRIES <= 200


def test_a_catalogue_that_fits_stays_one_file_and_an_empty_one_has_none() -> None:
    products = [Stub("a", Group.FOOD, COMMUNES[0]), Stub("b", Group.TOURISM, COMMUNES[1])]
    assert split(products, limit=2) == [(WHOLE, ["a", "b"])]
    assert split([], limit=2) == []
    assert WHOLE.slug is None and WHOLE.label("vi") == "" and Urls.catalogue_pdf("vi", WHOLE.slug) == "print/catalogue-vi.pdf"


def test_a_larger_one_splits_by_group_in_the_order_of_decision_148() -> None:
    products = [Stub("t", Group.TOURISM, COMMUNES[0]), Stub("f1", Group.FOOD, COMMUNES[0]), Stub("f2", Group.FOOD, COMMUNES[1])]
    parts = split(products, limit=2)
    assert parts == [(CataloguePart(Group.FOOD), ["f1", "f2"]), (CataloguePart(Group.TOURISM), ["t"])]
    assert Urls.catalogue_pdf("en", parts[0][0].slug) == "print/catalogue-en-thuc-pham.pdf"
    assert parts[0][0].label("en") == "Food" and parts[0][0].label("zh") == "食品"


def test_a_large_group_splits_by_whole_communes_in_place_order_and_a_huge_commune_is_cut() -> None:
    first, second, third = COMMUNES[:3]
    products = [Stub(f"c{i}", Group.FOOD, third) for i in range(2)]
    products += [Stub(f"a{i}", Group.FOOD, first) for i in range(2)] + [Stub("b0", Group.FOOD, second)]
    products += [Stub(f"h{i}", Group.BEVERAGES, first) for i in range(5)]
    parts = split(products, limit=3)
    assert [(p.group, p.communes, p.number, p.of, ids) for p, ids in parts] == [
        (Group.FOOD, (first, second), 1, 2, ["a0", "a1", "b0"]),  # whole communes, in the place list's order
        (Group.FOOD, (third,), 2, 2, ["c0", "c1"]),
        (Group.BEVERAGES, (first,), 1, 2, ["h0", "h1", "h2"]),  # one commune above the limit: cut in the order given
        (Group.BEVERAGES, (first,), 2, 2, ["h3", "h4"]),
    ]
    assert sorted(i for _, ids in parts for i in ids) == sorted(p.id for p in products)
    assert [p.slug for p, _ in parts] == ["thuc-pham-1", "thuc-pham-2", "do-uong-1", "do-uong-2"]


def test_a_part_is_named_by_its_group_and_communes_in_every_language() -> None:
    units = province().units
    two = CataloguePart(Group.FOOD, tuple(COMMUNES[:2]), 1, 3)
    names = f"{units[COMMUNES[0]].name}, {units[COMMUNES[1]].name}"
    assert two.label("vi") == f"Thực phẩm (1/3): {names}"
    assert two.label("en") == f"Food (1/3): {names}"
    assert two.label("zh") == f"食品（1/3）：{names}"
    many = CataloguePart(Group.FOOD, tuple(COMMUNES[:5]), 2, 3)
    first, last = units[COMMUNES[0]].name, units[COMMUNES[4]].name
    assert many.label("vi") == f"Thực phẩm (2/3): {first} đến {last} (5 xã, phường)"
    assert many.label("en") == f"Food (2/3): {first} to {last} (5 communes and wards)"
    assert many.label("zh") == f"食品（2/3）：{first}至{last}（5个社、坊）"


def test_a_part_says_which_part_it_is_on_its_cover_and_lists_only_its_own_group() -> None:
    part = CataloguePart(Group.FOOD, tuple(COMMUNES[:2]), 1, 2)
    text = text_of(catalogue_pdf([entry("a"), entry("b", name="Gạo Séng Cù")], replace(COVER, part=part.label("vi")), "vi"))
    assert part.label("vi") in text and "Thực phẩm (2)" in text
    assert "Đồ uống" not in text  # the whole catalogue lists every group, the empty ones too
    assert "Đồ uống" in text_of(catalogue_pdf([entry("a")], COVER, "vi"))


def links(catalogue_pdfs: dict[str, list[PrintFile]], lang: str) -> BeautifulSoup:
    return BeautifulSoup(str(print_links(catalogue_pdfs, Urls.of(["vi", "en", "zh"]), lang)), "html.parser")


@pytest.mark.parametrize("lang", ["vi", "en", "zh"])
def test_the_home_page_lists_every_part_with_its_size_in_the_page_language(lang: str) -> None:
    food = [CataloguePart(Group.FOOD, tuple(COMMUNES[:2]), 1, 2), CataloguePart(Group.FOOD, tuple(COMMUNES[2:6]), 2, 2)]
    parts = [*food, CataloguePart(Group.BEVERAGES)]
    files = {
        edition: [PrintFile(Urls.catalogue_pdf(edition, part.slug), 12_300_000 + i, part) for i, part in enumerate(parts)]
        for edition in ("vi", "en")
    }
    page = links(files, lang)
    editions = page.select("ul.ocop-print > li")
    assert [li.span["lang"] for li in editions] == (["en", "vi"] if lang == "en" else ["vi", "en"])
    for li in editions:
        anchors = li.select("ul.ocop-print-parts a")
        assert [a.get_text() for a in anchors] == [part.label(lang) for part in parts]
        assert all(a["hreflang"] == li.span["lang"] and a["type"] == "application/pdf" for a in anchors)
        prefix = "" if lang == "vi" else "../"
        assert [a["href"] for a in anchors] == [prefix + Urls.catalogue_pdf(li.span["lang"], part.slug) for part in parts]
        assert all(re.search(r"\(PDF, 12[,.]3 MB\)", a.parent.get_text()) for a in anchors)
    assert "20 MB" in page.p.get_text()


def test_a_catalogue_in_one_file_keeps_one_link_per_language() -> None:
    page = links({"vi": [PrintFile("print/catalogue-vi.pdf", 2_400_000)]}, "en")
    [anchor] = page.select("ul.ocop-print a")
    assert anchor["href"] == "../print/catalogue-vi.pdf" and anchor["lang"] == "vi" and "2.4 MB" in anchor.parent.get_text()
    assert page.select("ul.ocop-print-parts") == []


def test_the_demo_catalogue_planned_in_small_parts_prints_each_product_once_per_language(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = [job for job in plan(CATALOGUE, TODAY) if job.kind == "catalogue-pdf"]
    monkeypatch.setattr(catalogue_parts, "MAX_ENTRIES", 6)
    jobs = plan(CATALOGUE, TODAY)
    books = [job for job in jobs if job.kind == "catalogue-pdf"]
    assert [job.params.path for job in whole] == ["print/catalogue-vi.pdf", "print/catalogue-en.pdf"]
    assert len(books) > 2 * len(Group) and all(len(job.params.entries) <= 6 for job in books)
    for lang in ("vi", "en"):
        mine = [job for job in books if job.params.lang == lang]
        printed = [planned.entry.item.id for job in mine for planned in job.params.entries]
        assert sorted(printed) == sorted(in_force())  # each product in force in exactly one part
        assert len({job.params.path for job in mine}) == len(mine)
        for job in mine:
            part = job.params.part
            assert job.params.path == Urls.catalogue_pdf(lang, part.slug) and job.params.cover.part == part.label(lang)
            assert {planned.entry.group for planned in job.params.entries} == {part.group}
            communes = {CATALOGUE.producer_of(CATALOGUE.products[p.entry.item.id]).commune for p in job.params.entries}
            assert part.of == 1 or communes <= set(part.communes)
            # A part waits only for the photos and codes of its own products.
            assert set(job.needs) == {key for p in job.params.entries for key in (p.photo_key, p.qr_key) if key}


def test_the_label_sheets_follow_the_parts_so_an_edit_makes_one_part_again(monkeypatch: pytest.MonkeyPatch) -> None:
    [whole] = [job for job in plan(CATALOGUE, TODAY) if job.kind == "labels"]
    assert whole.params.part == WHOLE
    assert set(whole.params.run({})[0]) == {"print/labels-vi.pdf", "print/labels-en.pdf"}
    monkeypatch.setattr(catalogue_parts, "MAX_ENTRIES", 6)
    jobs = plan(CATALOGUE, TODAY)
    sheets = [job for job in jobs if job.kind == "labels"]
    books = [job for job in jobs if job.kind == "catalogue-pdf" and job.params.lang == "vi"]
    assert [job.params.part for job in sheets] == [job.params.part for job in books]
    assert sorted(item.id for job in sheets for item in job.params.items) == sorted(in_force())  # each label once
    assert len({job.key for job in sheets}) == len(sheets)
    for job in sheets:
        assert set(job.needs) == set(job.params.qr_keys) and len(job.params.qr_keys) == len(job.params.items)
    files, meta = sheets[1].params.run({})  # codes not made by their jobs are encoded by the sheet
    slug = sheets[1].params.part.slug
    assert sorted(files) == [f"print/labels-en-{slug}.pdf", f"print/labels-vi-{slug}.pdf"]
    assert meta == {"labels": len(sheets[1].params.items)}
    # Another name for one product changes the key of its part's sheets only.
    product = sheets[1].params.items[0].id
    renamed = CATALOGUE.products[product].model_copy(update={"name": "Tên khác"})
    monkeypatch.setitem(CATALOGUE.products, product, renamed)
    again = [job for job in plan(CATALOGUE, TODAY) if job.kind == "labels"]
    assert [a.key == b.key for a, b in zip(sheets, again, strict=True)] == [index != 1 for index in range(len(sheets))]


def test_the_calibration_page_is_a_job_of_its_own_that_only_the_sheet_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    [calibration] = [job for job in plan(CATALOGUE, TODAY) if job.kind == "calibration"]
    assert set(calibration.params.run({})[0]) == {"print/labels-calibration.pdf"} and not calibration.needs
    monkeypatch.setattr(catalogue_parts, "MAX_ENTRIES", 6)
    product = next(iter(in_force()))
    renamed = CATALOGUE.products[product].model_copy(update={"name": "Tên khác"})
    monkeypatch.setitem(CATALOGUE.products, product, renamed)
    assert [job.key for job in plan(CATALOGUE, TODAY) if job.kind == "calibration"] == [calibration.key]
    other = CATALOGUE.settings.model_copy(update={"labels": LabelSheet.from_preset("L7651")})
    monkeypatch.setattr(CATALOGUE, "settings", other)
    assert [job.key for job in plan(CATALOGUE, TODAY) if job.kind == "calibration"] != [calibration.key]
