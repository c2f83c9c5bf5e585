"""The renderer seam's failures: a failed MkDocs build is one line wherever it is shown."""

from __future__ import annotations

from catalogue.render.build import RenderError

OUTPUT = """INFO    -  Building documentation...
Traceback (most recent call last):
  File "/usr/lib/python3/site-packages/mkdocs/commands/build.py", line 310, in build
    _build_page(file.page, config, doc_files, nav, env, dirty, excluded)
  File "overrides/main.html", line 12, in template
    {{ page.meta.missing.value }}
jinja2.exceptions.UndefinedError: 'dict object' has no attribute 'missing'
"""


def test_a_render_error_is_its_one_line_summary() -> None:
    error = RenderError("en", OUTPUT)
    expected = "MkDocs could not build the 'en' pages: overrides/main.html:12: UndefinedError: 'dict object' has no attribute 'missing'"
    assert error.summary() == expected
    assert str(error) == expected and "\n" not in str(error)
    assert error.output == OUTPUT  # all of it is kept for whoever needs more


def test_mkdocs_error_lines_are_joined() -> None:
    error = RenderError("vi", "ERROR    -  Config value 'theme': Unrecognised theme name: 'x'.\nAborted with a configuration error!\n")
    assert str(error) == "MkDocs could not build the 'vi' pages: Config value 'theme': Unrecognised theme name: 'x'."
