"""Problems found in the catalogue's files, collected into one report.

Every problem names its file (relative to the working directory), its line, a stable code and a
message a programme officer can act on: `products/x.yaml:7: error: stars: must be 3, 4 or 5,
got 6 [invalid-value]`.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path

from .rules import printable


class Severity(StrEnum):
    """Errors stop the build; warnings are shown and let it go on."""

    ERROR = "error"
    WARNING = "warning"


def display_path(path: Path | str) -> str:
    """The path as shown to the user: relative to the working directory, with forward slashes."""
    return os.path.relpath(path).replace(os.sep, "/")


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file."""

    file: str
    line: int
    severity: Severity
    message: str
    code: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.severity}: {self.message} [{self.code}]"


@dataclass
class Report:
    """Every problem of a run, in file and line order."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, path: Path | str, line: int, code: str, message: str, severity: Severity = Severity.ERROR) -> None:
        """Record a problem in `path` at `line`; control characters in the message are shown as escapes,
        so that a bad value can neither break the one-line format nor reorder the terminal's text."""
        self.problems.append(Problem(printable(display_path(path)), line, severity, printable(message), code))

    def warn(self, path: Path | str, line: int, code: str, message: str) -> None:
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
        """Problems by file, then line."""
        return sorted(self.problems)

    def to_text(self) -> str:
        """One line per problem."""
        return "\n".join(str(p) for p in self.sorted())

    def to_json(self, **summary: object) -> str:
        """The problems as a JSON document, with summary figures first."""
        counts = {"errors": len(self.errors), "warnings": len(self.warnings)}
        return json.dumps({**summary, **counts, "problems": [asdict(p) for p in self.sorted()]}, ensure_ascii=False, indent=2)
