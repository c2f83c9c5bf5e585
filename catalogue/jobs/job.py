"""A unit of media or print work: typed parameters that know how to make their files.

Each kind of job is a frozen dataclass (`catalogue.media.jobs`, `catalogue.printing.jobs`) with a
`run` method, so a job is picklable by reference to its class and runs the same in this process or
in a worker started with `fork` or `spawn`. A job that cannot make its files raises `JobError`;
`run_job` turns that into an `Outcome` with an error, so no exception crosses a process boundary.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, Protocol, TypeAlias

from ..messages import Message

# What a job's meta may hold: it is kept as JSON beside its files in the cache.
Json: TypeAlias = "str | int | float | bool | list[Json] | dict[str, Json] | None"
Meta = dict[str, Json]
Files = dict[str, bytes]


@dataclass(frozen=True)
class Input:
    """The cached outputs of a job that another job reads: its folder and its meta."""

    folder: Path
    meta: Meta


class JobError(Exception):
    """A job could not make its files: a problem code and a message for the catalogue's author
    (a `Message`, worded in the reader's language when the problem is shown, or a plain text)."""

    def __init__(self, code: str, message: Message | str) -> None:
        super().__init__(code, message)
        self.code = code
        self.message = message


class Params(Protocol):
    """The parameters of one kind of job."""

    kind: ClassVar[str]

    def run(self, inputs: Mapping[str, Input]) -> tuple[Files, Meta]:
        """Make the files (paths relative to the site) and a little meta; `inputs` are the jobs
        named in `Job.needs`, by key (one that failed is absent)."""
        ...


@dataclass(frozen=True)
class Job:
    """One unit of work, identified by the hash of its inputs."""

    key: str
    params: Params
    product: str | None = None
    image: int | None = None
    # Keys of jobs whose outputs this one reads: it runs after them, given their folders and meta.
    needs: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        """The kind of job ('photo', 'qr', 'labels'…), as problems name it."""
        return self.params.kind


@dataclass(frozen=True)
class Outcome:
    """What a job made, or the problem that stopped it as (code, message)."""

    files: Files = field(default_factory=dict)
    meta: Meta = field(default_factory=dict)
    error: tuple[str, Message | str] | None = None


def run_job(job: Job, inputs: Mapping[str, Input] | None = None) -> Outcome:
    """Run one job; a `JobError` comes back as the outcome's error."""
    try:
        files, meta = job.params.run(inputs or {})
    except JobError as failed:
        return Outcome(error=(failed.code, failed.message))
    return Outcome(files, meta)
