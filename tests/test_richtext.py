"""The Markdown of description and story: what renders, what is refused, and that nothing hostile
comes out live (catalogue/richtext.py; issue 10, deliverable 1)."""

from __future__ import annotations

import inspect
import sys

import pytest
from bs4 import BeautifulSoup, Tag
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from catalogue import richtext
from catalogue.richtext import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, ALLOWED_VALUES, refusals, render, sanitise, target_refusal

ALLOWED = {tag: ALLOWED_ATTRIBUTES.get(tag, set()) | set(ALLOWED_VALUES.get(tag, {})) for tag in ALLOWED_TAGS}


def elements(html: str) -> list[Tag]:
    return BeautifulSoup(html, "html.parser").find_all(True)


def assert_inert(html: str) -> None:
    """Only allowlisted tags and attributes, no id or class, and every address with a safe scheme."""
    for element in elements(html):
        assert element.name in ALLOWED_TAGS, element
        assert set(element.attrs) <= ALLOWED[element.name], element
        for attribute in ("href", "src"):
            if element.get(attribute) is not None:
                assert target_refusal(element[attribute], image=element.name == "img") is None, element


# Each bypass of the old regular-expression guard, and the tricks a scheme check must see through.
HOSTILE = [
    '![p](https://x.example/y.png){: onerror="alert(1)" }',
    "Còn hiệu lực\n{: #ocop-status-texts }",
    "# Còn hiệu lực {#ocop-status-texts .md-typeset}",
    "```{#ocop-status-texts .md-typeset}\nCòn hiệu lực\n```",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](jav&#x61;script:alert(1))",
    "[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](jav&amp;#x61;script:alert(1))",
    "[x](<java\tscript:alert(1)>)",
    "[x](<\x01javascript:alert(1)>)",
    "[x](java\u200bscript:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
    "![x](file:///etc/passwd)",
    "![x](mailto:a@example.vn)",
    "[x](//evil.example/)",
    "[x](/\\evil.example/)",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "\\`<img src=x onerror=alert(1)>\\`",
    "~~~<img src=x onerror=alert(1)>~~~",
    "<script>alert(1)</script>",
    "<div onclick=alert(1)>x</div>",
    "<!-- <img src=x onerror=alert(1)> -->",
    '<a href="javascript:alert(1)">x</a>',
    '[<img src=x onerror=alert(1)>](https://example.vn "<b onmouseover=alert(1)>")',
    "<svg><script>alert(1)</script></svg>",
]

# Allowed, and their output still carries no id or class: a code block's language (which Markdown
# writes as a class) and a footnote (which would have given ids; footnotes are off, shown as written).
ALLOWED_BUT_STRIPPED = ["```js\nalert(1)\n```", "x[^1]\n\n[^1]: chú thích"]


@pytest.mark.parametrize("text", HOSTILE + ALLOWED_BUT_STRIPPED)
def test_hostile_markdown_comes_out_inert(text: str) -> None:
    html = render(text)
    assert_inert(html)
    assert not any(name.startswith("on") for element in elements(html) for name in element.attrs)
    assert "<script" not in html and "<img src=x" not in html and "<!--" not in html


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_markdown_is_refused(text: str) -> None:
    assert refusals(text), text


@pytest.mark.parametrize("text", ALLOWED_BUT_STRIPPED)
def test_code_language_and_footnote_marks_are_allowed(text: str) -> None:
    assert refusals(text) == ()


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("Chè **Shan tuyết** hái *một tôm hai lá*.", "<p>Chè <strong>Shan tuyết</strong> hái <em>một tôm hai lá</em>.</p>"),
        ("Độ ẩm < 12%, a < b và c > d", "<p>Độ ẩm &lt; 12%, a &lt; b và c &gt; d</p>"),
        (
            "Xem <https://example.vn/che>.",
            '<p>Xem <a href="https://example.vn/che" rel="noopener noreferrer">https://example.vn/che</a>.</p>',
        ),
        ("[Hợp tác xã](https://htx.example.vn/)", '<p><a href="https://htx.example.vn/" rel="noopener noreferrer">Hợp tác xã</a></p>'),
        ("[Gạo Séng Cù](../gao-seng-cu/)", '<p><a href="../gao-seng-cu/">Gạo Séng Cù</a></p>'),
        (
            "[Gọi](tel:0912345678) hoặc [thư](mailto:htx@example.vn)",
            '<p><a href="tel:0912345678">Gọi</a> hoặc <a href="mailto:htx@example.vn">thư</a></p>',
        ),
        ("![Đồi chè](https://example.vn/doi.jpg)", '<p><img alt="Đồi chè" loading="lazy" src="https://example.vn/doi.jpg"></p>'),
        ("- Hái\n- Sao\n- Đóng gói", "<ul>\n<li>Hái</li>\n<li>Sao</li>\n<li>Đóng gói</li>\n</ul>"),
        ("3. Sao\n4. Đóng gói", '<ol start="3">\n<li>Sao</li>\n<li>Đóng gói</li>\n</ol>'),
        ("# Cách pha\n\n## Nước\n\n#### Lưu ý", "<h3>Cách pha</h3>\n<h4>Nước</h4>\n<h6>Lưu ý</h6>"),
        ("> Trà ngon.\n\n---", "<blockquote>\n<p>Trà ngon.</p>\n</blockquote>\n<hr>"),
        ("Dùng `<br>` trong mã", "<p>Dùng <code>&lt;br&gt;</code> trong mã</p>"),
        ("```\n<div>mã</div>\n```", "<pre><code>&lt;div&gt;mã&lt;/div&gt;\n</code></pre>"),
        ("Dòng một  \nDòng hai", "<p>Dòng một<br>\nDòng hai</p>"),
        (
            "| Gói | Giá |\n| :-- | --: |\n| 200 g | 150.000 đ |",
            '<table>\n<thead>\n<tr>\n<th align="left">Gói</th>\n<th align="right">Giá</th>\n</tr>\n</thead>\n'
            '<tbody>\n<tr>\n<td align="left">200 g</td>\n<td align="right">150.000 đ</td>\n</tr>\n</tbody>\n</table>',
        ),
    ],
)
def test_ordinary_markdown_renders_as_written(text: str, html: str) -> None:
    assert render(text) == Markup(html)
    assert refusals(text) == ()


def test_render_gives_markup_that_markupsafe_leaves_alone() -> None:
    rendered = render("**a** < b")
    assert isinstance(rendered, Markup)
    assert Markup("<div>{}</div>").format(rendered) == "<div><p><strong>a</strong> &lt; b</p></div>"


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Chè **ngon**, xem <https://example.vn>.", []),
        ("Dùng `<br>` trong mã", []),
        ("```\n<div>code</div>\n```", []),
        ("    <div>indented code</div>", []),
        ("Ghi chú {xem mặt sau hộp}", []),
        ("Dòng 1<br>Dòng 2", ["raw-html"]),
        ("<script>alert(1)</script>", ["raw-html", "raw-html"]),
        ("Ẩn <!-- ghi chú -->", ["raw-html"]),
        ("</p>", ["raw-html"]),
        ("<!DOCTYPE html>", ["raw-html"]),
        ("Đoạn {.lead}", ["markdown-attributes"]),
        ("Đoạn {#ocop-status}", ["markdown-attributes"]),
        ("Đoạn { data-x=1 }", ["markdown-attributes"]),
        ("<b>x</b> {: #y } [z](vbscript:z)", ["raw-html", "raw-html", "markdown-attributes", "unsafe-link"]),
    ],
)
def test_refusals_name_each_problem_in_reading_order(text: str, codes: list[str]) -> None:
    assert [r.code for r in refusals(text)] == codes


@pytest.mark.parametrize(
    ("target", "image", "refusal"),
    [
        ("https://example.vn/a?b=1&c=2", False, None),
        ("HTTP://EXAMPLE.VN/", False, None),
        ("mailto:htx@example.vn", False, None),
        ("tel:+84912345678", False, None),
        ("../gao-seng-cu/", False, None),
        ("/p/gao-seng-cu/", False, None),
        ("#mua", False, None),
        ("anh/doi-che.jpg", True, None),
        (
            "tel:0912345678",
            True,
            "image 'tel:0912345678' is not allowed: use an address that starts with http:// or https://, or a relative path",
        ),
        (
            "javascript:alert(1)",
            False,
            "link to 'javascript:alert(1)' is not allowed: use an address that starts with http://, https://, mailto: or tel:, "
            "or a relative path",
        ),
        (
            "java\nscript:alert(1)",
            False,
            "link to 'java\\nscript:alert(1)' is not allowed: use an address that starts with "
            "http://, https://, mailto: or tel:, or a relative path",
        ),
        ("//evil.example/x", False, "link to '//evil.example/x' has no scheme: write the address in full, starting with https://"),
        ("\\\\evil.example/x", True, "image '\\\\evil.example/x' has no scheme: write the address in full, starting with https://"),
    ],
)
def test_target_refusal(target: str, image: bool, refusal: str | None) -> None:
    said = target_refusal(target, image)
    assert (said and said.text("en")) == refusal


@pytest.mark.parametrize(
    "scheme",
    ["javascript:", "JAVASCRIPT:", " javascript:", "jav\tascript:", "jav&#x09;ascript:", "&#x6A;avascript:", "data:", "file:", "vbscript:"],
)
def test_refused_schemes_however_spelled(scheme: str) -> None:
    assert target_refusal(scheme + "x") is not None


def test_sanitiser_is_a_second_wall_on_its_own() -> None:
    html = (
        '<p id="ocop-status-texts" class="md-typeset" style="color:red" onclick="x()">a</p>'
        '<a href="javascript:alert(1)">b</a><img src="x" onerror="alert(1)" loading="eager"><script>alert(1)</script>'
        "<!-- c --><iframe src=https://evil.example></iframe><h1>d</h1>"
        "<table><tr><td align=justify>e</td><td align=left>f</td></tr></table>"
    )
    assert sanitise(html) == ('<p>a</p><a>b</a><img src="x">d<table><tbody><tr><td>e</td><td align="left">f</td></tr></tbody></table>')


def test_too_deep_nesting_is_refused_and_the_next_text_renders_afresh() -> None:
    nested = "".join("    " * level + "- mục\n" for level in range(150))
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + 250)  # Python-Markdown runs out of it well before 150 levels
    try:
        found = refusals(nested)
    finally:
        sys.setrecursionlimit(limit)
    assert [r.code for r in found] == ["markdown-too-deep"]
    assert_inert(render(nested))
    assert render("- a\n- b") == Markup("<ul>\n<li>a</li>\n<li>b</li>\n</ul>")


def test_the_product_page_uses_this_renderer() -> None:
    from catalogue.pages import product

    assert product.render_markdown is richtext.render


# Markdown punctuation, scheme words and HTML pieces, mixed with arbitrary text.
PIECES = st.sampled_from(
    [
        "<",
        ">",
        "</",
        "<!--",
        "-->",
        "&",
        "&#x61;",
        "&colon;",
        ";",
        "{",
        "}",
        "{:",
        "#",
        ".",
        "=",
        '"',
        "'",
        "`",
        "```",
        "~~~",
        "\\",
        "[",
        "]",
        "(",
        ")",
        "![",
        "](",
        ":",
        "//",
        "*",
        "_",
        "-",
        "|",
        "\n",
        "\n\n",
        "    ",
        "\t",
        "javascript",
        "JaVaScRiPt",
        "data",
        "https://x.example/",
        "onerror=",
        "img",
        "script",
        "a href",
        "id=",
        "class=",
        "ocop-status",
    ]
)
MARKDOWN = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(MARKDOWN)
def test_any_text_renders_to_allowlisted_html_only(text: str) -> None:
    assert_inert(render(text))
    refusals(text)  # and validation never raises
