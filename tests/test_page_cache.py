"""Product pages taken from an earlier build's store (catalogue/pages/page_cache.py) are the bytes a
build from nothing makes, and only the pages an edit touches are made again.

A copy of the demo is built with `reuse` (as `build_site.py` builds), then edited in rounds; after
each round it is built again on top of its site, with the store, and once more from nothing into a
new folder without it, and the two sites must hold the same files with the same bytes. The store's
keys show which pages were made again: those of the edited products, of their producers' other
products and of their producers (which list them), in every language; and which listing cards:
only those of the edited products. MkDocs' output is kept too (catalogue/render/renders.py): an edit of a product or a
producer does not change what MkDocs reads, so the rebuilds take it; a changed setting does. And
so are the products' rows of the data files (catalogue/pages/row_memo.py): only the edited
products' rows are made again.
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import re
import sqlite3
from pathlib import Path

import pytest

import catalogue.pages.page_cache as page_cache
from catalogue.jobs.cache import DEFAULT_CACHE, MediaCache
from catalogue.messages import msg
from catalogue.sitebuild import BuildError, build_site

from .conftest import REPO
from .demo_copy import copy_demo
from .site_fixture import TODAY

LANGUAGES = ["vi", "en", "zh"]  # the demo's (catalogue.yaml)
PRODUCER = "htx-det-ban-hon"
PRODUCTS = ["du-lich-cong-dong-ban-hon", "khan-tho-cam-lu-ban-hon", "vai-cham-cham-ban-hon"]  # all of its products
PHOTO = "images/vai-cham-cham-ban-hon/2.jpg"
ALONE = "ruou-pusilung"  # the only product of its producer
ALONE_PRODUCER = "hkd-dao-van-hon"


def build(root: Path, site: Path, cache: MediaCache | None) -> None:
    """Build the catalogue at `root` into `site`: with the stores beside `cache` (`reuse`), or
    from nothing when `cache` is None."""
    with open(os.devnull, "w") as quiet:
        report, summary = build_site(
            root / "products", root / "producers", site, root / "catalogue.yaml", today=TODAY, cache=cache, stream=quiet, reuse=bool(cache)
        )
    assert summary is not None, report.to_text()
    assert not summary.unchanged


def files(site: Path) -> dict[str, bytes]:
    """Every file of `site` with its bytes, by its path in the site."""
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def keys(store: Path) -> dict[tuple[str, str], str]:
    """The stored pages' keys by language and entry (a product's id, or a producer's: `producer_page`)."""
    found = {}
    for lang in LANGUAGES:
        with sqlite3.connect(store / f"pages-{lang}.sqlite") as database:
            found |= {(lang, pid): key for pid, key in database.execute("SELECT id, key FROM pages")}
    return found


def card_keys(store: Path) -> dict[tuple[str, str, str], str]:
    """The stored cards' keys by language, product and variant."""
    found = {}
    for lang in LANGUAGES:
        with sqlite3.connect(store / f"pages-{lang}.sqlite") as database:
            found |= {(lang, pid, variant): key for pid, variant, key in database.execute("SELECT id, variant, key FROM cards")}
    return found


def row_keys(store: Path) -> dict[tuple[str, str, str], str]:
    """The kept rows' keys by kind, language and product (none when the file is not there or damaged)."""
    try:
        _, rows = pickle.loads((store / "rows.pickle").read_bytes())
    except (OSError, pickle.UnpicklingError):
        return {}
    return {(kind, lang, pid): kept[:KEY] for (kind, lang), rows_of in rows.items() for pid, kept in rows_of.items()}


KEY = 64  # a row is kept as its key (SHA-256, hexadecimal) and its text
ROW_KINDS = {"json", "csv", "re-evaluation", "check", "finder", "search", "kiosk"}
ONCE = {"json", "csv", "re-evaluation"}  # the kinds of rows of one file for every language (kept under the first)


def renders(store: Path) -> dict[str, tuple[str, int]]:
    """Each language's kept MkDocs output (one, named by its key), and when it was written."""
    found = {}
    for lang in LANGUAGES:
        [kept] = store.glob(f"rendered-{lang}-*")
        found[lang] = (kept.name, (kept / "complete").stat().st_mtime_ns)
    return found


def edit(path: Path, pattern: str, replacement: str) -> None:
    """Replace the one line of `path` that matches `pattern`."""
    text, count = re.subn(pattern, replacement, path.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE)
    assert count == 1, (path, pattern)
    path.write_text(text, encoding="utf-8")


class Catalogue:
    """The demo copy, its site built with the stores, and the store's keys after each build."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.root = copy_demo(folder / "demo")
        self.site = folder / "site"
        # The project's media cache under another folder, so that the stores beside it are this test's own.
        (folder / "cache").mkdir()
        (folder / "cache" / "media").symlink_to((REPO / DEFAULT_CACHE).resolve(), target_is_directory=True)
        self.cache = MediaCache(folder / "cache" / "media")
        self.store = folder / "cache" / "pages"
        self.rounds = 0
        self.remade_cards: set[tuple[str, str]] = set()  # the products whose cards the last rebuild made, by language
        self.rendered: set[str] = set()  # the languages that MkDocs rendered in the last rebuild
        self.remade_rows: set[tuple[str, str, str]] = set()  # the rows of the data files the last rebuild made, by kind, language, product

    def rebuild(self, damaged: str = "", locked: str = "") -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
        """Build on top of the site with the stores (the `damaged` store file overwritten first,
        the `locked` one held by another connection meanwhile), and from nothing beside it; assert
        that both sites are the same bytes, and return the store's keys before and after."""
        before, cards_before, renders_before = keys(self.store), card_keys(self.store), renders(self.store)
        rows_before = row_keys(self.store)
        if damaged:
            (self.store / damaged).write_bytes(b"not a database")
        with (
            contextlib.closing(sqlite3.connect(self.store / locked, isolation_level=None)) if locked else contextlib.nullcontext() as other
        ):
            if other:
                other.execute("BEGIN EXCLUSIVE")  # as another build writing its pages
            build(self.root, self.site, self.cache)
        self.rounds += 1
        scratch = self.folder / f"scratch-{self.rounds}"
        build(self.root, scratch, None)
        made, expected = files(self.site), files(scratch)
        assert made.keys() == expected.keys()
        assert [path for path in made if made[path] != expected[path]] == []
        self.rendered = {lang for lang, kept in renders(self.store).items() if renders_before.get(lang) != kept}
        self.remade_cards = {
            (lang, pid) for (lang, pid, variant), key in card_keys(self.store).items() if cards_before.get((lang, pid, variant)) != key
        }
        self.remade_rows = {row for row, key in row_keys(self.store).items() if rows_before.get(row) != key}
        return before, keys(self.store)


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    """The demo copy, built once with the stores."""
    catalogue = Catalogue(tmp_path_factory.mktemp("page-cache"))
    build(catalogue.root, catalogue.site, catalogue.cache)
    stored = {pid for _, pid in keys(catalogue.store)}
    assert stored == {path.stem for path in (catalogue.root / "products").glob("*.yaml")} | {
        producer_page(path.stem) for path in (catalogue.root / "producers").glob("*.yaml")
    }
    assert {(lang, pid) for lang, pid, _ in card_keys(catalogue.store)} >= pages_of(*PRODUCTS, ALONE)
    assert {(kind, lang) for kind, lang, _ in row_keys(catalogue.store)} == {(kind, "vi") for kind in ONCE} | {
        (kind, lang) for kind in ROW_KINDS - ONCE for lang in LANGUAGES
    }
    # The dashboard's rows of products are kept as cards are (both are listed there: not inspected, expired).
    assert {(lang, pid, variant) for lang, pid, variant in card_keys(catalogue.store) if variant.startswith("dashboard-")} >= {
        (lang, pid, variant)
        for lang in LANGUAGES
        for pid, variant in ((PRODUCTS[0], "dashboard-not-inspected"), (ALONE, "dashboard-expired"))
    }
    # MkDocs kept the theme's templates compiled beside the stores (here compiled afresh), for the
    # rebuilds, whose sites must be the bytes of a build from nothing.
    assert len(list((catalogue.folder / "cache" / "templates").glob("*.cache"))) > 10
    return catalogue


def remade(before: dict[tuple[str, str], str], after: dict[tuple[str, str], str]) -> set[tuple[str, str]]:
    """The pages whose key changed."""
    return {page for page, key in after.items() if before.get(page) != key}


def pages_of(*products: str) -> set[tuple[str, str]]:
    """The pages of `products` in every language."""
    return {(lang, pid) for lang in LANGUAGES for pid in products}


def producer_page(producer: str) -> str:
    """How the store names a producer's page."""
    return f"producer:{producer}"


def producer_pages_of(*producers: str) -> set[tuple[str, str]]:
    """The pages of `producers` in every language."""
    return pages_of(*map(producer_page, producers))


def test_renaming_a_product_makes_its_producers_pages_again_and_takes_the_rest_from_the_store(catalogue: Catalogue) -> None:
    edit(catalogue.root / "products" / f"{PRODUCTS[0]}.yaml", r"^name: (.*)$", r"name: \1 zqxm")
    edit(catalogue.root / "products" / f"{ALONE}.yaml", r"^name: (.*)$", r"name: \1 zqxn")
    before, after = catalogue.rebuild()
    assert remade(before, after) == pages_of(*PRODUCTS, ALONE) | producer_pages_of(PRODUCER, ALONE_PRODUCER)
    assert catalogue.remade_cards == pages_of(PRODUCTS[0], ALONE)  # a card shows its own product only
    assert {pid for _, _, pid in catalogue.remade_rows} == {PRODUCTS[0], ALONE}  # so does a row of the data files
    assert {kind for kind, _, _ in catalogue.remade_rows} == ROW_KINDS
    assert catalogue.rendered == set()  # the listings' bodies are put in after MkDocs
    assert "zqxm" in (catalogue.site / "p" / PRODUCTS[1] / "index.html").read_text(encoding="utf-8")  # listed by its sibling
    dashboard = (catalogue.site / "dashboard" / "index.html").read_text(encoding="utf-8")
    assert "zqxm" in dashboard and "zqxn" in dashboard  # their rows of the dashboard's lists, made again
    assert "zqxn" in (catalogue.site / "data" / "re-evaluation.csv").read_text(encoding="utf-8-sig")  # expired: on the list


def test_a_deleted_photo_and_a_renamed_producer_make_the_pages_that_show_them_again(catalogue: Catalogue) -> None:
    product = catalogue.root / "products" / f"{PRODUCTS[2]}.yaml"
    product.write_text(
        "".join(line for line in product.read_text(encoding="utf-8").splitlines(True) if PHOTO not in line), encoding="utf-8"
    )
    (catalogue.root / "products" / PHOTO).unlink()
    before, after = catalogue.rebuild()
    assert remade(before, after) == pages_of(*PRODUCTS) | producer_pages_of(PRODUCER)
    assert catalogue.remade_cards == pages_of(PRODUCTS[2])
    edit(catalogue.root / "producers" / f"{PRODUCER}.yaml", r"^name: (.*)$", r"name: \1 zqxp")
    before, after = catalogue.rebuild()
    assert remade(before, after) == pages_of(*PRODUCTS) | producer_pages_of(PRODUCER)
    assert catalogue.remade_cards == pages_of(*PRODUCTS)  # a card names the producer
    assert {pid for _, _, pid in catalogue.remade_rows} == set(PRODUCTS)  # the open data and the search name it too
    assert catalogue.rendered == set()


def test_a_changed_setting_makes_every_page_again_and_a_damaged_store_is_made_afresh(catalogue: Catalogue) -> None:
    edit(catalogue.root / "catalogue.yaml", r'^  phone: "0213 3876 000"$', '  phone: "0213 3876 999"')
    before, after = catalogue.rebuild(damaged="pages-en.sqlite")
    assert remade(before, after) == set(after) == set(before)
    assert {(lang, pid) for lang, pid, _ in card_keys(catalogue.store)} == catalogue.remade_cards
    assert catalogue.rendered == set(LANGUAGES)  # the check page, which the search indexes whole, gives the phone
    assert "0213 3876 999" in (catalogue.site / "en" / "p" / ALONE / "index.html").read_text(encoding="utf-8")


def test_a_store_locked_by_another_build_is_left_aside_and_a_damaged_output_rendered_again(catalogue: Catalogue) -> None:
    edit(catalogue.root / "products" / f"{ALONE}.yaml", r"^name: (.*)$", r"name: \1 zqxr")
    next(next(catalogue.store.glob("rendered-en-*")).joinpath("site", "groups").rglob("index.html")).unlink()
    before, after = catalogue.rebuild(locked="pages-vi.sqlite")
    touched = pages_of(ALONE) | producer_pages_of(ALONE_PRODUCER)
    assert remade(before, after) == {(lang, entry) for lang, entry in touched if lang != "vi"}
    assert catalogue.remade_cards == pages_of(ALONE) - {("vi", ALONE)}
    assert catalogue.rendered == {"en"}
    assert "zqxr" in (catalogue.site / "p" / ALONE / "index.html").read_text(encoding="utf-8")


def test_pages_the_site_holds_are_not_read_from_the_store_and_a_changed_file_is_written_again(catalogue: Catalogue) -> None:
    # A rebuild records the file each product page became on the site (by size, time and inode).
    edit(catalogue.root / "products" / f"{ALONE}.yaml", r"^name: (.*)$", r"name: \1 zqxs")
    catalogue.rebuild()
    untouched, other, changed = "mat-ong-pa-u", "mat-ong-ka-lang", "gao-seng-cu-muong-than"
    # Their producers' pages likewise (each producer has one page).
    producers = {"mat-ong-pa-u": "hkd-vang-van-thien", "mat-ong-ka-lang": "hkd-tran-van-tuyen", "gao-seng-cu-muong-than": PRODUCER}
    # The store's page of `untouched` becomes another product's, and its producer's page another
    # producer's: a rebuild that read them would publish them.
    for lang in LANGUAGES:
        with contextlib.closing(sqlite3.connect(catalogue.store / f"pages-{lang}.sqlite")) as database:
            for one, instead in ((untouched, other), (producer_page(producers[untouched]), producer_page(producers[other]))):
                database.execute("UPDATE pages SET page = (SELECT page FROM pages WHERE id = ?) WHERE id = ?", (instead, one))
            database.commit()
    kept = {
        (lang, folder): catalogue.site / ("" if lang == "vi" else lang) / folder / "index.html"
        for lang in LANGUAGES
        for folder in (f"p/{untouched}", f"producers/{producers[untouched]}")
    }
    kept_before = {page: (path.stat().st_ino, path.stat().st_mtime_ns) for page, path in kept.items()}
    # The published pages of `changed` and of another producer are edited by hand: the rebuild
    # writes them again, from the store; and a page of MkDocs' output (kept: the rebuild takes it),
    # and a QR code copied from the media cache (the census of the site, taken as the build began,
    # sees the change: catalogue/site_census.py).
    tampered = [
        catalogue.site / "en" / "p" / changed / "index.html",
        catalogue.site / "producers" / PRODUCER / "index.html",
        catalogue.site / "en" / "404.html",
        catalogue.site / "qr" / f"{changed}.svg",
    ]
    for path in tampered:
        path.write_bytes(
            path.read_bytes().replace(b"</body>", b"<p>edited by hand</p></body>").replace(b"</svg>", b"<!--edited by hand--></svg>")
        )
    edit(catalogue.root / "products" / f"{ALONE}.yaml", r"^name: (.*)$", r"name: \1 zqxt")
    before, after = catalogue.rebuild()  # and the site is the bytes of a build from nothing
    assert remade(before, after) == pages_of(ALONE) | producer_pages_of(ALONE_PRODUCER)
    assert {page: (path.stat().st_ino, path.stat().st_mtime_ns) for page, path in kept.items()} == kept_before
    assert [b"edited by hand" in path.read_bytes() for path in tampered] == [False, False, False, False]
    assert catalogue.rendered == set()


def test_the_data_files_take_the_rows_kept_for_products_as_they_were_and_make_the_others(catalogue: Catalogue) -> None:
    # The finder's kept row of `untouched` names it otherwise: a rebuild that took it publishes that name.
    untouched, edited = "mat-ong-pa-u", ALONE
    code, rows = pickle.loads((catalogue.store / "rows.pickle").read_bytes())
    kept = rows[("finder", "en")][untouched]
    before, after = kept[KEY:].split("\0")  # the row's parts around its producer's position (row_memo.py)
    fields = json.loads(f"[{before}]")
    fields[1] = "zqx kept row"
    rows[("finder", "en")][untouched] = kept[:KEY] + json.dumps(fields, separators=(",", ":"))[1:-1] + "\0" + after
    (catalogue.store / "rows.pickle").write_bytes(pickle.dumps((code, rows)))
    edit(catalogue.root / "products" / f"{edited}.yaml", r"^name: (.*)$", r"name: \1 zqxv")
    build(catalogue.root, catalogue.site, catalogue.cache)
    finder = (catalogue.site / "data" / "finder-en.js").read_text(encoding="utf-8")
    assert "zqx kept row" in finder and "zqxv" in finder
    # A file of rows that cannot be read is made afresh, and the site is again the bytes of a build from nothing.
    (catalogue.store / "rows.pickle").write_bytes(b"not a pickle")
    edit(catalogue.root / "products" / f"{edited}.yaml", r"^name: (.*)$", r"name: \1 zqxw")
    catalogue.rebuild()
    assert "zqx kept row" not in (catalogue.site / "data" / "finder-en.js").read_text(encoding="utf-8")
    assert {pid for _, _, pid in catalogue.remade_rows} == {p.stem for p in (catalogue.root / "products").glob("*.yaml")}


def gone(path: Path, product_id: str, key: str) -> None:
    """`page_cache.stored_page` once another build has replaced every page (a module function: it is pickled)."""


def test_a_page_gone_from_the_store_during_the_build_fails_it_in_one_line_and_keeps_the_site(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A published page edited by hand must be read from the store again; another build replaced it there meanwhile.
    tampered = catalogue.site / "en" / "p" / "mat-ong-pa-u" / "index.html"
    tampered.write_bytes(tampered.read_bytes().replace(b"</body>", b"<p>edited by hand</p></body>"))
    monkeypatch.setattr(page_cache, "stored_page", gone)
    edit(catalogue.root / "products" / f"{ALONE}.yaml", r"^name: (.*)$", r"name: \1 zqxu")
    before = files(catalogue.site)
    with pytest.raises(BuildError) as error:
        build(catalogue.root, catalogue.site, catalogue.cache)
    assert error.value.args[0] == msg("check.store-changed")
    assert files(catalogue.site) == before
    # As build_site.py words it for the office (catalogue/cli.py), in the reader's language:
    assert msg("check.build-failed", reason=error.value.args[0], folder="site").text("vi") == (
        "kho trang sản phẩm đã dựng (.cache/pages) bị một lần dựng khác thay đổi trong lúc dựng; hãy dựng lại; thư mục site vẫn giữ nguyên"
    )
