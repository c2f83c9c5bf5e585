"""The office's messages: every key in every language, with the same placeholders."""

from __future__ import annotations

import string

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
