"""Problems found in the catalogue's files, collected into one report.

Every problem names its file (relative to the working directory), its line, a stable code and a
message a programme officer can act on: `products/x.yaml:7: error: stars: phải là 3, 4 hoặc 5,
nhưng đang là 6 [invalid-value]`, or with `--lang en` `... error: stars: must be 3, 4 or 5, got 6
[invalid-value]`. The message is kept as a `catalogue.messages.Message` and worded only when the
report is shown, in the reader's language; the code, the file, the line and the words `error` and
`warning` are the same in every language (scripts and editors read them).

To report a problem: `report.add(path, line, "code", msg("check.some-key", value=...))`, or
`report.warn(...)` for a warning. A plain `str` is accepted too and shown as it is in every
language (for text that is not a sentence of ours, such as a cell reference).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from .messages import DEFAULT, Message
from .rules import printable

Said = Message | str
"""What a problem says: a message worded when shown, or a text shown as it is."""


class Severity(StrEnum):
    """Errors stop the build; warnings are shown and let it go on."""

    ERROR = "error"
    WARNING = "warning"


def display_path(path: Path | str) -> str:
    """The path as shown to the user: relative to the working directory, with forward slashes."""
    return os.path.relpath(path).replace(os.sep, "/")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file."""

    file: str
    line: int
    severity: Severity
    message: Said
    code: str

    def text(self, lang: str = DEFAULT) -> str:
        """The message in `lang`; control characters are shown as escapes, so that a bad value can
        neither break the one-line format nor reorder the terminal's text."""
        return printable(self.message.text(lang) if isinstance(self.message, Message) else self.message)

    def show(self, lang: str = DEFAULT) -> str:
        """The problem as one line: `FILE:LINE: error: MESSAGE [code]`, the message in `lang`."""
        return f"{self.file}:{self.line}: {self.severity}: {self.text(lang)} [{self.code}]"

    def as_dict(self, lang: str = DEFAULT) -> dict[str, object]:
        """The problem for `--format json`, the message in `lang`."""
        return {"file": self.file, "line": self.line, "severity": str(self.severity), "message": self.text(lang), "code": self.code}

    def __str__(self) -> str:
        return self.show(DEFAULT)


@dataclass
class Report:
    """Every problem of a run, in file and line order."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, path: Path | str, line: int, code: str, message: Said, severity: Severity = Severity.ERROR) -> None:
        """Record a problem in `path` at `line`: `message` is a `Message` (`msg("check.…", …)`),
        worded when the report is shown, or a plain text shown as it is."""
        self.problems.append(Problem(printable(display_path(path)), line, severity, message, code))

    def warn(self, path: Path | str, line: int, code: str, message: Said) -> None:
        """Record a warning."""
        self.add(path, line, code, message, Severity.WARNING)

    @property
    def errors(self) -> list[Problem]:
        """The problems that stop the build."""
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        """The problems that do not stop the build."""
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not self.errors

    def sorted(self) -> list[Problem]:
        """Problems by file, then line (then severity, and the English text, the same order in every language)."""
        return sorted(self.problems, key=lambda p: (p.file, p.line, p.severity, p.text("en"), p.code))

    def to_text(self, lang: str = DEFAULT) -> str:
        """One line per problem, the messages in `lang`."""
        return "\n".join(p.show(lang) for p in self.sorted())

    def to_json(self, lang: str = DEFAULT, **summary: object) -> str:
        """The problems as a JSON document, with summary figures first and the messages in `lang`."""
        counts = {"errors": len(self.errors), "warnings": len(self.warnings)}
        problems = [p.as_dict(lang) for p in self.sorted()]
        return json.dumps({**summary, **counts, "problems": problems}, ensure_ascii=False, indent=2)
