"""MkDocs' output kept for the next build (catalogue/render/renders.py): taken only under the key
of what MkDocs read, whole, and one per language."""

from __future__ import annotations

from pathlib import Path

from catalogue.render.renders import Renders


def _work(folder: Path, page: str = "<h1>Home</h1>") -> tuple[list[tuple[str, str | Path]], str, Path]:
    """What MkDocs reads for a language whose work folder is `folder`, as the build hands it to the
    key: docs, bodies, a copied file, and a configuration naming the folder."""
    copied = folder.parent / "leaflet.js"
    copied.parent.mkdir(parents=True, exist_ok=True)
    copied.write_text("L = {};", encoding="utf-8")
    files: list[tuple[str, str | Path]] = [
        ("docs/index.md", f"---\ntitle: Home\n---\n\n{page}\n"),
        ("bodies/index.md.html", page),
        ("docs/assets/leaflet/leaflet.js", copied),
    ]
    return files, f"docs_dir: {folder / 'docs'}\nsite_dir: {folder / 'site'}\n", folder


def _site(folder: Path, text: str) -> Path:
    (folder / "assets").mkdir(parents=True)
    (folder / "index.html").write_text(text, encoding="utf-8")
    (folder / "assets" / "main.css").write_text("body{}", encoding="utf-8")
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_the_key_is_what_mkdocs_reads_wherever_the_work_folder_is(tmp_path: Path) -> None:
    renders = Renders(tmp_path / "store", "code-1")
    first, elsewhere = _work(tmp_path / "a" / "vi"), _work(tmp_path / "b" / "vi")
    assert renders.key(*first) == renders.key(*elsewhere)
    assert renders.key(*_work(tmp_path / "c" / "vi", "<h1>Trang chủ</h1>")) != renders.key(*first)
    assert Renders(tmp_path / "store", "code-2").key(*first) != renders.key(*first)
    (tmp_path / "a" / "leaflet.js").write_text("L = {version: 2};", encoding="utf-8")  # a copied file's bytes count
    assert renders.key(*first) != renders.key(*elsewhere)


def test_an_output_is_taken_whole_under_its_key_and_one_is_kept_per_language(tmp_path: Path) -> None:
    renders = Renders(tmp_path / "store", "code")
    renders.keep("vi", "a" * 64, _site(tmp_path / "made-1", "one"))
    renders.keep("en", "a" * 64, _site(tmp_path / "made-2", "two"))
    assert renders.take("vi", "a" * 64, tmp_path / "site-1")
    assert _files(tmp_path / "site-1") == _files(tmp_path / "made-1")
    assert not renders.take("vi", "b" * 64, tmp_path / "site-2")  # another key
    assert not (tmp_path / "site-2").exists()
    # A newer output takes the place of the language's older one, not the other language's.
    renders.keep("vi", "b" * 64, _site(tmp_path / "made-3", "three"))
    assert not renders.take("vi", "a" * 64, tmp_path / "site-3")
    assert renders.take("vi", "b" * 64, tmp_path / "site-4") and renders.take("en", "a" * 64, tmp_path / "site-5")
    assert (tmp_path / "site-4" / "index.html").read_text(encoding="utf-8") == "three"


def test_a_damaged_output_is_not_taken_and_is_kept_again(tmp_path: Path) -> None:
    renders = Renders(tmp_path / "store", "code")
    renders.keep("vi", "a" * 64, _site(tmp_path / "made", "one"))
    [kept] = (tmp_path / "store").glob("rendered-vi-*")
    (kept / "site" / "assets" / "main.css").unlink()
    assert not renders.take("vi", "a" * 64, tmp_path / "site-1")
    assert not (tmp_path / "site-1").exists()
    renders.keep("vi", "a" * 64, tmp_path / "made")  # as the build does once MkDocs has rendered it again
    assert renders.take("vi", "a" * 64, tmp_path / "site-2")
    assert _files(tmp_path / "site-2") == _files(tmp_path / "made")
