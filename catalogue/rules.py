"""Small pure domain rules: GTIN check digits, month arithmetic, phone numbers, text checks."""

from __future__ import annotations

import calendar
import difflib
import functools
import re
import unicodedata
from datetime import date
from urllib.parse import urlsplit

_GTIN_LENGTHS = (8, 12, 13, 14)


def gtin_check_digit(body: str) -> int:
    """Return the GS1 check digit for the digits of a GTIN without its last digit."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def gtin_is_valid(code: str) -> bool:
    """True when `code` is a GTIN-8, -12, -13 or -14 whose check digit is right."""
    if not code.isascii() or not code.isdigit() or len(code) not in _GTIN_LENGTHS:
        return False
    return gtin_check_digit(code[:-1]) == int(code[-1])


def gtin14(code: str) -> str:
    """Pad a valid GTIN to the 14 digits used by GS1 Digital Link paths."""
    return code.rjust(14, "0")


@functools.lru_cache(maxsize=1 << 16)  # every certificate's expiry is asked for by each page, list and export that shows it
def add_months(start: date, months: int) -> date:
    """The same day `months` later, clamped to the month's last day (31 Jan + 1 → 28/29 Feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


_PHONE_SEPARATORS = re.compile(r"[\s.\-()]")
_MOBILE = re.compile(r"0[35789]\d{8}")
_LANDLINE = re.compile(r"02\d{9}")
_HOTLINE = re.compile(r"1[89]00\d{4,6}")


def normalize_phone(text: str) -> str | None:
    """Digits of a Vietnamese phone number in national form, or None when it is not one.

    Accepts mobiles (10 digits, 03/05/07/08/09), landlines (11 digits, 02 + area code),
    1800/1900 hotlines, and the international form +84 / 84 without the leading 0.
    Spaces, dots, hyphens and parentheses are ignored.
    """
    digits = _PHONE_SEPARATORS.sub("", text)
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    if not digits.isascii() or not digits.isdigit():
        return None
    if _MOBILE.fullmatch(digits) or _LANDLINE.fullmatch(digits) or _HOTLINE.fullmatch(digits):
        return digits
    return None


def is_http_url(text: str) -> bool:
    """True for an absolute http or https URL with a host and no spaces."""
    if any(c.isspace() for c in text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


# Characters no catalogue text may hold: C0 controls, DEL, C1 controls, the line and paragraph
# separators, and the bidirectional embeddings, overrides and isolates (U+202A-U+202E,
# U+2066-U+2069), which make a text display in another order than it is stored and read.
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_UNSAFE_IN_TEXT = re.compile(f"[{_UNSAFE}]")
_UNSAFE_IN_LINE = re.compile(f"[\t\n{_UNSAFE}]")
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def unsafe_character(text: str, multiline: bool = False) -> str | None:
    """The first character of `text` that no catalogue text may hold, or None.

    Tab and line feed are allowed only in `multiline` text (Markdown); YAML escapes such as
    "\\x01" or "\\u202e" are how such characters usually get in.
    """
    match = (_UNSAFE_IN_TEXT if multiline else _UNSAFE_IN_LINE).search(text)
    return match.group(0) if match else None


def printable(text: str) -> str:
    """`text` with every unsafe character (tab and line feed too) written as its YAML escape, for messages."""
    return _UNSAFE_IN_LINE.sub(lambda m: _escape(m.group(0)), text)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def fold_tone_marks(text: str) -> str:
    """Lowercase text without Vietnamese tone marks or diacritics: 'Đặc sản' → 'dac san'.

    The browser folds the same way (window.ocopContract.fold in overrides/assets/ocop-status.js,
    held equal by tests/test_contract.py): lower case by Unicode's default mapping (`str.lower`,
    as JavaScript's toLowerCase; `casefold` has no counterpart there), then every mark (general
    category M) of the decomposed text dropped."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFD", text.lower()).translate(_UNMARKED)


class _Unmarked(dict[int, int | str | None]):
    """`str.translate`'s table that drops every mark and writes đ and ð as d, filled in for each
    character the first time it is met."""

    def __missing__(self, code: int) -> int | str | None:
        char = chr(code)
        value = None if unicodedata.category(char).startswith("M") else "d" if char in "đð" else code
        self[code] = value
        return value


_UNMARKED = _Unmarked()


def fold_code(text: str) -> str:
    """A code as people may type or print it, reduced to lowercase letters and digits:
    "GCN 12/2024", "gcn-12-2024" and "GCN 12.2024" all give "gcn122024"."""
    return "".join(c for c in fold_tone_marks(text) if c.isalnum())


def suggest(word: str, choices: list[str]) -> str | None:
    """The closest of `choices` to a mistyped `word`, if one is close enough."""
    folded = {fold_tone_marks(c): c for c in choices}
    match = difflib.get_close_matches(fold_tone_marks(word), list(folded), n=1, cutoff=0.6)
    return folded[match[0]] if match else None


def slugify(value: str, separator: str = "-") -> str:
    """A heading anchor that keeps Vietnamese words readable: 'Đặc sản Tây Bắc' → 'dac-san-tay-bac'."""
    words = re.findall(r"[a-z0-9]+", fold_tone_marks(value))
    return separator.join(words)
