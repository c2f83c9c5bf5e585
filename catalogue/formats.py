"""Dates, money, numbers, percentages and file sizes as each language writes them, through Babel
(the locale of each language is in its words file: catalogue/words/<code>.yaml)."""

from __future__ import annotations

import functools
import math
from datetime import date

from babel.dates import format_date as babel_date
from babel.numbers import format_currency, format_decimal
from babel.numbers import format_percent as babel_percent

from .languages import language


@functools.lru_cache(maxsize=8192)  # a catalogue's pages write the same few hundred days again and again
def format_date(day: date, lang: str) -> str:
    """28/11/2026 in Vietnamese, 28 Nov 2026 in English, 2026年11月28日 in Chinese: the words file's
    `dates`, one of Babel's formats (short, medium, long) or a CLDR pattern."""
    spoken = language(lang)
    return babel_date(day, spoken.dates, locale=spoken.babel)


def format_number(number: int, lang: str) -> str:
    """A whole number with the language's grouping: 28.200 in Vietnamese, 28,200 in English."""
    return format_decimal(number, locale=language(lang).babel)


def format_percent(share: float, lang: str) -> str:
    """72,2% in Vietnamese, 72.2% in English: rounded down to one decimal, so that a share just short
    of a target never reads as the target."""
    tenths = math.floor(share * 1000 + 1e-9)
    return babel_percent(tenths / 1000, format="#,##0.#%", locale=language(lang).babel)


def format_vnd(amount: int, lang: str) -> str:
    """An amount in Vietnamese đồng, in every language (prices are what the producers charge):
    150.000 ₫ in Vietnamese, ₫150,000 in English and Chinese (VND has no minor unit)."""
    return format_currency(amount, "VND", locale=language(lang).babel)


def format_size(size: int, lang: str) -> str:
    """A file size for a download link: 2,1 MB in Vietnamese, 2.1 MB in English (never less than 0.1 MB)."""
    return f"{format_decimal(max(size / 1_000_000, 0.1), format='0.0', locale=language(lang).babel)} MB"
