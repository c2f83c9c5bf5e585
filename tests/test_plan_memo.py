"""The plan of a build taken partly from the last build's (catalogue/jobs/plan_memo.py) is the plan
worked out whole: after an edit, a new photo, a producer renamed, on another day, with the memo's
file damaged; and only the changed products' keys are worked out again."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

import catalogue.jobs.cache as job_cache
from catalogue.jobs.cache import MediaCache, as_json, job_key, job_key_of, json_list
from catalogue.jobs.job import Job
from catalogue.media_stage import plan
from catalogue.record_cache import RecordCache
from catalogue.stamp import code_digest
from catalogue.validate import validate

TODAY = date(2026, 11, 28)
EDITED = "products/bach-tra-shan-phong-tho.yaml"


def planned(root: Path, today: date = TODAY) -> tuple[list[Job], list[Job]]:
    """The catalogue at `root` planned with the memo beside its cache, and planned whole (its
    records without keys: the memo is not used), after validating it through the record cache."""
    records = RecordCache(root / ".cache" / "records", code_digest())
    catalogue, report = validate(root / "products", root / "producers", records=records, today=today)
    assert report.ok, report.problems
    assert catalogue.record_keys
    cache = MediaCache(root / ".cache" / "media")
    with_memo = plan(catalogue, today, cache)
    cache.remember()
    catalogue.record_keys.clear()
    return with_memo, plan(catalogue, today, MediaCache(root / ".cache" / "media"))


@pytest.fixture
def keys_worked_out(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many job keys of each kind the plan works out."""
    counted: Counter[str] = Counter()
    original = job_cache.digest

    def counting(*parts: object) -> str:
        counted[str(parts[0])] += 1
        return original(*parts)

    monkeypatch.setattr(job_cache, "digest", counting)
    return counted


def test_a_job_key_of_texts_is_the_job_key_of_the_values() -> None:
    entries = [{"name": "Mật ong (rừng) \\ {nb} </script><b>", "stars": 4, "day": dt.date(2026, 1, 2)}, {"b": [1, 2.5, None], "a": True}]
    parts = ("catalogue-pdf", 3, "vi", entries, "print/a.pdf", {"z": "ż", "a": ["x", ("y",)]})
    texts = [as_json(part) for part in parts[:3]] + [json_list(as_json(entry) for entry in entries)] + [as_json(p) for p in parts[4:]]
    assert job_key_of(*texts) == job_key(*parts)
    assert json_list([]) == as_json([])


def test_a_plan_from_the_memo_is_the_plan_worked_out(demo_copy: Path, keys_worked_out: Counter[str]) -> None:
    first, whole = planned(demo_copy)
    assert first == whole
    assert keys_worked_out["photo"] and keys_worked_out["qr"] and keys_worked_out["poster"]
    keys_worked_out.clear()
    records = RecordCache(demo_copy / ".cache" / "records", code_digest())
    catalogue, _ = validate(demo_copy / "products", demo_copy / "producers", records=records, today=TODAY)
    again = plan(catalogue, TODAY, MediaCache(demo_copy / ".cache" / "media"))
    assert again == whole
    # Nothing changed: only the site's share cards and the calibration page, which no product decides, are keyed again.
    assert set(keys_worked_out) == {"site-card", "calibration"}


def test_an_edit_works_out_the_keys_of_the_edited_product_alone(demo_copy: Path, keys_worked_out: Counter[str]) -> None:
    before, _ = planned(demo_copy)
    path = demo_copy / EDITED
    path.write_text(path.read_text(encoding="utf-8").replace("name: ", "name: Mật ong (rừng) \\ {nb} </script><b> ", 1), encoding="utf-8")
    keys_worked_out.clear()
    after, whole = planned(demo_copy)
    assert after == whole
    assert after != before
    # The edited product's QR codes and poster are keyed again (its name is on the poster); once in the memo's
    # plan, once in the plan worked out whole (which keys each of the 48 products' codes).
    products = len(list((demo_copy / "products").glob("*.yaml")))
    assert keys_worked_out["poster"] == 1 + sum(1 for job in whole if job.kind == "poster")
    assert keys_worked_out["qr"] == sum(1 for job in whole if job.kind == "qr") + sum(
        1 for job in whole if job.kind == "qr" and job.product == "bach-tra-shan-phong-tho"
    )
    assert products > 40


def test_a_photo_changed_in_place_a_renamed_producer_and_another_day_change_the_plan_as_worked_out(demo_copy: Path) -> None:
    before, _ = planned(demo_copy)
    photo = next(job for job in before if job.kind == "photo")
    photo.params.source.write_bytes(photo.params.source.read_bytes() + b"\0")  # type: ignore[attr-defined]
    producer = next((demo_copy / "producers").glob("*.yaml"))
    text = producer.read_text(encoding="utf-8")
    producer.write_text(text.replace("name: ", "name: Đổi tên ", 1), encoding="utf-8")
    after, whole = planned(demo_copy)
    assert after == whole
    assert photo.key not in {job.key for job in after}
    assert {job.key for job in after if job.kind == "catalogue-pdf"} != {job.key for job in before if job.kind == "catalogue-pdf"}
    later, whole = planned(demo_copy, TODAY + dt.timedelta(days=400))
    assert later == whole
    assert {job.key for job in later} != {job.key for job in after}


@pytest.mark.parametrize("damage", [b"", b"not a pickle", None])
def test_a_damaged_memo_is_worked_out_again(demo_copy: Path, damage: bytes | None) -> None:
    planned(demo_copy)
    memo = demo_copy / ".cache" / "plan-memo.pickle"
    assert memo.is_file()
    if damage is None:
        import pickle

        memo.write_bytes(pickle.dumps({"bach-tra-shan-phong-tho": ("not the key", {"poster": "x"}), "x": 3}))
    else:
        memo.write_bytes(damage)
    with_memo, whole = planned(demo_copy)
    assert with_memo == whole
