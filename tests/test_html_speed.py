"""The fast paths of catalogue/pages/html.py give exactly what the slow, obvious ways give:
`html()` what markupsafe's `Markup.format` gives, `join()` what `Markup.join` gives, `relative()`
what `posixpath.relpath` gives."""

from __future__ import annotations

import posixpath
import random

import pytest
from markupsafe import Markup
from markupsafe import escape as markup_escape

from catalogue.pages.html import html, join, relative

HOSTILE = ['<script>alert("x")</script>', "a & b", "it's", '"quoted"', "{braces}", "Trà Shan tuyết", ""]
VALUES: list[object] = [*HOSTILE, Markup("<b>bold</b>"), 7, 3.5, None, True]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_html_fills_a_field_as_markupsafe_does(value: object) -> None:
    for template in ('<p title="{}">{}</p>', "<a href='{0}'>{0}</a>", "{name}: {{literal}} {name}", "<i>{}</i>{}"):
        if "name" in template:
            assert html(template, name=value) == Markup(template).format(name=value)
        else:
            assert html(template, value, value) == Markup(template).format(value, value)


def test_html_format_specs_conversions_and_attributes_as_markupsafe() -> None:
    assert html("{:>5}|{:,}", "<", 12345) == Markup("{:>5}|{:,}").format("<", 12345)
    assert html("{0!r}", "<x>") == Markup("{0!r}").format("<x>")
    assert html("{p.real}", p=3) == Markup("{p.real}").format(p=3)
    assert html("{0[1]}", ["a", "<b>"]) == Markup("{0[1]}").format(["a", "<b>"])
    with pytest.raises(ValueError):
        html("{:>5}", Markup("<b>"))
    with pytest.raises(KeyError):
        html("{missing}")


def _posix_relative(target: str, page: str) -> str:
    link = posixpath.relpath(target or ".", page.rstrip("/") or ".")
    return link + "/" if target.endswith("/") and not link.endswith("/") else link


class _Html:
    """An object that gives its own HTML, as markupsafe lets any object do."""

    def __html__(self) -> str:
        return "<em>its own</em>"


class _Fragment(Markup):
    """A subclass of Markup: markupsafe asks it for its HTML too."""


@pytest.mark.parametrize("separator", ["", " · ", "<br>", "&"])
def test_join_escapes_what_is_not_markup_as_markupsafe_does(separator: str) -> None:
    parts = [*VALUES, _Html(), _Fragment("<u>sub</u>"), Markup("<li>card</li>")]
    joined = join(iter(parts), separator)
    assert type(joined) is Markup
    assert joined == Markup(markup_escape(separator)).join(parts)


def test_relative_is_relpath_for_site_paths() -> None:
    rng = random.Random(14)
    names = ["en", "zh", "p", "img", "products", "page", "2", "tra-shan", "a.webp", "index.html"]
    paths = ["", "./", "en/", "p/x/", "p/x/y/z.svg"]
    for _ in range(3000):
        parts = rng.choices(names, k=rng.randint(0, 5))
        paths.append("/".join(parts) + rng.choice(["", "/"]))
    for _ in range(20000):
        target, page = rng.choice(paths), rng.choice(paths)
        assert relative(target, page) == _posix_relative(target, page), (target, page)
