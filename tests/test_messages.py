"""The office's messages: every key in every language, with the same placeholders."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from catalogue.messages import LANGUAGES, Message, msg, say, texts


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_language_has_every_key_with_the_same_placeholders() -> None:
    keys = {lang: set(texts(lang)) for lang in LANGUAGES}
    for lang in LANGUAGES:
        assert keys[lang] == keys["vi"], f"{lang}.yaml: missing {sorted(keys['vi'] - keys[lang])}, extra {sorted(keys[lang] - keys['vi'])}"
        for key in keys["vi"]:
            assert _placeholders(texts(lang)[key]) == _placeholders(texts("vi")[key]), f"{lang}.yaml: {key}"


def test_a_message_is_worded_in_the_readers_language() -> None:
    message = msg(
        "check.summary", products=3, producers=2, verdict=Message("check.summary", (("products", 1), ("producers", 1), ("verdict", "ok")))
    )
    assert message.text("vi") == "3 sản phẩm, 2 chủ thể: 1 sản phẩm, 1 chủ thể: ok"
    assert message.text("en") == "3 products, 2 producers: 1 products, 1 producers: ok"
    assert str(message) == message.text("vi")


def test_an_unknown_key_fails_where_the_message_is_made() -> None:
    with pytest.raises(KeyError, match=r"no message 'check\.nothing'"):
        msg("check.nothing")
    assert say("check.summary", "en", products=0, producers=0, verdict="-") == "0 products, 0 producers: -"


CODE = Path(__file__).resolve().parent.parent / "catalogue"
# Calls whose message is an office-facing text: report.add/warn(path, line, code, MESSAGE) and the errors that become problems.
_MESSAGE_ARGUMENT = {"add": 3, "warn": 3, "LoadError": 1, "ImageFileError": 1, "Notice": 2, "PydanticCustomError": 1}


def _calls() -> list[tuple[str, ast.Call]]:
    found = []
    for path in sorted(CODE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                found.append((str(path.relative_to(CODE.parent)), node))
    return found


def _name(call: ast.Call) -> str:
    return call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id if isinstance(call.func, ast.Name) else ""


def _is_text(node: ast.expr) -> bool:
    """A sentence written in the code: a string, an f-string, or strings joined with +
    (not "{english}", the template of catalogue.fields.fail_with, which shows the message's English)."""
    if isinstance(node, ast.Constant) and node.value == "{english}":
        return False
    if isinstance(node, ast.BinOp):
        return _is_text(node.left) or _is_text(node.right)
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


def test_every_message_key_in_the_code_is_in_every_language() -> None:
    keys = [
        (where, call.args[index].value)
        for where, call in _calls()
        for name, index in (("msg", 0), ("say", 0), ("fail", 1))
        if _name(call) == name and len(call.args) > index and isinstance(call.args[index], ast.Constant)
    ]
    assert len(keys) > 100
    for lang in LANGUAGES:
        assert [(where, key) for where, key in keys if key not in texts(lang)] == [], lang


def test_no_problem_is_an_english_sentence_written_in_the_code() -> None:
    """Problems are made with msg(key, …); a plain text would show in English whatever --lang says."""
    written = []
    for where, call in _calls():
        index = _MESSAGE_ARGUMENT.get(_name(call))
        is_report = _name(call) not in ("add", "warn") or "report" in ast.unparse(call.func)
        if index is not None and is_report and len(call.args) > index and _is_text(call.args[index]):
            written.append(f"{where}:{call.lineno}: {ast.unparse(call)[:80]}")
    assert written == []
