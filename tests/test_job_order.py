"""Media jobs start as soon as the jobs they read have finished (catalogue/jobs/run.py): a job is
always given the outputs of every job it needs that was made in the same run, in this process
or across workers, and a job that needs nothing made now does not wait for one that does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest

from catalogue.jobs.cache import MediaCache
from catalogue.jobs.job import Input, Job
from catalogue.jobs.run import run_jobs, warm_pool
from catalogue.makers.fonts import load_fonts

from .conftest import REPO


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


@dataclass(frozen=True)
class Loaded:
    """A job that notes whether its process had the PDF library loaded before it started, and its priority."""

    kind: ClassVar[str] = "loaded"
    name: str

    def run(self, inputs: Mapping[str, Input]) -> tuple[dict[str, bytes], dict[str, object]]:
        return {f"loaded/{self.name}.txt": b""}, {"fpdf": "fpdf" in sys.modules, "pid": os.getpid(), "nice": os.nice(0)}


def stopped(pool: ProcessPoolExecutor) -> bool:
    """Whether `pool` takes no more jobs."""
    try:
        pool.submit(int)
    except RuntimeError:
        return True
    return False


def warm_run(folder: str) -> None:
    """Run jobs in processes from `warm_pool` and print what they and this process had loaded."""
    pool = warm_pool(load_fonts, 2, nice=3)
    assert pool is not None
    jobs = [Job(f"key-{n}", Loaded(str(n))) for n in range(4)] + [job("slow", 0.2, needs=("key-0",))]
    entries, stats = run_jobs(jobs, MediaCache(Path(folder)), lambda job, error: sys.exit(str(error)), pool=pool)
    loaded = [entries[f"key-{n}"].meta for n in range(4)]
    again = warm_pool(load_fonts, 2)  # every job is in the cache now: the processes are stopped at once
    assert again is not None
    _, rerun = run_jobs(jobs, MediaCache(Path(folder)), lambda job, error: sys.exit(str(error)), pool=again)
    facts = {"made": stats.made, "workers": loaded, "here": "fpdf" in sys.modules, "pid": os.getpid(), "stopped": stopped(pool)}
    facts["nice"] = os.nice(0)
    print(json.dumps(facts | {"reused": rerun.reused, "stopped_again": stopped(again)}))


def test_jobs_run_in_processes_started_earlier_with_the_fonts_loaded_and_then_stop_them(tmp_path: Path) -> None:
    # In a process of its own, which has not loaded the PDF library itself (this one may have).
    script = "import sys; from tests.test_job_order import warm_run; warm_run(sys.argv[1])"
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], cwd=REPO, capture_output=True, text=True, check=True)
    seen = json.loads(done.stdout)
    assert seen["made"] == 5 and not seen["here"]
    assert all(worker["fpdf"] and worker["pid"] != seen["pid"] for worker in seen["workers"])  # loaded before their first job
    # They run at a lower priority than this process (as far as the system goes: 19 is the lowest).
    assert all(worker["nice"] == min(seen["nice"] + 3, 19) for worker in seen["workers"])
    assert seen["stopped"]  # the processes were stopped with the last job
    assert seen["reused"] == 5 and seen["stopped_again"]  # or at once, with no job to make
    assert warm_pool(load_fonts, 1) is None  # one core: the jobs are made in this process


def test_a_warmed_up_media_process_has_loaded_what_its_first_print_file_would_load() -> None:
    # In a process of its own, which has loaded none of it before (this one may have).
    script = (
        "import json, sys; from catalogue.printing.warm import warm_up; warm_up(); import babel.localedata as data; "
        "from catalogue.jobs.cache import library_versions; versions = library_versions.cache_info().currsize; "
        "print(json.dumps({'modules': sorted(sys.modules), 'dates': sorted(data._cache), 'versions': versions}))"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True)
    seen = json.loads(done.stdout)
    assert {"fpdf", "fpdf.output", "fpdf.image_parsing", "PIL.JpegImagePlugin"} <= set(seen["modules"])
    assert "en" in seen["dates"] and seen["versions"] == 1
