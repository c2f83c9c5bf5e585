"""The languages of a catalogue: which one its data is written in.

The catalogue's data (names, summaries, addresses) is written in Vietnamese; other languages are
translations of it, and any text missing from a translation falls back to Vietnamese.
"""

from __future__ import annotations

SOURCE = "vi"  # the language the data is written in; first in `languages`, at the site root
