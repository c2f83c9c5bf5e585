"""The office's messages (`--check`, the build, the Excel import), Vietnamese first.

Each language has one file, `catalogue/messages/<lang>.yaml`, mapping a message key to its text
with `{placeholders}`; every language has every key (tests/test_messages.py). Code builds a
`Message` (a key and its values) and the text is made in the reader's language only when it is
shown: `--check` shows Vietnamese unless `--lang en` is given. The problem codes such as
`[invalid-value]` are the same in every language: they are for searching and for scripts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

LANGUAGES = ("vi", "en")
DEFAULT = "vi"
_FOLDER = Path(__file__).parent


@cache
def texts(lang: str) -> Mapping[str, str]:
    """Every message text of `lang`, by key."""
    if lang not in LANGUAGES:
        raise ValueError(f"no messages in language '{lang}': {', '.join(LANGUAGES)}")
    data = yaml.load((_FOLDER / f"{lang}.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return {str(key): str(value) for key, value in data.items()}


@dataclass(frozen=True)
class Message:
    """A message not yet put into words: its key and the values of its placeholders. A value
    that is itself a Message (a hint, a reason) is worded in the same language."""

    key: str
    values: tuple[tuple[str, object], ...] = ()

    def text(self, lang: str = DEFAULT) -> str:
        """The message in `lang`."""
        values = {name: value.text(lang) if isinstance(value, Message) else value for name, value in self.values}
        return texts(lang)[self.key].format(**values)

    def __str__(self) -> str:
        return self.text(DEFAULT)


def msg(key: str, /, **values: object) -> Message:
    """The message `key` with the values of its placeholders; raises KeyError for an unknown key,
    so that a typing mistake in a key fails where the message is made, not when it is shown."""
    if key not in texts(DEFAULT):
        raise KeyError(f"no message '{key}' in {_FOLDER / (DEFAULT + '.yaml')}")
    return Message(key, tuple(values.items()))


def say(key: str, lang: str = DEFAULT, /, **values: object) -> str:
    """The message `key` in `lang`, at once."""
    return msg(key, **values).text(lang)
