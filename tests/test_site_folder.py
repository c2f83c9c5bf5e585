"""The folder the site goes into: the build replaces only a site it made, never the catalogue's own
folders; a published product does not silently vanish; the site is world-readable, holds copies
rather than links into the cache, works on another file system; and a failure is one line with
the previous site untouched."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import tempfile
from pathlib import Path

import pytest

import catalogue.hosting.precompress as precompress_module
import catalogue.jobs.cache as media_cache
import catalogue.render.config as render
from catalogue import __version__
from catalogue.cli import main, module_main
from catalogue.site_census import take_census
from catalogue.site_folder import Workspace
from catalogue.stamp import site_digest

from .base_site import EXTRA, copy_catalogue, snapshot
from .conftest import REPO

REFUSED = "choose a new or empty folder (nothing was changed)"
MANIFEST = {"generator": "ocop-catalogue", "version": __version__, "built": "2026-11-28", "products": ["base-product", EXTRA]}


@pytest.fixture
def copied(built_base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the built two-product catalogue and its site, as the working directory."""
    root = copy_catalogue(built_base, tmp_path / "cat")
    monkeypatch.chdir(root)
    return root


def leftovers(folder: Path) -> list[str]:
    """Temporary folders of a build left in `folder`."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith((".site.", ".preview.")) or p.name == "build")


@pytest.mark.parametrize(
    ("argv", "prog"),
    [([], "build_site.py"), (["--offline"], "build_site.py"), (["serve"], "python -m catalogue serve")],
)
def test_a_folder_not_made_by_the_build_is_refused(base_catalogue: Path, capsys, argv: list[str], prog: str) -> None:
    notes = base_catalogue / "notes"
    (notes / "2026").mkdir(parents=True)
    (notes / "2026" / "minutes.txt").write_text("Họp ngày 28/11\n", encoding="utf-8")
    before = snapshot(base_catalogue)
    run = module_main if argv[:1] == ["serve"] else main
    assert run([*argv, "--lang", "en", "--site-dir", "notes"]) == 1
    assert capsys.readouterr().err == (
        f"{prog}: error: --site-dir notes: the folder is not empty and was not made by build_site.py; {REFUSED}\n"
    )
    assert snapshot(base_catalogue) == before


@pytest.mark.parametrize(
    ("site_dir", "relation"),
    [
        ("products", "is the catalogue's products folder"),
        ("producers", "is the catalogue's producers folder"),
        ("products/images", "lies inside the catalogue's products folder"),
        ("producers/site", "lies inside the catalogue's producers folder"),
        (".", "is the catalogue folder"),
        ("..", "holds the catalogue folder"),
        ("catalogue.yaml", "is the catalogue's settings file"),
        (str(REPO), "is the project folder"),
    ],
)
def test_the_catalogues_own_folders_are_refused_even_with_a_manifest(base_catalogue: Path, capsys, site_dir: str, relation: str) -> None:
    target = base_catalogue / site_dir
    if target.is_dir() and target != REPO:
        # A manifest does not make a catalogue folder a site that may be replaced.
        (target / "data").mkdir(exist_ok=True)
        (target / "data" / "published.json").write_text(json.dumps(MANIFEST), encoding="utf-8")
    before = snapshot(base_catalogue.parent)
    assert main(["--lang", "en", "--site-dir", site_dir]) == 1
    assert capsys.readouterr().err == f"build_site.py: error: --site-dir {site_dir}: that {relation}; {REFUSED}\n"
    assert snapshot(base_catalogue.parent) == before


def test_a_file_is_refused_as_the_site_folder(base_catalogue: Path, capsys) -> None:
    (base_catalogue / "site.txt").write_text("not a site\n", encoding="utf-8")
    assert main(["--lang", "en", "--site-dir", "site.txt"]) == 1
    assert capsys.readouterr().err == f"build_site.py: error: --site-dir site.txt: that is a file, not a folder; {REFUSED}\n"
    assert (base_catalogue / "site.txt").read_text(encoding="utf-8") == "not a site\n"


def test_the_site_says_what_it_published(built_base: Path) -> None:
    manifest = json.loads((built_base / "site" / "data" / "published.json").read_text(encoding="utf-8"))
    assert manifest == MANIFEST


def test_the_site_is_world_readable_whatever_the_umask(built_base: Path) -> None:
    site = built_base / "site"  # built under umask 077
    modes = {p.relative_to(site).as_posix(): stat.S_IMODE(p.stat().st_mode) for p in site.rglob("*")}
    assert stat.S_IMODE(site.stat().st_mode) == 0o755
    assert {path: mode for path, mode in modes.items() if mode != (0o755 if (site / path).is_dir() else 0o644)} == {}
    assert not leftovers(built_base)


def test_the_site_holds_copies_not_links_into_the_cache(built_base: Path) -> None:
    site, cache = built_base / "site", built_base / ".cache" / "media"
    cached = {(p.stat().st_dev, p.stat().st_ino): p for p in cache.rglob("*") if p.is_file()}
    built = [p for p in site.rglob("*") if p.is_file()]
    assert [p for p in built if (p.stat().st_dev, p.stat().st_ino) in cached or p.stat().st_nlink != 1] == []
    # Editing a built file leaves the cache as it was.
    qr = site / "qr" / "base-product.svg"
    original = qr.read_bytes()
    copies = [p for p in cached.values() if p.name == qr.name and p.read_bytes() == original]
    assert copies
    try:
        qr.write_bytes(original.replace(b"<svg", b"<svg data-edited='yes'", 1))
        assert [p.read_bytes() for p in copies] == [original] * len(copies)
    finally:
        qr.write_bytes(original)


def test_a_removed_product_is_refused(copied: Path, capsys) -> None:
    before = snapshot(copied / "site")
    (copied / "products" / f"{EXTRA}.yaml").unlink()
    expected = (
        f"products/{EXTRA}.yaml:1: error: the product '{EXTRA}' was published by the last build into site/ and its file is gone: "
        "QR codes printed for it would lead nowhere. Put the file back and mark the product withdrawn (withdrawn: {date, reason}), "
        f"or build with --unpublish {EXTRA} [removed-product]"
    )
    assert main(["--lang", "en", "--today", "2026-11-28"]) == 1
    assert capsys.readouterr().out.splitlines() == [expected, "site not built, site left as it was: 1 error, 0 warnings"]
    assert snapshot(copied / "site") == before
    # --check says so before a build is tried.
    assert main(["--lang", "en", "--check", "--today", "2026-11-28"]) == 1
    assert capsys.readouterr().out.splitlines() == [expected, "1 products, 1 producers: 1 error, 0 warnings"]


def test_a_site_built_before_the_manifest_is_known_by_its_open_data(copied: Path, capsys) -> None:
    (copied / "site" / "data" / "published.json").unlink()  # as an earlier version left it
    (copied / "products" / f"{EXTRA}.yaml").unlink()
    assert main(["--lang", "en", "--today", "2026-11-28"]) == 1
    assert capsys.readouterr().out.splitlines()[0].endswith("[removed-product]")
    assert main(["--lang", "en", "--today", "2026-11-28", "--unpublish", EXTRA]) == 0
    assert json.loads((copied / "site" / "data" / "published.json").read_text(encoding="utf-8"))["products"] == ["base-product"]


def test_open_data_of_another_shape_does_not_make_a_folder_ours(base_catalogue: Path, capsys) -> None:
    folder = base_catalogue / "elsewhere"
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "products.json").write_text('{"products": [{"id": "x"}]}', encoding="utf-8")
    assert main(["--lang", "en", "--site-dir", "elsewhere"]) == 1
    refused = "build_site.py: error: --site-dir elsewhere: the folder is not empty and was not made by build_site.py"
    assert capsys.readouterr().err == f"{refused}; {REFUSED}\n"
    assert (folder / "data" / "products.json").is_file()


def test_unpublish_lets_a_removed_product_go_in_a_second_build(copied: Path, capsys) -> None:
    (copied / "products" / f"{EXTRA}.yaml").unlink()
    assert main(["--lang", "en", "--today", "2026-11-28", "--unpublish", EXTRA, "--unpublish", "never-published"]) == 0
    assert capsys.readouterr().out.startswith("built 1 products, ")
    manifest = json.loads((copied / "site" / "data" / "published.json").read_text(encoding="utf-8"))
    assert manifest["products"] == ["base-product"]
    assert not (copied / "site" / "p" / EXTRA).exists() and (copied / "site" / "p" / "base-product" / "index.html").is_file()
    assert not leftovers(copied)


def test_a_second_build_onto_another_file_system(built_base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    shm = Path("/dev/shm")
    if not shm.is_dir():
        pytest.skip("no /dev/shm on this machine")
    root = copy_catalogue(built_base, tmp_path / "cat", site=False)
    monkeypatch.chdir(root)
    mount = Path(tempfile.mkdtemp(prefix="ocop-test-", dir=shm))
    try:
        copy_catalogue(built_base / "site", mount / "site")  # the previous build, to be replaced
        assert main(["--lang", "en", "--today", "2026-11-28", "--site-dir", str(mount / "site")]) == 0
        assert capsys.readouterr().out.endswith(f"into {mount / 'site'}\n")
        assert json.loads((mount / "site" / "data" / "published.json").read_text(encoding="utf-8")) == MANIFEST
        assert stat.S_IMODE((mount / "site" / "p" / "base-product" / "index.html").stat().st_mode) == 0o644
        assert sorted(p.name for p in mount.iterdir()) == ["site"]
        assert not leftovers(root)
    finally:
        shutil.rmtree(mount, ignore_errors=True)


def test_a_full_disk_is_one_line_and_keeps_the_previous_site(copied: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    before = snapshot(copied / "site")

    def full(source: Path, target: Path) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))  # as a write that finds the disk full

    monkeypatch.setattr(media_cache, "clone_or_copy", full)
    assert main(["--lang", "en", "--today", "2026-11-28"]) == 1
    captured = capsys.readouterr()
    assert captured.err == "build_site.py: error: site: No space left on device; site left as it was\n"
    assert captured.out == ""
    assert snapshot(copied / "site") == before
    assert not leftovers(copied)


def test_a_read_only_destination_is_one_line_and_keeps_the_previous_site(copied: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    before = snapshot(copied / "site")
    real_mkdir = os.mkdir

    def read_only(path, mode=0o777, *args, **kwargs):
        if Path(path).parent == copied:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fspath(path))
        return real_mkdir(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "mkdir", read_only)
    assert main(["--lang", "en", "--today", "2026-11-28"]) == 1
    assert capsys.readouterr().err == "build_site.py: error: site: Read-only file system; site left as it was\n"
    assert snapshot(copied / "site") == before
    assert not leftovers(copied)


def test_errors_name_files_of_the_new_site_by_their_place_in_the_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    workspace = Workspace(tmp_path / "site", tmp_path / ".site.new-x", tmp_path / ".site.work-x")
    assert workspace.shown(tmp_path / ".site.new-x" / "data" / "products.json") == "site/data/products.json"
    assert workspace.shown(tmp_path / ".site.work-x" / "vi" / "docs" / "index.md") == ".site.work-x/vi/docs/index.md"
    assert workspace.shown("/elsewhere/file") == "/elsewhere/file"


def test_a_failed_mkdocs_run_is_one_line_and_keeps_the_previous_site(copied: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    before = snapshot(copied / "site")
    broken = copy_catalogue(REPO / "overrides", copied / "broken-overrides")
    main_html = broken / "main.html"
    lines = main_html.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(n for n, text in enumerate(lines, 1) if "{% block announce %}" in text)
    lines[line - 1] = lines[line - 1].replace("{% block announce %}", "{% block announce %}{{ nowhere( }}")
    main_html.write_text("".join(lines), encoding="utf-8")
    monkeypatch.setattr(render, "OVERRIDES", broken.resolve())
    assert main(["--lang", "en", "--today", "2026-11-28"]) == 1
    assert capsys.readouterr().err == (
        f"build_site.py: error: MkDocs could not build the 'vi' pages: broken-overrides/main.html:{line}: "
        "TemplateSyntaxError: unexpected '}', expected ')'; site left as it was\n"
    )
    assert snapshot(copied / "site") == before
    assert not leftovers(copied)


def times(folder: Path) -> dict[str, int]:
    """Every file under `folder` with its modification time."""
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_a_rebuild_with_nothing_changed_keeps_every_file_and_its_time(copied: Path, capsys) -> None:
    before, before_times = snapshot(copied / "site"), times(copied / "site")
    assert main(["--lang", "en", "--today", "2026-11-28"]) == 0
    assert snapshot(copied / "site") == before
    assert times(copied / "site") == before_times
    assert not leftovers(copied)


def test_a_full_disk_while_compressing_keeps_the_previous_site_and_its_times(copied: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    before, before_times = snapshot(copied / "site"), times(copied / "site")
    (copied / "products" / "base-product.yaml").write_text(
        (copied / "products" / "base-product.yaml").read_text(encoding="utf-8").replace("summary: ", "summary: Mới. ", 1), encoding="utf-8"
    )

    def full(data: bytes, compresslevel: int = 9, *, mtime: float | None = None) -> bytes:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(precompress_module.gzip_ng, "compress", full)
    assert main(["--lang", "en", "--today", "2026-11-28"]) == 1
    assert capsys.readouterr().err == "build_site.py: error: site: No space left on device; site left as it was\n"
    assert snapshot(copied / "site") == before
    assert times(copied / "site") == before_times
    assert not leftovers(copied)


@pytest.mark.parametrize("census", [False, True], ids=["walked", "census"])
def test_publishing_on_a_previous_site_moves_the_staged_files_and_deletes_what_is_gone(tmp_path: Path, census: bool) -> None:
    # With a census of the previous site (catalogue/site_census.py), taken before the build staged
    # its files, publishing does the same without walking the site again.
    site, staging = tmp_path / "site", tmp_path / ".site.new-x"
    for path, text in {
        "index.html": "old home",
        "kept/a.html": "kept",
        "p/gone/index.html": "gone",
        "p/gone/index.html.gz": "gone",
        "old/deep/x.html": "gone, and its folder and the one above it left empty",
        "held/deep/b.html": "kept, two folders down",
        "was-a-folder/x.html": "x",
        "was-a-file": "file",
    }.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    for path, text in {"index.html": "new home", "p/new/index.html": "new", "was-a-folder": "now a file", "was-a-file/y.html": "y"}.items():
        (staging / path).parent.mkdir(parents=True, exist_ok=True)
        (staging / path).write_text(text, encoding="utf-8")
    (site / "link.html").symlink_to("kept/a.html")  # a link the new site keeps
    (site / "linked-folder").symlink_to("kept", target_is_directory=True)  # a link to a folder it has not
    kept_before = (site / "kept" / "a.html").stat()
    workspace = Workspace(site, staging, tmp_path / ".site.work-x", previous=site)
    taken = take_census(str(site)) if census else None
    fingerprint = workspace.publish(kept={"kept/a.html", "held/deep/b.html", "link.html"}, census=taken)
    found = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*") if p.is_file()}
    assert found == {
        "index.html": "new home",
        "kept/a.html": "kept",
        "held/deep/b.html": "kept, two folders down",
        "link.html": "kept",
        "p/new/index.html": "new",
        "was-a-folder": "now a file",
        "was-a-file/y.html": "y",
    }
    folders = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_dir())
    assert folders == ["held", "held/deep", "kept", "p", "p/new", "was-a-file"]
    kept_after = (site / "kept" / "a.html").stat()
    assert (kept_after.st_ino, kept_after.st_mtime_ns) == (kept_before.st_ino, kept_before.st_mtime_ns)
    assert stat.S_IMODE((site / "p" / "new").stat().st_mode) == 0o755
    assert not staging.exists() or not any(p.is_file() for p in staging.rglob("*"))
    assert fingerprint == site_digest(site)  # taken on the way, as a walk of the site made now finds it
