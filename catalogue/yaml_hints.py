"""What went wrong when a catalogue file is not valid YAML, said the way an office can fix it.

The parser's own words ("mapping values are not allowed in this context") name the rule, not the
mistake. The usual mistakes are few: a value holding ": " without quotes (`summary: Đặc sản:
Miến…`), and a space pasted from Word (U+00A0, the non-breaking space) where YAML needs a plain
one, which the parser only notices a line or more later.
"""

from __future__ import annotations

import re
import unicodedata

from .messages import Message, msg

# Spaces that look like a space but are not one to YAML: pasted from Word, a web page or a chat.
ODD_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff"
_ODD = f"[{ODD_SPACES}]"
# Where an odd space breaks the structure: in the indentation, after a list's dash, or after a key's colon.
_STRUCTURAL = re.compile(rf"^[ \t]*{_ODD}|^[ \t]*-{_ODD}|^[ \t]*(?:-[ \t]+)?[^\s:#'\"{{\[][^:#]*:{_ODD}")
_ANY_ODD = re.compile(_ODD)
# `key: value` where the value (not quoted, not a flow collection) holds ": " too.
_COLON_IN_VALUE = re.compile(r"^(?P<lead>[ \t]*(?:-[ \t]+)?)(?P<key>[^\s:#'\"{\[][^:#]*?):[ \t]+(?P<value>[^'\"{\[#\s][^#]*?: .*?)[ \t]*$")
# libyaml's words for the usual problems, and ours (messages yaml.problem.*).
_PROBLEMS = {
    "mapping values are not allowed": "yaml.problem.mapping-values",
    "could not find expected ':'": "yaml.problem.expected-colon",
    "did not find expected key": "yaml.problem.expected-key",
    "found character '\\t' that cannot start any token": "yaml.problem.tab",
    "found character that cannot start any token": "yaml.problem.bad-start",
    "found unexpected end of stream": "yaml.problem.end-of-stream",
    "found unknown escape character": "yaml.problem.escape",
    "did not find expected '-' indicator": "yaml.problem.expected-dash",
    "did not find expected ',' or ']'": "yaml.problem.flow-sequence",
    "did not find expected ',' or '}'": "yaml.problem.flow-mapping",
}
_EXAMPLE_MAX = 60


def space_name(char: str) -> Message:
    """What an odd space is called: 'dấu cách không ngắt' / 'a non-breaking space'."""
    names = {"\u00a0": "space.nbsp", "\u202f": "space.narrow-nbsp", "\u200b": "space.zero-width", "\ufeff": "space.zero-width"}
    return msg(names.get(char, "space.other"), name=unicodedata.name(char, "").lower())


def odd_space(text: str) -> str | None:
    """The first odd space in `text`, or None."""
    found = _ANY_ODD.search(text)
    return found.group(0) if found else None


def odd_space_problem(text: str, error_line: int) -> tuple[int, Message] | None:
    """The line and message of an odd space that broke the YAML, when the parser stopped at
    `error_line`: the first in a place where YAML needs a plain space (indentation, after a dash
    or a colon) up to that line, else one on that line itself."""
    lines = text.splitlines()[:error_line]
    found = next(((n, m) for n, line in enumerate(lines, 1) if (m := _STRUCTURAL.search(line))), None)
    if found is None and lines:
        match = _ANY_ODD.search(lines[-1])
        found = (len(lines), match) if match else None
    if found is None:
        return None
    line, match = found
    char = match.group(0)[-1]
    return line, msg("yaml.odd-space", space=space_name(char), point=f"{ord(char):04X}")


def syntax_message(problem: str, column: int | None, source_line: str) -> Message:
    """The message for a YAML syntax error: `problem` in the parser's words, at `column` (from 0) of `source_line`."""
    if problem.startswith("mapping values are not allowed"):
        quoted = _quote_fix(source_line)
        if quoted:
            return quoted
    key = next((key for start, key in _PROBLEMS.items() if problem.startswith(start)), None)
    said: Message | str = msg(key) if key else problem or "?"
    hint: Message | str = msg("yaml.tabs-hint") if "\t" in source_line else ""
    if column is None:
        return msg("yaml.syntax", problem=said)
    return msg("yaml.syntax-at", problem=said, column=column + 1, hint=hint)


def _quote_fix(source_line: str) -> Message | None:
    """`summary: Đặc sản: Miến` → the value must be quoted: `summary: "Đặc sản: Miến"`."""
    match = _COLON_IN_VALUE.match(source_line)
    if not match:
        return None
    key, value = match.group("key").strip(), match.group("value")
    shown = value if len(value) <= _EXAMPLE_MAX else value[: _EXAMPLE_MAX - 1] + "…"
    shown = shown.replace("\\", "\\\\").replace('"', '\\"')
    return msg("yaml.colon-in-value", key=key, fix=f'{key}: "{shown}"')
