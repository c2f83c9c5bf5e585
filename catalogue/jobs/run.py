"""Run jobs: reuse what the cache holds, make the rest in parallel processes, and keep what they made."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from typing import TextIO

from .cache import Entry, MediaCache
from .job import Input, Job, Outcome, run_job


@dataclass
class RunStats:
    """What a run did: jobs planned, reused from the cache, made."""

    jobs: int = 0
    reused: int = 0
    made: int = 0


class Progress:
    """A progress line on stderr for long runs: rewritten in place on a terminal, every 10% otherwise."""

    def __init__(self, total: int, stream: TextIO = sys.stderr, minimum: int = 24) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.active = total >= minimum
        self.tty = stream.isatty()

    def step(self) -> None:
        """Count one finished job."""
        self.done += 1
        if not self.active:
            return
        if self.tty:
            self.stream.write(f"\rmedia: {self.done}/{self.total} ({self.done * 100 // self.total}%)")
        elif self.done % max(1, self.total // 10) == 0 or self.done == self.total:
            self.stream.write(f"media: {self.done}/{self.total}\n")
        self.stream.flush()

    def close(self) -> None:
        """End the progress line."""
        if self.active and self.tty:
            self.stream.write("\n")


def run_jobs(
    jobs: list[Job],
    cache: MediaCache,
    failed: Callable[[Job, tuple[str, str]], None],
    workers: int | None = None,
    stream: TextIO = sys.stderr,
) -> tuple[dict[str, Entry], RunStats]:
    """The cache entry of every job that was reused or made, by key; `failed` hears of each job
    that could not be made (code, message)."""
    entries: dict[str, Entry] = {}
    todo = []
    for job in jobs:
        entry = cache.get(job.key)
        if entry is None:
            todo.append(job)
        else:
            entries[job.key] = entry
    stats = RunStats(jobs=len(jobs), reused=len(entries))
    progress = Progress(len(todo), stream)
    # Jobs that read other jobs' outputs (the printed catalogue) run in a second wave.
    first, second = [job for job in todo if not job.needs], [job for job in todo if job.needs]
    for wave, in_process_below in ((first, 4), (second, 2)):
        ready = [(job, _inputs(job, entries)) for job in wave]
        for job, outcome in _execute(ready, workers, progress, in_process_below):
            if outcome.error is not None:
                failed(job, outcome.error)
                continue
            entries[job.key] = cache.put(job.key, outcome.files, outcome.meta)
            stats.made += 1
    progress.close()
    return entries, stats


def _inputs(job: Job, entries: dict[str, Entry]) -> dict[str, Input]:
    """The cache folder and meta of each job `job` needs (those that failed are left out)."""
    return {key: Input(entries[key].folder, entries[key].meta) for key in job.needs if key in entries}


def _execute(
    jobs: list[tuple[Job, dict[str, Input]]], workers: int | None, progress: Progress, in_process_below: int = 4
) -> Iterator[tuple[Job, Outcome]]:
    """Run jobs across processes (in this process when there are fewer than `in_process_below`), yielding as they finish."""
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(jobs) < in_process_below:
        for job, inputs in jobs:
            outcome = run_job(job, inputs)
            progress.step()
            yield job, outcome
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(run_job, job, inputs): job for job, inputs in jobs}
        for future in as_completed(futures):
            progress.step()
            yield futures[future], future.result()
