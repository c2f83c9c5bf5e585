"""Property-based: no input file, however broken, produces a traceback; only problems."""

from __future__ import annotations

import copy
import string
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue.validate import validate

from .conftest import FIXTURES, make_base_catalogue

BASE = yaml.safe_load((FIXTURES / "base" / "products" / "base-product.yaml").read_text(encoding="utf-8"))
BASE_SETTINGS = yaml.safe_load((FIXTURES / "base" / "catalogue.yaml").read_text(encoding="utf-8"))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 1, 1)),
    st.sampled_from(["javascript:x", "<b>x</b>", "../../x.jpg", "/etc/passwd", "2024-02-30", "yes", "012", "8:30"]),
)
values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12
)


def check(root: Path, text: str | bytes) -> None:
    """Validate a catalogue holding `text` as a product; any exception fails the test."""
    path = root / "products" / "fuzz.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
    _, report = validate(root / "products", root / "producers")
    for problem in report.problems:
        assert problem.line >= 1 and problem.code and problem.text("en")


def paths_of(data: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths_of(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += paths_of(value, (*prefix, index))
    return found


def mutate(data: dict, path: tuple, action: str, value: Any) -> dict:
    data = copy.deepcopy(data)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == "delete":
        del parent[last]
    elif action == "replace":
        parent[last] = value
    elif isinstance(parent, dict):
        parent[f"{last}_extra"] = value
    return data


@SETTINGS
@given(text=st.text(alphabet=string.printable + "ảàáạãđĐươ:-[]{}&*!|>'\"#\t\n", max_size=300))
def test_random_text(tmp_path_factory, text: str) -> None:
    check(make_base_catalogue(tmp_path_factory.mktemp("cat")), text)


@SETTINGS
@given(raw=st.binary(max_size=200))
def test_random_bytes(tmp_path_factory, raw: bytes) -> None:
    check(make_base_catalogue(tmp_path_factory.mktemp("cat")), raw)


@SETTINGS
@given(data=st.dictionaries(st.text(max_size=10), values, max_size=6))
def test_random_yaml_documents(tmp_path_factory, data: dict) -> None:
    check(make_base_catalogue(tmp_path_factory.mktemp("cat")), yaml.safe_dump(data, allow_unicode=True))


@SETTINGS
@given(st.data())
def test_mutations_of_a_valid_product(tmp_path_factory, data: st.DataObject) -> None:
    path = data.draw(st.sampled_from(paths_of(BASE)))
    action = data.draw(st.sampled_from(["delete", "replace", "add"]))
    mutated = mutate(BASE, path, action, data.draw(values))
    check(make_base_catalogue(tmp_path_factory.mktemp("cat")), yaml.safe_dump(mutated, allow_unicode=True))


@SETTINGS
@given(st.data())
def test_mutations_of_valid_sales_points(tmp_path_factory, data: st.DataObject) -> None:
    # The sales points are checked against the products and each other: no mutation may crash those checks.
    path = data.draw(st.sampled_from([p for p in paths_of(BASE_SETTINGS) if p[0] == "sales_points"]))
    action = data.draw(st.sampled_from(["delete", "replace", "add"]))
    mutated = mutate(BASE_SETTINGS, path, action, data.draw(values))
    root = make_base_catalogue(tmp_path_factory.mktemp("cat"))
    (root / "catalogue.yaml").write_text(yaml.safe_dump(mutated, allow_unicode=True), encoding="utf-8")
    _, report = validate(root / "products", root / "producers")
    for problem in report.problems:
        assert problem.line >= 1 and problem.code and problem.text("en")


def test_a_key_named_like_pydantics_key_marker(tmp_path_factory) -> None:
    # found by hypothesis: a mapping key written "[key]" once made the explanation crash
    check(make_base_catalogue(tmp_path_factory.mktemp("cat")), yaml.safe_dump({"[key]": 1, "facts": {"[key]": "x"}}))
