"""The garbage collector while a site is built (catalogue/collector.py): less often, the long-lived
objects out of its sight, and as it was when the build ends, however it ends."""

from __future__ import annotations

import gc

import pytest

from catalogue.collector import YOUNGEST, fewer_collections, settle


@pytest.fixture(autouse=True)
def _collector_as_it_was():
    before = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*before)


def test_a_build_collects_less_often_and_puts_what_it_settled_out_of_sight_until_it_ends() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == (YOUNGEST, *before[1:])
        assert gc.get_freeze_count() == 0
        settle()
        assert gc.get_freeze_count() > 0
        with fewer_collections():  # a build within a build (the preview's rebuild) ends first
            settle()
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_a_failed_build_leaves_the_collector_as_it_was() -> None:
    before = gc.get_threshold()

    @fewer_collections()
    def failing() -> None:
        settle()
        raise RuntimeError("the build failed")

    with pytest.raises(RuntimeError, match="the build failed"):
        failing()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_settle_outside_a_build_does_nothing() -> None:
    settle()
    assert gc.get_freeze_count() == 0
