"""Run jobs: reuse what the cache holds, make the rest in parallel processes, and keep what they made."""

from __future__ import annotations

import collections
import contextlib
import functools
import os
import queue
import sys
from collections.abc import Callable, Collection, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
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
    pool: ProcessPoolExecutor | None = None,
) -> tuple[dict[str, Entry], RunStats]:
    """The cache entry of every job that was reused or made, by key; `failed` hears of each job
    that could not be made (code, message). The jobs are made by `pool` when it is given (started
    earlier by `warm_pool`, and shut down once they are done), else by processes of their own."""
    run = JobRun(jobs, cache, failed, workers, stream, pool)
    run.wait()
    return run.entries, run.stats


class JobRun:
    """Jobs under way (see `run_jobs`): what the cache holds is taken at once, the rest is made as
    `wait` is called. `wait` may return when the jobs the caller needs first are done, the others
    left running in the processes (a build's pages need the web media, not the print files)."""

    def __init__(
        self,
        jobs: list[Job],
        cache: MediaCache,
        failed: Callable[[Job, tuple[str, str]], None],
        workers: int | None = None,
        stream: TextIO = sys.stderr,
        pool: ProcessPoolExecutor | None = None,
    ) -> None:
        self.cache, self.failed = cache, failed
        self.entries: dict[str, Entry] = {}
        todo = []
        for job in jobs:
            entry = cache.get(job.key)
            if entry is None:
                todo.append(job)
            else:
                self.entries[job.key] = entry
        self.stats = RunStats(jobs=len(jobs), reused=len(self.entries))
        self.pending = {job.key for job in todo}  # made or failed once they leave it
        self.progress = Progress(len(todo), stream)
        self._outcomes: Iterator[tuple[Job, Outcome] | None] | None = _execute(todo, self.entries, workers, pool)

    def wait(self, but: Collection[str] | None = None) -> None:
        """Take the jobs as they finish until every one is done, or, given `but` (keys), until
        every one but those is done and the others are all running or waiting to."""
        left = len(self.pending.difference(but)) if but is not None else -1  # counted down: 55,000 jobs at 20,000 products
        while self._outcomes is not None:
            item = next(self._outcomes, _DONE)
            if item is _DONE:
                self._outcomes = None
                self.progress.close()
                return
            if item is None:  # about to wait for a job to finish
                if left == 0:
                    return
                continue
            job, outcome = item
            if but is not None and job.key not in but:
                left -= 1
            self.pending.discard(job.key)
            self.progress.step()
            if outcome.error is not None:
                self.failed(job, outcome.error)
                continue
            self.entries[job.key] = self.cache.put(job.key, outcome.files, outcome.meta)
            self.stats.made += 1


_DONE = object()


def _inputs(job: Job, entries: dict[str, Entry]) -> dict[str, Input]:
    """The cache folder and meta of each job `job` needs (those that failed are left out)."""
    return {key: Input(entries[key].folder, entries[key].meta) for key in job.needs if key in entries}


IN_PROCESS_BELOW = 2  # one job is made in this process: starting a worker would cost more


def _execute(
    todo: list[Job], entries: dict[str, Entry], workers: int | None, given: ProcessPoolExecutor | None = None
) -> Iterator[tuple[Job, Outcome] | None]:
    """Run the jobs, each once every job it needs (the printed catalogue reads the QR codes and
    photos) has finished, yielding each as it finishes; the caller adds what it made to `entries`
    before asking for the next. Across processes (`given`, or started here), where None is
    yielded each time every job that may start has started and the next must be waited for, or
    in this one for a few jobs when no processes were started for them."""
    workers = workers or os.cpu_count() or 1
    order = _Order(todo)
    if given is None and (workers == 1 or len(todo) < IN_PROCESS_BELOW):
        while job := order.next_ready():
            outcome = run_job(job, _inputs(job, entries))
            order.finished(job)
            yield job, outcome
        return
    # A pool given is shut down here too, once its jobs are done (or at once, when there are
    # none): its processes are not needed again, and the pages' processes are forked after it,
    # from this process without its threads.
    with given or ProcessPoolExecutor(max_workers=workers) as pool:
        if todo:
            yield from _across(pool, order, entries)


def _across(pool: ProcessPoolExecutor, order: _Order, entries: dict[str, Entry]) -> Iterator[tuple[Job, Outcome] | None]:
    """`_execute` in `pool`'s processes."""
    finished: queue.SimpleQueue[Future[Outcome]] = queue.SimpleQueue()
    running: dict[Future[Outcome], Job] = {}
    while True:
        while job := order.next_ready():
            future = pool.submit(run_job, job, _inputs(job, entries))
            running[future] = job
            future.add_done_callback(finished.put)
        if not running:
            return
        yield None
        done = finished.get()
        job = running.pop(done)
        order.finished(job)
        yield job, done.result()


def warm_pool(warm_up: Callable[[], None], workers: int | None = None, nice: int = 0) -> ProcessPoolExecutor | None:
    """Processes for `run_jobs` started now (None with one core), each doing `warm_up` (loading
    what the jobs will need) while this process goes on: a build starts them before it validates
    the catalogue, a time when one core would otherwise wait. `nice` lowers their priority (see
    `os.nice`), so that they take only the time that other work leaves."""
    workers = workers or os.cpu_count() or 1
    if workers == 1:
        return None
    pool = ProcessPoolExecutor(max_workers=workers, initializer=functools.partial(_started, warm_up, nice))
    pool.submit(int)  # forked processes all start with the first task
    return pool


def _started(warm_up: Callable[[], None], nice: int) -> None:
    """A process of `warm_pool`: its priority lowered by `nice`, then warmed up."""
    if nice and hasattr(os, "nice"):  # Windows has no `nice`
        with contextlib.suppress(OSError):  # a system that refuses it leaves the priority as it is
            os.nice(nice)
    warm_up()


class _Order:
    """Which jobs may start: those whose needs among the jobs to run have all finished."""

    def __init__(self, todo: list[Job]) -> None:
        keys = {job.key for job in todo}
        self.left = {job.key: len(keys.intersection(job.needs)) for job in todo}
        self.needed_by: dict[str, list[Job]] = {}
        for job in todo:
            for key in keys.intersection(job.needs):
                self.needed_by.setdefault(key, []).append(job)
        self.ready = collections.deque(job for job in todo if not self.left[job.key])

    def next_ready(self) -> Job | None:
        """A job that may start now, or None."""
        return self.ready.popleft() if self.ready else None

    def finished(self, job: Job) -> None:
        """`job` is done (made or failed): the jobs that needed only it may start."""
        for other in self.needed_by.pop(job.key, []):
            self.left[other.key] -= 1
            if not self.left[other.key]:
                self.ready.append(other)
