"""Lines still marked TODO: what a stub written from a decision's annex leaves for the office to fill in.

`python -m catalogue import-decision` writes a file per new product with `TODO` where the annex
did not say (the certificate number, a summary, a phone...). `--check` lists each such line as an
error with the code `[todo]`, so that a stub cannot be published by accident; the other problems of
that line (a `phone: TODO` is no phone number) are left out, since nobody has written it yet.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from .messages import Message, msg
from .problems import Report, display_path
from .record_cache import RecordCache

TODO = "TODO"
_TODO = re.compile(r"\bTODO\b")


def todo_lines(text: str) -> list[tuple[int, str]]:
    """(line number, the line without its indentation) of every line that holds the word TODO."""
    return [(number, line.strip()) for number, line in enumerate(text.splitlines(), 1) if _TODO.search(line)]


def _lines(path: Path, sources: Mapping[Path, str], cache: RecordCache | None) -> list[tuple[int, str]]:
    """`todo_lines` of the file at `path` (or of its text in `sources`); with `cache`, a file whose
    bytes were looked through before (by their digest, as the build read them for its key) is not
    read again, and what is read is remembered by the digest of the bytes read."""
    if path in sources:
        return todo_lines(sources[path])
    given = cache.digests.get(str(path)) if cache else None
    known = cache.todo_lines(given) if cache and given else None
    if known is not None:
        return known
    try:
        raw = path.read_bytes()
    except OSError:
        return []  # an unreadable file has its own problem already
    lines = todo_lines(raw.decode("utf-8", "replace")) if TODO.encode() in raw else []
    if cache:
        cache.keep_todo_lines(hashlib.sha256(raw).digest(), lines)
    return lines


def list_todos(files: Iterable[Path], sources: Mapping[Path, str], report: Report, cache: RecordCache | None = None) -> None:
    """Add a `[todo]` error for each TODO line of `files`, in place of any other problem on that
    line (with `cache`: see `_lines`)."""
    for path in files:
        lines = _lines(path, sources, cache)
        if not lines:
            continue
        shown = display_path(path)
        marked = {number for number, _ in lines}
        report.problems = [p for p in report.problems if not (p.file == shown and p.line in marked)]
        for number, line in lines:
            report.add(path, number, "todo", todo_message(line))


def todo_message(line: str) -> Message:
    """'summary: TODO  # một dòng giới thiệu' → 'summary: chưa điền (TODO): một dòng giới thiệu; …'
    (the hint is the line's own comment, as the stub wrote it)."""
    content, _, comment = line.partition("#")
    key, colon, _ = content.partition(":")
    field = key.strip() if colon and key.strip() and " " not in key.strip() else ""
    hint = comment.strip().removeprefix(TODO).lstrip(": ").strip()
    text = msg("decision.todo", hint=f": {hint}" if hint else "")
    return msg("field.at", path=field, message=text) if field else text
