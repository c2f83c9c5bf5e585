"""Old ways of writing translated text, still read so that existing catalogues keep building.

Translated text is written one way: `translations.<lang>.<field>` (DESIGN.md §2). Catalogues made
before that wrote flat English fields (`name_en`, `hours_en`) and a site name by language
(`site_name: {vi: ..., en: ...}`). Before its model sees a file, `upgrade` rewrites those shapes
into the new one, moves their line numbers along (so a later error still names the right line),
and returns one warning per old shape naming the new form.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .languages import SOURCE
from .load import Document, Loc
from .messages import Message, msg

OLD_FORM = "old-form"
TWICE = "translation-twice"
# Flat fields '<field>_en' of the catalogue settings, where each was written.
_FLAT = {"office": ("name",), "sales_points": ("name", "hours")}
_FLAT_LANG = "en"  # the only language the flat fields were ever written for


@dataclass(frozen=True)
class Notice:
    """An old shape found (a warning) or written twice, old and new (an error)."""

    loc: Loc
    code: str
    message: Message


def upgrade_settings(doc: Document) -> list[Notice]:
    """Rewrite the old shapes in catalogue settings (`doc.data`) into `translations`; say what was found."""
    data = doc.data
    notices = _site_name(doc, data)
    office = data.get("office")
    if isinstance(office, dict):
        notices += _flat(doc, office, ("office",), _FLAT["office"])
    points = data.get("sales_points")
    if isinstance(points, list):
        for i, point in enumerate(points):
            if isinstance(point, dict):
                notices += _flat(doc, point, ("sales_points", i), _FLAT["sales_points"])
    return notices


def _flat(doc: Document, record: dict[str, Any], loc: Loc, fields: tuple[str, ...]) -> list[Notice]:
    notices = []
    for field in fields:
        old = f"{field}_{_FLAT_LANG}"
        if old not in record:
            continue
        twice = _move(doc, record, loc, old, (_FLAT_LANG, field), record.pop(old))
        new_form = f"translations: {{{_FLAT_LANG}: {{{field}: …}}}}"
        notices += twice or [Notice((*loc, old), OLD_FORM, msg("settings.old-flat", old=old, new=new_form))]
    return notices


def _site_name(doc: Document, data: dict[str, Any]) -> list[Notice]:
    names = data.get("site_name")
    if not isinstance(names, dict) or SOURCE not in names:
        return []  # not the old shape, or one the settings model reports as it stands
    data["site_name"] = names.pop(SOURCE)
    notices = []
    for lang, text in names.items():
        notices += _move(doc, data, (), ("site_name", lang), (lang, "site_name"), text, old_key="site_name." + str(lang))
    if notices:
        return notices
    example = ", ".join(f"{lang}: {{site_name: …}}" for lang in names) or "en: {site_name: …}"
    notices.append(
        Notice(
            ("site_name",),
            OLD_FORM,
            msg("settings.old-site-name", source=SOURCE, example=example),
        )
    )
    return notices


def _move(
    doc: Document, record: dict[str, Any], at: Loc, old: str | Loc, new: tuple[str, str], value: Any, old_key: str = ""
) -> list[Notice]:
    """Put `value` at `translations.<lang>.<field>` (`new`) of `record`, which is at `at` in `doc`,
    keeping the line it had at `old` (a key of the record, or a path below it); refuse it when
    the new form is written too."""
    old_loc = (*at, *((old,) if isinstance(old, str) else old))
    translations = record.setdefault("translations", {})
    translation = translations.setdefault(new[0], {}) if isinstance(translations, dict) else None
    if not isinstance(translation, dict):
        return []  # `translations` is not a mapping of mappings: the model reports it
    if new[1] in translation:
        shown, was = f"translations.{new[0]}.{new[1]}", old_key or str(old)
        return [Notice(old_loc, TWICE, msg("settings.twice", old=was, new=shown))]
    translation[new[1]] = value
    line = doc.line_of(old_loc)
    new_loc = (*at, "translations", *new)
    for end in range(len(at) + 1, len(new_loc) + 1):
        doc.lines.setdefault(new_loc[:end], line)
    return []
