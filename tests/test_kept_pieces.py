"""Print pieces kept between builds: a printed catalogue or a label sheet made with entries, pages
and font subsets put back from an earlier build is byte for byte the one drawn whole, after any
edit; only what changed is drawn again; what cannot be put back the same is drawn."""

from __future__ import annotations

import os
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from catalogue.label_sheet import LabelSheet
from catalogue.makers.qr import encode
from catalogue.printing.catalogue_pdf import CatalogueEntry, catalogue_pdf
from catalogue.printing.kept_pieces import KeptPieces, prune
from catalogue.printing.labels import label_sheet_pdf
from catalogue.status import CertificateStatus
from catalogue.vocab import Group

from .test_catalogue_print import COVER, HONEY_PHOTO, entry
from .test_printing import demo_items

TEA_PHOTO = HONEY_PHOTO.parent.parent / "bot-thao-qua-thu-lum" / "1.jpg"
HOSTILE = "Mật ong (rừng) \\ {nb} </script><b>"


def entries() -> list[CatalogueEntry]:
    """Seven entries in two groups: photos, translations, trade facts, a long summary, hostile text."""
    photo = replace(entry("a").item, photo=HONEY_PHOTO)
    made = [
        replace(entry("a"), item=photo),
        entry("b", name="Chè Shan tuyết Tả Giàng Phìn", summaries={"en": "Wild tea from old trees."}),
        entry("c", name=HOSTILE, summary="Rất dài. " * 60),
        replace(entry("d", Group.BEVERAGES), item=replace(entry("d").item, photo=TEA_PHOTO, names={"en": "Wild honey"})),
        entry("e", Group.BEVERAGES, trade={"vi": (("Giá sỉ", "120.000 ₫/kg"),), "en": (("Wholesale", "120,000 ₫/kg"),)}),
        entry("f", Group.BEVERAGES, producers={"en": "Pa U Bee Cooperative"}),
        entry("g", Group.BEVERAGES),
    ]
    return made


def renamed(made: list[CatalogueEntry], index: int, name: str) -> list[CatalogueEntry]:
    changed = list(made)
    changed[index] = replace(changed[index], item=replace(changed[index].item, name=name))
    return changed


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_edited_part_puts_back_every_other_entry_and_is_the_part_drawn_whole(tmp_path: Path, lang: str) -> None:
    made = entries()
    first = KeptPieces(tmp_path, salt="test")
    assert catalogue_pdf(made, COVER, lang, first) == catalogue_pdf(made, COVER, lang)
    assert (first.drawn, first.put_back) == (7, 0)
    edited = renamed(made, 4, "Rượu ngô men lá San Thàng")
    again = KeptPieces(tmp_path, salt="test")
    assert catalogue_pdf(edited, COVER, lang, again) == catalogue_pdf(edited, COVER, lang)
    assert (again.drawn, again.put_back) == (1, 6)


def test_an_entry_whose_code_changed_is_drawn_again(tmp_path: Path) -> None:
    made = entries()
    made[2] = replace(made[2], qr=encode(made[2].item.url))
    catalogue_pdf(made, COVER, "vi", KeptPieces(tmp_path))
    made[2] = replace(made[2], qr=encode(made[2].item.url + "?from=label"))
    kept = KeptPieces(tmp_path)
    assert catalogue_pdf(made, COVER, "vi", kept) == catalogue_pdf(made, COVER, "vi")
    assert (kept.drawn, kept.put_back) == (1, 6)


def test_the_next_day_draws_again_only_the_entries_whose_status_counts_the_days(tmp_path: Path) -> None:
    made = entries()
    made[3] = replace(made[3], item=replace(made[3].item, status=CertificateStatus.EXPIRING))  # 'Sắp hết hạn (… ngày nữa)'
    catalogue_pdf(made, COVER, "vi", KeptPieces(tmp_path))
    tomorrow = replace(COVER, data_date=COVER.data_date + timedelta(days=1))
    kept = KeptPieces(tmp_path)
    assert catalogue_pdf(made, tomorrow, "vi", kept) == catalogue_pdf(made, tomorrow, "vi")
    assert (kept.drawn, kept.put_back) == (1, 6)


def test_another_salt_puts_nothing_back(tmp_path: Path) -> None:
    made = entries()
    catalogue_pdf(made, COVER, "vi", KeptPieces(tmp_path, salt=("catalogue-pdf", 1)))
    other = KeptPieces(tmp_path, salt=("catalogue-pdf", 2))
    assert catalogue_pdf(made, COVER, "vi", other) == catalogue_pdf(made, COVER, "vi")
    assert (other.drawn, other.put_back) == (7, 0)


def test_letters_past_the_first_numbered_are_put_back_only_where_numbered_the_same(tmp_path: Path) -> None:
    # 'ñ' and 'ß' are not among the letters every document numbers first: the contents page (drawn
    # before the entries) numbered them, so every entry was drawn with them numbered, and none can
    # be put back once the name that has them loses them.
    made = renamed(entries(), 1, "Señor Straße")
    assert catalogue_pdf(made, COVER, "vi", KeptPieces(tmp_path)) == catalogue_pdf(made, COVER, "vi")
    later = KeptPieces(tmp_path)
    edited = renamed(made, 5, "Miến dong Bình Lư")
    assert catalogue_pdf(edited, COVER, "vi", later) == catalogue_pdf(edited, COVER, "vi")
    assert (later.drawn, later.put_back) == (1, 6)
    plain = KeptPieces(tmp_path)
    without = renamed(made, 1, "Chè Shan tuyết")
    assert catalogue_pdf(without, COVER, "vi", plain) == catalogue_pdf(without, COVER, "vi")
    assert (plain.drawn, plain.put_back) == (7, 0)


def test_a_photo_removed_before_an_entry_draws_it_again_with_its_photo_numbered_anew(tmp_path: Path) -> None:
    made = entries()
    catalogue_pdf(made, COVER, "en", KeptPieces(tmp_path))
    edited = list(made)
    edited[0] = replace(made[0], item=replace(made[0].item, photo=None))
    kept = KeptPieces(tmp_path)
    assert catalogue_pdf(edited, COVER, "en", kept) == catalogue_pdf(edited, COVER, "en")
    assert kept.drawn == 2  # the entry edited, and the one whose photo is now the document's first


def test_pieces_and_font_subsets_that_cannot_be_read_are_made_again(tmp_path: Path) -> None:
    made = entries()
    catalogue_pdf(made, COVER, "vi", KeptPieces(tmp_path))
    broken = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert {path.relative_to(tmp_path).parts[0] for path in broken} == {"pieces", "fonts"}
    for path in broken:
        path.write_bytes(b"not a piece")
    kept = KeptPieces(tmp_path)
    assert catalogue_pdf(made, COVER, "vi", kept) == catalogue_pdf(made, COVER, "vi")
    assert (kept.drawn, kept.put_back) == (7, 0)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_edited_label_sheet_puts_back_its_other_pages(tmp_path: Path, lang: str) -> None:
    sheet = LabelSheet.from_preset("L7160")
    items = [replace(item, photo=None) for item in demo_items()[:60]]
    assert label_sheet_pdf(items, sheet, lang, None, KeptPieces(tmp_path)) == label_sheet_pdf(items, sheet, lang)
    edited = list(items)
    edited[30] = replace(items[30], name=HOSTILE)
    kept = KeptPieces(tmp_path)
    assert label_sheet_pdf(edited, sheet, lang, None, kept) == label_sheet_pdf(edited, sheet, lang)
    assert (kept.drawn, kept.put_back) == (1, 2)  # 21 labels a page: the 31st is on the second


def test_prune_deletes_what_no_build_used_for_a_week_once_a_day(tmp_path: Path) -> None:
    made = entries()
    catalogue_pdf(made, COVER, "vi", KeptPieces(tmp_path))
    files = sorted(path for path in tmp_path.rglob("*") if path.is_file())
    old, recent = files[:3], files[3:]
    week_ago = time.time() - 8 * 86_400
    for path in old:
        os.utime(path, (week_ago, week_ago))
    assert prune(tmp_path) == 3
    assert sorted(path for path in tmp_path.rglob("*") if path.is_file() and path.name != ".pruned") == recent
    for path in recent:
        os.utime(path, (week_ago, week_ago))
    assert prune(tmp_path) == 0  # pruned less than a day ago
    assert prune(tmp_path, now=time.time() + 86_401) == len(recent)


def test_a_piece_put_back_is_kept_from_pruning(tmp_path: Path) -> None:
    made = entries()
    catalogue_pdf(made, COVER, "vi", KeptPieces(tmp_path))
    week_ago = time.time() - 8 * 86_400
    for path in tmp_path.rglob("*"):
        if path.is_file():
            os.utime(path, (week_ago, week_ago))
    catalogue_pdf(made, COVER, "vi", KeptPieces(tmp_path))  # puts every piece back, and touches it
    assert prune(tmp_path) == 0
