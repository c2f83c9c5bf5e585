"""The text of a stub: a product or producer file written from an annex, in the house style, with
`TODO` on each line the office must still fill in (`--check` lists them with the code `[todo]`)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

import yaml

from .yaml_edit import SCHEMA_LINE

TODO = "TODO"


@dataclass
class Line:
    """One `key: value` line of a stub, with its comment; `todo` marks a value still to fill in."""

    key: str
    value: object
    comment: str = ""
    todo: bool = False
    indent: int = 0
    quoted: bool = False


@dataclass
class Stub:
    """A stub file: its record kind, the comment lines on top and its lines."""

    record: str
    header: list[str]
    lines: list[Line] = field(default_factory=list)

    def add(self, key: str, value: object, comment: str = "", todo: bool = False, indent: int = 0, quoted: bool = False) -> None:
        """Add a line; a value of None is written as TODO (a value given but `todo` gets TODO in its comment)."""
        self.lines.append(Line(key, value, comment, todo or value is None, indent, quoted))

    def text(self) -> str:
        """The file's text."""
        out = [SCHEMA_LINE.format(record=self.record), *(f"# {one_line(line)}\n" for line in self.header)]
        for line in self.lines:
            value = TODO if line.value is None else quoted(line.value) if line.quoted else scalar(line.value)
            note = one_line(f"{TODO}: {line.comment}" if line.todo and line.value is not None else line.comment)
            head = " " * line.indent + f"{line.key}:"
            out.append(f"{head}{' ' + value if value else ''}{'  # ' + note if note else ''}\n")
        return "".join(out)


def one_line(text: str) -> str:
    """A comment's text on one line: an annex cell quoted in a comment may hold line breaks, and
    a break would end the comment and make the rest of the cell YAML."""
    return " ".join(text.split())


def quoted(value: object) -> str:
    """A value as a double-quoted YAML scalar (JSON's quoting is YAML's)."""
    return json.dumps(str(value), ensure_ascii=False)


def scalar(value: object) -> str:
    """A value as one YAML scalar: plain where that reads back the same, quoted otherwise; '' for a mapping's key line."""
    if value == "":
        return ""
    if isinstance(value, bool | int | date):
        return str(value).lower() if isinstance(value, bool) else str(value)
    text = str(value)
    plain = yaml.safe_dump(text, allow_unicode=True, default_flow_style=True, width=1 << 30).removesuffix("\n...\n").strip()
    if plain == text and text.strip() == text and not any(c in text for c in "#\n"):
        return text
    return quoted(text)
