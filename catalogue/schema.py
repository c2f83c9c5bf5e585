"""JSON Schema files generated from the model, so that editors check YAML files as they are typed.

Titles and descriptions are the office's Vietnamese words (`catalogue.fieldhelp`); a closed list
(groups, categories, communes, stars…) keeps its `enum`, described item by item in
`enumDescriptions` and `markdownEnumDescriptions`: the YAML extension of VS Code (Red Hat's YAML
language server) shows those beside each choice while typing and on hover. `enum` is chosen over
`oneOf` with `const` + `title` because a wrong value then gets one short "Value is not accepted.
Valid values: …" instead of one complaint per alternative.

Run `python -m catalogue.schema` (or `make schema`) after changing the model; a test fails while
the files in `schema/` or `docs/reference.md` are stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .fieldhelp import field_words, model_words, reachable_models, titles_of
from .model import Producer, Product
from .settings import Settings

SCHEMAS: dict[str, type[BaseModel]] = {
    "product.schema.json": Product,
    "producer.schema.json": Producer,
    "settings.schema.json": Settings,
}


def schema_text(model: type[BaseModel]) -> str:
    """The JSON Schema of `model`, as the text written to its file."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema(by_alias=True)}
    in_vietnamese(schema, model)
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def in_vietnamese(schema: dict[str, Any], root: type[BaseModel]) -> None:
    """Give `schema` (of `root`) the office's Vietnamese titles and descriptions, and describe its choices."""
    models = reachable_models(root)
    for name, node in [(root.__name__, schema), *schema.get("$defs", {}).items()]:
        words = model_words(models.get(name) or name)
        node["title"], node["description"] = words.label, words.help
        if name not in models:
            continue  # a closed list: its choices are described below, where its values are
        for key, prop in node.get("properties", {}).items():
            words = field_words(models[name], key)
            prop["title"], prop["description"] = words.label, words.help
    _describe_choices(schema)


def _describe_choices(node: object) -> None:
    if isinstance(node, list):
        for item in node:
            _describe_choices(item)
    if not isinstance(node, dict):
        return
    titles = titles_of(node["enum"]) if isinstance(node.get("enum"), list) else None
    if titles:
        node["enumDescriptions"] = [titles[value] for value in node["enum"]]
        node["markdownEnumDescriptions"] = [f"**{titles[value]}**" for value in node["enum"]]
    for value in node.values():
        _describe_choices(value)


def generated_files(root: Path) -> dict[Path, str]:
    """Every generated documentation file under `root` with its current content."""
    from .reference import reference_text

    files = {root / "schema" / name: schema_text(model) for name, model in SCHEMAS.items()}
    files[root / "docs" / "reference.md"] = reference_text()
    return files


def main(root: Path = Path(".")) -> int:
    """Write the generated files; print the ones that changed."""
    for path, text in generated_files(root).items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.as_posix()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
