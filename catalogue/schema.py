"""JSON Schema files generated from the model, so that editors check YAML files as they are typed.

Run `python -m catalogue.schema` (or `make schema`) after changing the model; a test fails while
the files in `schema/` or `docs/reference.md` are stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

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
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


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
