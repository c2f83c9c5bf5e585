"""The YAML loader: safe, line-keeping, NFC, and immune to YAML's traps."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest

from catalogue.load import MAX_BYTES, LoadError, load_yaml


def load_text(tmp_path: Path, text: str) -> object:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    return load_yaml(path)


def error_of(tmp_path: Path, text: str) -> tuple[str, int]:
    with pytest.raises(LoadError) as caught:
        load_text(tmp_path, text)
    return caught.value.code, caught.value.line


def test_lines_of_keys_and_items(tmp_path: Path) -> None:
    doc = load_text(tmp_path, "# comment\nid: a\nimages:\n  - src: x.jpg\n  - {src: y.jpg, alt: Y}\n")
    assert doc.lines[("id",)] == 2
    assert doc.lines[("images", 0, "src")] == 4
    assert doc.lines[("images", 1, "alt")] == 5
    assert doc.line_of(("images", 1, "alt", "deeper")) == 5
    assert doc.line_of(("missing",)) == 2  # first line of the document, after the comment


def test_yaml_1_1_surprises_stay_text(tmp_path: Path) -> None:
    doc = load_text(tmp_path, "a: no\nb: yes\nc: on\nd: 012\ne: 8:30\nf: 0912345678\ng: 2024-02-30\nh: 0x1F\n")
    assert doc.data == {"a": "no", "b": "yes", "c": "on", "d": "012", "e": "8:30", "f": "0912345678", "g": "2024-02-30", "h": "0x1F"}


def test_plain_values_keep_their_types(tmp_path: Path) -> None:
    doc = load_text(tmp_path, "a: true\nb: 150000\nc: 21.5\nd: 2024-02-29\ne: ~\nf:\n")
    assert doc.data == {"a": True, "b": 150000, "c": 21.5, "d": date(2024, 2, 29), "e": None, "f": None}


def test_text_is_normalised_to_nfc(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Mật ong Mường Tè")
    doc = load_text(tmp_path, f"name: {decomposed}\n")
    assert doc.data["name"] == "Mật ong Mường Tè"
    assert unicodedata.is_normalized("NFC", doc.data["name"])


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffid: abc\n".encode())
    assert load_yaml(path).data == {"id": "abc"}


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("a: &x [1, 2]\nb: *x\n", "yaml-alias", 2),
        ("a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n", "yaml-alias", 1),
        ("a: 1\nb:\n  <<: *missing\n", "yaml-syntax", 3),
        ("a: !!python/object/apply:os.system ['true']\n", "yaml-tag", 1),
        ("a: !custom 1\n", "yaml-tag", 1),
        ("a: 1\nb: 2\na: 3\n", "duplicate-key", 3),
        ("a:\n\tb: 1\n", "yaml-syntax", 2),
        ("a: [1, 2\nb: 3\n", "yaml-syntax", 2),
        ("- a\n- b\n", "not-a-mapping", 1),
        ("just text\n", "not-a-mapping", 1),
        ("", "empty-file", 1),
        ("a: 1\n---\nb: 2\n", "yaml-syntax", 2),
        ("? [a, b]\n: c\n", "yaml-syntax", 1),
        ("a: " + "[" * 5000 + "]" * 5000 + "\n", "yaml-syntax", 1),
        (
            "a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 40)) + "  " * 40 + "v: 1\n",
            "yaml-too-deep",
            33,
        ),  # k32, the 33rd level, is on line 33
    ],
)
def test_refused_documents(tmp_path: Path, text: str, code: str, line: int) -> None:
    assert error_of(tmp_path, text) == (code, line)


def test_big_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * MAX_BYTES + b"\n")
    with pytest.raises(LoadError) as caught:
        load_yaml(path)
    assert caught.value.code == "file-too-large"


def test_invalid_utf8_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"a: 1\nb: 2\nc: caf\xe9\n")
    with pytest.raises(LoadError) as caught:
        load_yaml(path)
    assert (caught.value.code, caught.value.line) == ("encoding", 3)
