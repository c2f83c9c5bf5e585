"""The pages build HTML one way only: templates filled by `html()` (markupsafe), which escapes every value.

An f-string, a `%` or a `+` that puts text next to a tag would be a second way, one forgotten escape
away from a hole; this test finds them in the page code, so the safe way stays the only way.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from markupsafe import Markup

from catalogue.pages.html import html, join, script_json, text_span
from catalogue.translated import Localized

from .conftest import REPO

PAGES = sorted((REPO / "catalogue" / "pages").glob("*.py"))
_TAG = re.compile(r"<[A-Za-z/!]")


def _has_tag(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and bool(_TAG.search(node.value))


def _is_format_call(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"


def html_outside_templates(source: str) -> list[tuple[int, str]]:
    """(line, what) for each place that builds HTML from a string by hand."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.JoinedStr) and any(_has_tag(part) for part in node.values):
            found.append((node.lineno, "f-string with a tag"))
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod) and (_has_tag(node.left) or _has_tag(node.right)):
            found.append((node.lineno, "string with a tag joined by + or %"))
        elif _is_format_call(node) and _has_tag(node.func.value):  # type: ignore[attr-defined]
            found.append((node.lineno, "str.format on a string with a tag"))
    return found


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_page_code_builds_html_only_through_templates(path: Path) -> None:
    assert html_outside_templates(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("source", "line"),
    [
        ('x = f"<p>{name}</p>"', 1),
        ("x = '<b>' + name", 1),
        ("x = '<b>%s</b>' % name", 1),
        ("x = '<b>{}</b>'.format(name)", 1),
    ],
)
def test_the_finder_of_hand_built_html_finds_each_way(source: str, line: int) -> None:
    assert [found_line for found_line, _ in html_outside_templates(source)] == [line]


HOSTILE = "\"'><img src=x onerror=alert(1)>&amp;</script>"


def test_templates_escape_every_value_in_text_and_attributes() -> None:
    out = html('<a href="{}" title="{}">{}</a>', HOSTILE, HOSTILE, HOSTILE)
    assert out.count("<") == 2 and "onerror=alert(1)>" not in out.replace("&gt;", "")
    assert out == (
        '<a href="&#34;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;&lt;/script&gt;" '
        'title="&#34;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;&lt;/script&gt;">'
        "&#34;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;&lt;/script&gt;</a>"
    )


def test_fragments_are_not_escaped_twice_and_plain_parts_are_escaped() -> None:
    inner = html("<b>{}</b>", "Mật ong & sáp")
    assert html("<p>{}</p>", inner) == "<p><b>Mật ong &amp; sáp</b></p>"
    assert join([inner, "<i>"], " · ") == "<b>Mật ong &amp; sáp</b> · &lt;i&gt;"
    assert text_span(Localized("<x>", "vi"), "en") == '<span lang="vi">&lt;x&gt;</span>'


def test_script_json_cannot_close_the_script_element() -> None:
    data = {"name": "</script><script>alert(1)</script><!--", "line": "\u2028"}
    text = script_json(data)
    assert isinstance(text, Markup)
    assert "<" not in text and ">" not in text and "\u2028" not in text
    assert text == '{"name":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u003c!--","line":"\\u2028"}'
