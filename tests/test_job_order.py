"""Media jobs start as soon as the jobs they read have finished (catalogue/jobs/run.py): a job is
always given the outputs of every job it needs that was made in the same run, in this process
or across workers, and a job that needs nothing made now does not wait for one that does."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest

from catalogue.jobs.cache import MediaCache
from catalogue.jobs.job import Input, Job
from catalogue.jobs.run import run_jobs


@dataclass(frozen=True)
class Step:
    """A job that waits `seconds` and notes which inputs it was given and when it ended."""

    kind: ClassVar[str] = "step"
    name: str
    seconds: float = 0.0

    def run(self, inputs: Mapping[str, Input]) -> tuple[dict[str, bytes], dict[str, object]]:
        time.sleep(self.seconds)
        return {f"steps/{self.name}.txt": self.name.encode()}, {"read": sorted(inputs), "ended": time.monotonic()}


def job(name: str, seconds: float = 0.0, needs: tuple[str, ...] = ()) -> Job:
    return Job(f"key-{name}", Step(name, seconds), needs=needs)


@pytest.mark.parametrize("workers", [1, 2])
def test_each_job_gets_what_it_needs_and_none_waits_for_more(tmp_path: Path, workers: int) -> None:
    cached = job("cached")
    cache = MediaCache(tmp_path / "cache")
    run_jobs([cached], cache, lambda job, error: pytest.fail(str(error)), workers=1)
    jobs = [
        job("slow", 0.6),
        job("after-slow", needs=("key-slow",)),
        job("after-after", needs=("key-after-slow",)),
        job("quick", 0.05, needs=("key-cached",)),
        job("both", needs=("key-slow", "key-quick", "key-cached")),
        cached,
    ]
    entries, stats = run_jobs(jobs, cache, lambda job, error: pytest.fail(str(error)), workers=workers)
    assert (stats.jobs, stats.reused, stats.made) == (6, 1, 5)
    meta = {key.removeprefix("key-"): entry.meta for key, entry in entries.items()}
    assert meta["after-slow"]["read"] == ["key-slow"]
    assert meta["after-after"]["read"] == ["key-after-slow"]
    assert meta["both"]["read"] == ["key-cached", "key-quick", "key-slow"]
    assert meta["quick"]["read"] == ["key-cached"]
    if workers > 1:  # the quick job did not wait for the slow one to finish
        assert meta["quick"]["ended"] < meta["slow"]["ended"]
