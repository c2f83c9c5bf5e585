"""Media of the whole demo catalogue: every QR decodes, the cache makes a second run do nothing,
and a damaged photo is a problem naming its product file and line."""

from __future__ import annotations

import errno
import io
import os
import shutil
import time
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

import catalogue.jobs.cache as media_cache
from catalogue.jobs.cache import MediaCache, sync_entries
from catalogue.makers.qr import product_codes
from catalogue.media_stage import build_media
from catalogue.status import CertificateStatus
from catalogue.validate import validate

from .conftest import REPO, make_base_catalogue
from .qr_decode import decode, pdf_pages, svg_to_image

TODAY = date(2026, 11, 28)


def snapshot(folder: Path) -> dict[str, tuple[int, int, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    """The demo catalogue's media built cold into a fresh cache, then built again unchanged."""
    catalogue, report = validate(REPO / "products", REPO / "producers", today=TODAY)
    assert report.ok
    root = tmp_path_factory.mktemp("media")
    cache, out = MediaCache(root / "cache"), root / "out"
    devnull = open(os.devnull, "w")  # noqa: SIM115
    started = time.perf_counter()
    cold = build_media(catalogue, out, cache, TODAY, stream=devnull)
    cold_seconds = time.perf_counter() - started
    before = snapshot(out), snapshot(root / "cache")
    started = time.perf_counter()
    warm = build_media(catalogue, out, cache, TODAY, stream=devnull)
    warm_seconds = time.perf_counter() - started
    after = snapshot(out), snapshot(root / "cache")
    return catalogue, out, cold, warm, (cold_seconds, warm_seconds), (before, after)


def test_every_qr_png_and_svg_decodes_to_its_url(demo_media) -> None:
    catalogue, out, cold, *_ = demo_media
    assert cold.report.problems == []
    checked = 0
    for pid, product in catalogue.products.items():
        for stem, url in product_codes(catalogue.settings.site_url, product).items():
            files = cold.products[pid].qr[stem]
            [from_png] = decode(Image.open(out / files["png"]))
            [from_svg] = decode(svg_to_image((out / files["svg"]).read_text(encoding="utf-8")))
            [from_pdf] = decode(pdf_pages((out / files["pdf"]).read_bytes())[0])
            assert from_png.text == from_svg.text == from_pdf.text == url
            checked += 1
    assert checked == len(catalogue.products) + sum(1 for p in catalogue.products.values() if p.gtin)


def test_label_sheets_decode_at_300_dpi(demo_media) -> None:
    catalogue, out, *_ = demo_media
    in_force = {
        product_codes(catalogue.settings.site_url, p)[p.id]
        for p in catalogue.listed_products(TODAY)
        if catalogue.status(p, TODAY) in (CertificateStatus.VALID, CertificateStatus.EXPIRING)
    }
    for lang in ("vi", "en"):
        found = [code.text for page in pdf_pages((out / f"print/labels-{lang}.pdf").read_bytes(), 300) for code in decode(page)]
        assert sorted(found) == sorted(in_force)


def test_posters_only_for_products_in_force(demo_media) -> None:
    catalogue, out, cold, *_ = demo_media
    for pid, product in catalogue.products.items():
        live = catalogue.listed(product, TODAY) and catalogue.status(product, TODAY) in (
            CertificateStatus.VALID,
            CertificateStatus.EXPIRING,
        )
        assert (cold.products[pid].poster is not None) is live
        assert (out / "print" / "posters" / f"{pid}.pdf").exists() is live


def test_photo_variants_and_previews(demo_media) -> None:
    catalogue, out, cold, *_ = demo_media
    for pid, product in catalogue.products.items():
        photos = cold.products[pid].photos
        assert len(photos) == len(product.images)
        assert photos[0].og is not None and all(p.og is None for p in photos[1:])
        assert Image.open(out / photos[0].og).size == (1200, 630)
        for photo in photos:
            for variant in photo.variants:
                with Image.open(out / variant.webp) as webp, Image.open(out / variant.jpeg) as jpeg:
                    assert webp.size == jpeg.size == (variant.width, variant.height)
                    assert not webp.getexif() and not jpeg.getexif()


def test_badges_are_written(demo_media) -> None:
    _, out, *_ = demo_media
    assert 'aria-label="OCOP 4 sao"' in (out / "badges" / "ocop-4-valid-vi.svg").read_text(encoding="utf-8")
    assert len(list((out / "badges").glob("*.svg"))) == 3 * 3 * 3  # stars, statuses and the demo's three languages


def test_second_run_writes_nothing_and_is_ten_times_faster(demo_media) -> None:
    _, _, cold, warm, (cold_seconds, warm_seconds), (before, after) = demo_media
    assert cold.stats.made == cold.stats.jobs > 0
    assert (warm.stats.made, warm.stats.written, warm.stats.reused) == (0, 0, cold.stats.jobs)
    assert before == after  # neither the output nor the cache changed
    assert warm_seconds * 10 <= cold_seconds


def test_damaged_photo_is_a_problem_with_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_base_catalogue(tmp_path / "cat")
    monkeypatch.chdir(root)
    image = root / "products" / "images" / "base.jpg"
    buffer = io.BytesIO()
    Image.effect_noise((400, 300), 50).convert("RGB").save(buffer, "JPEG", quality=90)
    image.write_bytes(buffer.getvalue()[:3000])
    catalogue, report = validate(Path("products"), Path("producers"), today=TODAY)
    result = build_media(catalogue, tmp_path / "out", MediaCache(tmp_path / "cache"), TODAY, workers=1)
    # The header is readable: only decoding finds the damage, and --check decodes as the build does.
    for [problem] in (report.problems, result.report.problems):
        assert (problem.file, problem.line, problem.code) == ("products/base-product.yaml", 25, "image-truncated")
        assert "images[1].src: 'images/base.jpg' is damaged or incomplete" in problem.text("en")
    assert result.products["base-product"].photos == []
    shutil.rmtree(tmp_path / "cache")


def test_label_sheet_too_small_for_a_code_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_base_catalogue(tmp_path / "cat")
    monkeypatch.chdir(root)
    long_id = "tra-shan-tuyet-co-thu-si-thau-chai-nam-2025"[:40]
    product = (root / "products" / "base-product.yaml").read_text(encoding="utf-8").replace("id: base-product", f"id: {long_id}")
    (root / "products" / "base-product.yaml").unlink()
    (root / "products" / f"{long_id}.yaml").write_text(product, encoding="utf-8")
    (root / "catalogue.yaml").write_text("demo: true\nsite_url: https://ocop-laichau.example/\nlabels: {preset: L7651}\n", encoding="utf-8")
    catalogue, report = validate(Path("products"), Path("producers"), today=TODAY)
    assert report.ok
    result = build_media(catalogue, tmp_path / "out", MediaCache(tmp_path / "cache"), TODAY, workers=1)
    [problem] = result.report.problems
    assert (problem.file, problem.code) == ("catalogue.yaml", "print-layout")
    assert "L7651" in problem.text("en")


def test_a_new_version_of_a_library_that_makes_bytes_makes_every_job_again(base_catalogue: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache key of every job names the versions of Pillow, qrcode, fpdf2 and the font package:
    two machines with different versions never share an output."""
    import importlib.metadata

    from catalogue.jobs import cache
    from catalogue.media_stage import plan

    assert cache.library_versions() == {name: importlib.metadata.version(name) for name in cache.BYTE_MAKERS}
    catalogue, report = validate(base_catalogue / "products", base_catalogue / "producers")
    assert report.ok
    before = {job.key for job in plan(catalogue, date(2026, 1, 1))}
    assert {job.key for job in plan(catalogue, date(2026, 1, 1))} == before  # the key is stable
    for name in cache.BYTE_MAKERS:
        bumped = {**cache.library_versions(), name: "999.0"}
        monkeypatch.setattr(cache, "library_versions", lambda bumped=bumped: bumped)
        assert not {job.key for job in plan(catalogue, date(2026, 1, 1))} & before, name
        monkeypatch.undo()


def test_a_build_reads_the_records_an_earlier_one_found_and_checks_each_is_still_there(tmp_path: Path) -> None:
    cache = MediaCache(tmp_path / "media")
    made = cache.put("ab" + "0" * 62, {"x.svg": b"<svg/>"}, {"version": 3})
    assert cache.get("cd" + "0" * 62) is None
    cache.remember()
    assert (tmp_path / "media-index.pickle").is_file()
    # The next build takes the record from what was remembered, not from the entry's folder...
    (made.folder / "meta.json").write_text('{"files": ["other"], "meta": {}}', encoding="utf-8")
    later = MediaCache(tmp_path / "media")
    assert later.get("ab" + "0" * 62) == made
    # ...once the entry's folder is seen to be there (an entry's folder appears whole: `put`): a
    # removed entry is made again.
    shutil.move(made.folder, tmp_path / "aside")
    assert MediaCache(tmp_path / "media").get("ab" + "0" * 62) is None
    shutil.move(tmp_path / "aside", made.folder)
    # A damaged index is read past: the entries' own records are read.
    (made.folder / "meta.json").write_text('{"files": ["x.svg"], "meta": {"version": 4}}', encoding="utf-8")
    (tmp_path / "media-index.pickle").write_bytes(b"not a pickle")
    found = MediaCache(tmp_path / "media").get("ab" + "0" * 62)
    assert found is not None and found.meta == {"version": 4}


def test_a_photo_is_hashed_again_only_when_its_file_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from catalogue.jobs import cache as cache_module

    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"first photo")
    read: list[Path] = []
    real = cache_module.file_digest
    monkeypatch.setattr(cache_module, "file_digest", lambda path: read.append(path) or real(path))
    cache = MediaCache(tmp_path / "media")
    first = cache.digest(photo)
    assert first == real(photo)
    cache.remember()
    assert MediaCache(tmp_path / "media").digest(photo) == first
    assert read == [photo]  # the second build took the remembered hash
    photo.write_bytes(b"second photo, edited")
    assert MediaCache(tmp_path / "media").digest(photo) == real(photo) != first
    assert read == [photo, photo]


@pytest.mark.parametrize("kernel", ["copies", "absent", "refuses half way"])
def test_a_cached_file_is_copied_whole_with_its_time_however_the_kernel_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kernel: str
) -> None:
    source, target = tmp_path / "cached.png", tmp_path / "site" / "copy.png"
    data = os.urandom(3 * (1 << 20) + 17)  # more than one chunk of either copy
    source.write_bytes(data)
    os.utime(source, ns=(1_700_000_000_000_000_000, 1_700_000_000_123_456_789))
    target.parent.mkdir()
    if kernel == "absent":  # Windows and macOS have no copy_file_range
        monkeypatch.setattr(media_cache, "_COPY_RANGE", None)
    if kernel == "refuses half way":  # as across file systems on an older kernel
        real = os.copy_file_range
        calls = []

        def half_then_refuse(src: int, dst: int, count: int) -> int:
            calls.append(count)
            if len(calls) == 1:
                return real(src, dst, min(count, 1 << 20))
            raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))

        monkeypatch.setattr(os, "copy_file_range", half_then_refuse)
    assert media_cache.copy_new(source, target)
    assert target.read_bytes() == data
    assert target.stat().st_mtime_ns == 1_700_000_000_123_456_789
    if kernel == "refuses half way":
        assert len(calls) == 2


def test_the_statuses_of_an_entrys_files_are_asked_once_and_the_previous_sites_copies_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cached file is never written again, so its size and time are asked of it once, when a
    build first puts it in a site, and remembered: the next build compares the previous site's copy
    with them. An entry made again is asked again."""
    from catalogue.incremental import Kept
    from catalogue.jobs import cache as cache_module

    key = "ab" + "0" * 62
    made = MediaCache(tmp_path / "media")
    made.put(key, {"qr/a.svg": b"<svg/>", "qr/b.svg": b"<svg></svg>"}, {"version": 1})
    made.remember()
    site, staging = tmp_path / "site", tmp_path / "staging"
    assert sync_entries([MediaCache(tmp_path / "media").get(key)], site) == 2  # type: ignore[list-item]  # the first site

    asked: list[str] = []
    real_stat = os.stat
    monkeypatch.setattr(cache_module.os, "stat", lambda path, *a, **k: asked.append(os.fspath(path)) or real_stat(path, *a, **k))
    first = MediaCache(tmp_path / "media")
    entry = first.get(key)
    assert entry is not None
    kept = Kept(site)
    assert sync_entries([entry], staging, kept, fresh=True, statuses=first.statuses) == 0
    assert kept.paths == {"qr/a.svg", "qr/b.svg"}
    first.remember()
    cached = [path for path in asked if path.startswith(os.fspath(tmp_path / "media"))]
    assert sorted(cached) == sorted(os.fspath(entry.folder / name) for name in entry.files)

    asked.clear()
    second = MediaCache(tmp_path / "media")
    entry = second.get(key)
    assert entry is not None
    (site / "qr" / "b.svg").write_bytes(b"<svg>edited by hand</svg>")  # another size: copied again
    kept = Kept(site)
    assert sync_entries([entry], tmp_path / "staging-2", kept, fresh=True, statuses=second.statuses) == 1
    assert kept.paths == {"qr/a.svg"}
    assert (tmp_path / "staging-2" / "qr" / "b.svg").read_bytes() == b"<svg></svg>"
    assert [path for path in asked if path.startswith(os.fspath(tmp_path / "media"))] == []

    # An entry made again (another build's, say) has new files: their statuses are asked again.
    second.put(key, {"qr/a.svg": b"<svg>new</svg>", "qr/b.svg": b"<svg></svg>"}, {"version": 1})
    entry = second.get(key)
    assert entry is not None
    asked.clear()
    assert sync_entries([entry], tmp_path / "staging-3", Kept(site), fresh=True, statuses=second.statuses) == 2
    assert sorted(path for path in asked if path.startswith(os.fspath(tmp_path / "media"))) == sorted(
        os.fspath(entry.folder / name) for name in entry.files
    )
