"""The languages of a catalogue: which one its data is written in.

The catalogue's data (names, summaries, addresses) is written in Vietnamese; other languages are
translations of it, and any text missing from a translation falls back to Vietnamese.
"""

from __future__ import annotations

SOURCE = "vi"  # the language the data is written in; first in `languages`, at the site root


def available() -> tuple[str, ...]:
    """The language codes that have a words file, the source first.

    Stand-in until the words files (catalogue/words/<code>.yaml) arrive: the languages helper
    replaces this with the codes of those files.
    """
    return ("vi", "en", "zh")
