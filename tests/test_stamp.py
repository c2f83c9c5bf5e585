"""The build stamp (catalogue/stamp.py): a build with nothing changed stops before it starts and
leaves the site as it was; any change to what the build reads (a product, a producer, the settings,
a photo, the day, the options, the code) or to the site folder itself makes it build again.

One small catalogue (two products, two languages) is built once with the stamp; each change is then
made, checked against the stamp and undone, and one change is built for real."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from catalogue import image_files
from catalogue import stamp as stamp_module
from catalogue import validate as validate_module
from catalogue.cli import main
from catalogue.jobs.cache import MediaCache
from catalogue.load import yaml_files
from catalogue.record_cache import RecordCache
from catalogue.sitebuild import build_site
from catalogue.stamp import Inputs, StampStore, code_digest, input_key
from catalogue.status import today_in
from catalogue.validate import validate

from .base_site import TODAY, make_two_product_catalogue


def _build() -> tuple[object, object]:
    with open(os.devnull, "w") as quiet:
        return build_site(
            Path("products"),
            Path("producers"),
            Path("site"),
            today=TODAY,
            cache=MediaCache(Path(".cache") / "media"),
            stream=quiet,
            reuse=True,
        )


@pytest.fixture(scope="module")
def stamped(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A catalogue built once with the stamp; the working directory while its tests run."""
    root = make_two_product_catalogue(tmp_path_factory.mktemp("stamp") / "cat")
    before = Path.cwd()
    os.chdir(root)
    try:
        report, summary = _build()
        assert summary is not None and not summary.unchanged, report.to_text()  # type: ignore[attr-defined]
        yield root
    finally:
        os.chdir(before)


def inputs(today: date = TODAY, **options: object) -> Inputs:
    return replace(Inputs(Path("products"), Path("producers"), Path("catalogue.yaml"), Path("site"), today), **options)  # type: ignore[arg-type]


def skips(given: Inputs | None = None) -> bool:
    """Whether the stamp would let a build with `given` (the fixture's inputs) stop at once."""
    given = given or inputs()
    return StampStore(Path(".cache") / "build-stamps").unchanged(given, input_key(given)) is not None


def files(site: Path) -> dict[str, tuple[bytes, int, int]]:
    return {p.relative_to(site).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino) for p in site.rglob("*") if p.is_file()}


def test_a_build_with_nothing_changed_leaves_the_site_as_it_was(stamped: Path) -> None:
    site = files(stamped / "site")
    report, summary = _build()
    assert summary is not None and summary.unchanged  # type: ignore[attr-defined]
    assert summary.products == 2 and summary.pages > 0 and summary.languages == ["vi", "en"]  # type: ignore[attr-defined]
    assert report.ok  # type: ignore[attr-defined]
    assert files(stamped / "site") == site


def test_the_command_says_that_nothing_changed_in_vietnamese_first(stamped: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--products", "products", "--producers", "producers", "--site-dir", "site", "--today", TODAY.isoformat()]
    assert main(argv) == 0
    said = capsys.readouterr().out
    assert "không có gì thay đổi kể từ lần dựng trước (2 sản phẩm, " in said and "thư mục site giữ nguyên" in said
    assert main([*argv, "--lang", "en"]) == 0
    assert "nothing changed since the last build (2 products, " in capsys.readouterr().out


def test_the_command_stops_before_loading_the_validator(stamped: Path) -> None:
    """With nothing changed, the command checks the stamp before it loads the validator and pydantic
    (most of the time such a rebuild took), and says so."""
    argv = ["--products", "products", "--producers", "producers", "--site-dir", "site", "--today", TODAY.isoformat()]
    heavy = ("pydantic", "catalogue.validate", "catalogue.sitebuild", "catalogue.model")
    script = (
        "import sys\nfrom catalogue.cli import main\n"
        f"code = main({argv!r})\n"
        f"print(code, [name for name in {heavy!r} if name in sys.modules])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    done = subprocess.run([sys.executable, "-c", script], cwd=stamped, env=env, capture_output=True, text=True, check=True)
    assert "không có gì thay đổi kể từ lần dựng trước (2 sản phẩm, " in done.stdout
    assert done.stdout.splitlines()[-1] == "0 []"


def test_the_day_is_read_from_the_settings_without_validating_them(tmp_path: Path) -> None:
    settings = tmp_path / "catalogue.yaml"
    settings.write_text("site_name: Demo\n", encoding="utf-8")
    assert stamp_module.plain_today(settings) == today_in("Asia/Ho_Chi_Minh")
    settings.write_text("timezone: Pacific/Kiritimati\n", encoding="utf-8")
    assert stamp_module.plain_today(settings) == today_in("Pacific/Kiritimati")
    for text in ("timezone: Asia/Nowhere\n", "timezone: 7\n", "timezone: [\n", "- a list\n", "timezone: ../../etc\n"):
        settings.write_text(text, encoding="utf-8")
        assert stamp_module.plain_today(settings) is None, text  # the build reads and reports the settings itself
    assert stamp_module.plain_today(tmp_path / "missing.yaml") is None


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("products/base-product.yaml", "name: Chè Shan tuyết Tả Lèng", "name: Chè Shan tuyết Tả Lèng mới"),
        ("producers/base-producer.yaml", "id: base-producer", "id: base-producer\n# renamed soon"),
        ("catalogue.yaml", "\n", "\n# a comment\n"),
    ],
    ids=["product", "producer", "settings"],
)
def test_an_edited_file_is_built_again(stamped: Path, file: str, old: str, new: str) -> None:
    path = stamped / file
    text = path.read_text(encoding="utf-8")
    assert skips()
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    try:
        assert not skips()
    finally:
        path.write_text(text, encoding="utf-8")
    assert skips()


def test_a_new_product_file_is_built_again(stamped: Path) -> None:
    extra = stamped / "products" / "new-product.yaml"
    extra.write_text("id: new-product\n", encoding="utf-8")
    try:
        assert not skips()
    finally:
        extra.unlink()
    assert skips()


def test_a_deleted_or_replaced_photo_is_built_again(stamped: Path) -> None:
    photo = stamped / "products" / "images" / "base.jpg"
    aside = photo.with_name("aside.jpg")
    photo.rename(aside)
    try:
        assert not skips()
        shutil.copy2(aside, photo)  # the same bytes and time, another file
        assert not skips()
    finally:
        photo.unlink(missing_ok=True)
        aside.rename(photo)
    assert skips()


def test_another_day_or_option_is_built_again(stamped: Path) -> None:
    assert not skips(inputs(date(2026, 11, 29)))
    assert not skips(inputs(site_url="https://ocop.example.vn/"))
    assert not skips(inputs(offline=True))
    assert not skips(inputs(unpublish=("gone",)))
    assert not skips(inputs(settings_path=Path("products/../catalogue.yaml"), site_dir=Path("site-2")))
    assert skips(inputs())


def test_a_site_touched_since_the_build_is_built_again(stamped: Path) -> None:
    page = stamped / "site" / "index.html"
    info = page.stat()
    os.utime(page, ns=(info.st_atime_ns, info.st_mtime_ns + 1))
    try:
        assert not skips()
    finally:
        os.utime(page, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert skips()
    extra = stamped / "site" / "extra.txt"
    extra.write_text("x", encoding="utf-8")
    try:
        assert not skips()
    finally:
        extra.unlink()


def test_changed_code_changes_the_fingerprint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "catalogue" / "pages").mkdir(parents=True)
    module = tmp_path / "catalogue" / "pages" / "product.py"
    module.write_text("A = 1\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("theme: material\n", encoding="utf-8")
    monkeypatch.setattr(stamp_module, "REPO", tmp_path)
    first = code_digest()
    assert code_digest() == first
    module.write_text("A = 2\n", encoding="utf-8")
    assert code_digest() != first
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "main.html").write_text("{% extends 'base.html' %}", encoding="utf-8")
    second = code_digest()
    assert second != first
    (tmp_path / "catalogue" / "pages" / "__pycache__").mkdir()
    (tmp_path / "catalogue" / "pages" / "__pycache__" / "product.pyc").write_bytes(b"compiled")
    assert code_digest() == second  # compiled files are not code of their own


def test_an_edit_builds_once_then_the_stamp_holds_again(stamped: Path) -> None:
    path = stamped / "products" / "extra-product.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("summary: ", "summary: Mới. ", 1), encoding="utf-8")
    report, summary = _build()
    assert summary is not None and not summary.unchanged, report.to_text()  # type: ignore[attr-defined]
    assert "Mới. " in (stamped / "site" / "p" / "extra-product" / "index.html").read_text(encoding="utf-8")
    assert skips()
    path.write_text("id: extra-product\nname: [\n", encoding="utf-8")  # a broken file: no site, no stamp
    report, summary = _build()
    assert summary is None
    path.write_text(text.replace("summary: ", "summary: Mới. ", 1), encoding="utf-8")
    assert not skips()  # the failed build dropped the stamp: the next build checks everything again


def test_the_command_reads_the_catalogue_for_its_key_once(stamped: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The key of the inputs reads every file of the catalogue: the command works it out once, to
    check the stamp, and the build takes it from there."""
    import catalogue.sitebuild as sitebuild_module

    keys: list[Inputs] = []

    def counted(given: Inputs, digests: dict[str, bytes] | None = None) -> str:
        keys.append(given)
        return input_key(given, digests)

    monkeypatch.setattr(stamp_module, "input_key", counted)
    monkeypatch.setattr(sitebuild_module, "input_key", counted)
    path = stamped / "products" / "extra-product.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("summary: ", "summary: Một lần. ", 1), encoding="utf-8")
    try:
        argv = ["--products", "products", "--producers", "producers", "--site-dir", "site", "--today", TODAY.isoformat()]
        assert main(argv) == 0
        assert "Một lần. " in (stamped / "site" / "p" / "extra-product" / "index.html").read_text(encoding="utf-8")
        assert len(keys) == 1 and skips()
    finally:
        path.write_text(text, encoding="utf-8")
        _build()  # the fixture's site and stamp as its other tests expect them


def test_a_key_worked_out_for_other_inputs_is_not_taken(stamped: Path) -> None:
    path = stamped / "products" / "extra-product.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("summary: ", "summary: Khác. ", 1), encoding="utf-8")
    try:
        with open(os.devnull, "w") as quiet:
            known = (inputs(date(2026, 1, 1)), "not-the-key")
            build_site(Path("products"), Path("producers"), Path("site"), today=TODAY, stream=quiet, reuse=True, known=known)
        assert skips()  # stamped with the key of its own inputs
        path.write_text(text, encoding="utf-8")
        with open(os.devnull, "w") as quiet:  # the same inputs: the key given is the one stamped
            build_site(Path("products"), Path("producers"), Path("site"), today=TODAY, stream=quiet, reuse=True, known=(inputs(), "given"))
        assert not skips()
    finally:
        path.write_text(text, encoding="utf-8")
        _build()


def test_records_read_before_are_not_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_two_product_catalogue(tmp_path / "cat")
    monkeypatch.chdir(root)
    bad = root / "producers" / "bad-producer.yaml"
    bad.write_text("id: bad-producer\nname: Hợp tác xã\nkind: cooperative\nphone: 12\n", encoding="utf-8")

    def check() -> tuple[object, list[str]]:
        catalogue, report = validate(Path("products"), Path("producers"), today=TODAY, records=RecordCache(tmp_path / "records", "code"))
        return catalogue.products, [problem.show() for problem in report.sorted()]

    first = check()
    assert first == (validate(Path("products"), Path("producers"), today=TODAY)[0].products, first[1])
    assert any(line.startswith("producers/bad-producer.yaml:") for line in first[1])
    read: list[str] = []
    real = validate_module._load_record

    def counted(path: Path, *args: object) -> object:
        if path.name != "catalogue.yaml":  # the settings (one file) are read every time
            read.append(path.name)
        return real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(validate_module, "_load_record", counted)
    assert check() == first  # the same records and the same problems, from the cache
    assert read == []
    product = root / "products" / "extra-product.yaml"
    product.write_text(product.read_text(encoding="utf-8").replace("stars: 4", "stars: 5"), encoding="utf-8")
    catalogue, _ = check()
    assert read == ["extra-product.yaml"]  # only the edited file is read again
    assert catalogue["extra-product"].stars == 5  # type: ignore[index]
    other = RecordCache(tmp_path / "records", "other code")
    validate(Path("products"), Path("producers"), today=TODAY, records=other)
    assert sorted(read[1:]) == ["bad-producer.yaml", "base-producer.yaml", "base-product.yaml", "extra-product.yaml"]


def test_the_files_the_key_read_are_taken_by_their_digests_and_not_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_two_product_catalogue(tmp_path / "cat")
    monkeypatch.chdir(root)
    given = inputs()
    digests: dict[str, bytes] = {}
    input_key(given, digests)  # as the command works it out, before the build
    assert set(digests) == {str(path) for path in [*yaml_files(Path("products")), *yaml_files(Path("producers")), Path("catalogue.yaml")]}
    first, _ = validate(Path("products"), Path("producers"), today=TODAY, records=RecordCache(tmp_path / "records", "code", digests))
    opened: list[str] = []
    real = Path.read_bytes

    def counted(path: Path) -> bytes:
        if path.suffix == ".yaml" and path.name != "catalogue.yaml":  # the records, not the cache's own files nor the settings
            opened.append(path.name)
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", counted)
    again, _ = validate(Path("products"), Path("producers"), today=TODAY, records=RecordCache(tmp_path / "records", "code", digests))
    assert again.products == first.products and opened == []
    # Without the digests, each file is read for its own (and for its lines marked TODO).
    validate(Path("products"), Path("producers"), today=TODAY, records=RecordCache(tmp_path / "records", "code"))
    assert set(opened) == {path.rpartition("/")[2] for path in digests if not path.endswith("catalogue.yaml")}
    # A file changed since its digest was taken, to bytes not read before, is read and checked as
    # it is now, and kept under its own digest: not under the digest given, whose bytes it no longer holds.
    product = root / "products" / "extra-product.yaml"
    text = product.read_text(encoding="utf-8")
    product.write_text(text.replace("stars: 4", "stars: 5"), encoding="utf-8")
    edited, _ = validate(Path("products"), Path("producers"), today=TODAY, records=RecordCache(tmp_path / "records", "other code", digests))
    assert edited.products["extra-product"].stars == 5
    product.write_text(text, encoding="utf-8")
    back, _ = validate(Path("products"), Path("producers"), today=TODAY, records=RecordCache(tmp_path / "records", "other code", digests))
    assert back.products["extra-product"].stars == 4
    # A line marked TODO is reported whether the file is read or known by its digest.
    product.write_text(text.replace("summary: ", "summary: TODO ", 1), encoding="utf-8")
    for _ in range(2):
        digests.clear()
        input_key(given, digests)
        _, report = validate(Path("products"), Path("producers"), today=TODAY, records=RecordCache(tmp_path / "records", "code", digests))
        assert [problem.code for problem in report.problems if problem.file.endswith("extra-product.yaml")] == ["todo"]


def test_problems_across_files_name_their_lines_from_records_read_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A record taken from the cache reads its document's lines back only for a problem; they are
    the lines a validation without the cache names."""
    root = make_two_product_catalogue(tmp_path / "cat")
    monkeypatch.chdir(root)
    extra = root / "products" / "extra-product.yaml"
    # Its number is the base product's (line 9), and so is its earlier number (line 16).
    earlier = "  previous:\n    - number: test 0001\n      issued: 2022-03-10\n      expires: 2025-03-10\n"
    text = extra.read_text(encoding="utf-8").replace("TEST-0002", "TEST-0001").replace("  kind: new\n", "  kind: new\n" + earlier)
    extra.write_text(text, encoding="utf-8")

    def problems(records: RecordCache | None) -> list[str]:
        _, report = validate(Path("products"), Path("producers"), today=TODAY, records=records)
        return [problem.show() for problem in report.sorted() if problem.code == "duplicate-certificate"]

    expected = problems(None)
    assert [line.split(" ")[0] for line in expected] == ["products/extra-product.yaml:9:", "products/extra-product.yaml:16:"]
    assert "products/base-product.yaml:9" in expected[0] and "products/base-product.yaml:9" in expected[1]
    assert problems(RecordCache(tmp_path / "records", "code")) == expected  # read, and kept
    assert problems(RecordCache(tmp_path / "records", "code")) == expected  # taken from the cache


def test_photos_found_sound_before_are_not_decoded_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_two_product_catalogue(tmp_path / "cat")
    monkeypatch.chdir(root)
    decoded: list[str] = []
    real = image_files.probe_photo

    def counted(path: Path) -> None:
        decoded.append(path.name)
        real(path)

    monkeypatch.setattr(image_files, "probe_photo", counted)

    def problems() -> list[tuple[str, str]]:
        _, report = validate(Path("products"), Path("producers"), today=TODAY, records=RecordCache(tmp_path / "records", "code"))
        return sorted((problem.file, problem.code) for problem in report.errors)

    assert problems() == [] and decoded == ["base.jpg"]  # both products show it: decoded once
    assert problems() == [] and decoded == ["base.jpg"]
    (root / "products" / "images" / "base.jpg").write_bytes(b"not a photo")
    assert problems() == [("products/base-product.yaml", "image-not-image"), ("products/extra-product.yaml", "image-not-image")]
    assert decoded[1:] == ["base.jpg", "base.jpg"]  # a photo that fails is decoded each time it is named


def test_the_rebuild_benchmark_prints_each_step() -> None:
    command = [sys.executable, "tools/bench_rebuild.py", "--products", "8"]
    result = subprocess.run(command, cwd=stamp_module.REPO, capture_output=True, text=True, timeout=300, check=True)
    steps = [line.rsplit(None, 2)[0].strip() for line in result.stdout.splitlines()]
    assert steps == [
        "code fingerprint",
        "inputs fingerprint (8 products, producers, settings, code)",
        "validation, no cache",
        "validation, filling the records cache",
        "validation, records cache warm",
    ]
