"""A Hugo site with the same product pages as a catalogue's site, for the scale benchmark.

    .venv/bin/python tools/hugo_twin.py CATALOGUE_DIR TWIN_DIR [--languages vi,en]
    hugo --quiet --source TWIN_DIR --destination OUT

One page per product per language at `/p/<id>/` (other languages under `/<lang>/p/<id>/`), with the
same texts as the catalogue's page (name, summary, description, story, facts, price, certificate,
producer; a missing translation falls back to Vietnamese), a header with the language selector, and
one listing per group: the work of a template engine on the same number of pages, so that anyone
can compare the two generators on the same machine (tools/bench_scale.py --hugo-twin).

With `--media`, the twin also carries the catalogue's media as Hugo static files (`static/`): the
photos, QR codes, badges and print files the catalogue's own site publishes, made by this project's
media stage from its cache, so that Hugo copies the same files into its site as a build does.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TEXTS = ("name", "summary", "description", "story")

CONFIG = """baseURL = "{site_url}"
title = "{title}"
defaultContentLanguage = "{first}"
defaultContentLanguageInSubdir = false
disableKinds = ["taxonomy", "term", "RSS"]
enableGitInfo = false
paginate = 50
{languages}"""

BASEOF = """<!doctype html>
<html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{ .Title }} - {{ .Site.Title }}</title>
<meta name="description" content="{{ .Params.summary }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ range .Translations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">{{ end }}
</head><body><header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav>{{ range .AllTranslations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a>
{{ end }}</nav>
</header><main>{{ block "main" . }}{{ end }}</main></body></html>
"""

SINGLE = """{{ define "main" }}<article data-ocop-id="{{ .Params.id }}" data-ocop-stars="{{ .Params.stars }}">
<h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>
<dl><dt>{{ .Params.certificate.number }}</dt><dd>{{ .Params.certificate.issued }} - {{ .Params.certificate.issuer }}</dd></dl>
<p>{{ .Params.producer }}</p>
{{ with .Params.price }}<p>{{ lang.FormatNumber 0 .from }} ₫ / {{ .unit }}</p>{{ end }}
<table>{{ range $key, $value := .Params.facts }}<tr><th>{{ $key }}</th><td>{{ $value }}</td></tr>{{ end }}</table>
{{ .Content }}
{{ with .Params.story }}<section>{{ . | markdownify }}</section>{{ end }}
</article>{{ end }}
"""

LIST = """{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}
</ul>{{ template "_internal/pagination.html" . }}{{ end }}
"""


def write_twin(catalogue: Path, out: Path, languages: list[str]) -> int:
    """Write the Hugo site of the catalogue at `catalogue` into `out` (replacing it); the number
    of product pages written."""
    shutil.rmtree(out, ignore_errors=True)
    settings = yaml.safe_load((catalogue / "catalogue.yaml").read_text(encoding="utf-8"))
    (out / "layouts" / "_default").mkdir(parents=True)
    (out / "layouts" / "_default" / "baseof.html").write_text(BASEOF, encoding="utf-8")
    (out / "layouts" / "_default" / "single.html").write_text(SINGLE, encoding="utf-8")
    (out / "layouts" / "_default" / "list.html").write_text(LIST, encoding="utf-8")
    blocks = []
    for weight, lang in enumerate(languages, 1):
        blocks.append(f'[languages.{lang}]\ncontentDir = "content/{lang}"\nlanguageName = "{lang}"\nweight = {weight}\n')
    config = CONFIG.format(site_url=settings["site_url"], title=settings.get("province"), first=languages[0], languages="\n".join(blocks))
    (out / "config.toml").write_text(config, encoding="utf-8")
    producers = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (catalogue / "producers").glob("*.yaml")}
    written = 0
    for path in sorted((catalogue / "products").glob("*.yaml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        for lang in languages:
            write_product_page(out, record, producers.get(record["producer"], {}), lang, languages[0])
            written += 1
    return written


def write_product_page(out: Path, record: dict[str, Any], producer: dict[str, Any], lang: str, first: str) -> None:
    """One product's page in one language, in its group's section."""
    texts = {field: record.get(field) for field in TEXTS}
    facts = record.get("facts") or {}
    if lang != first:
        translated = (record.get("translations") or {}).get(lang) or {}
        texts |= {field: translated[field] for field in TEXTS if translated.get(field)}
        facts = translated.get("facts") or facts
    section = out / "content" / lang / "p"
    section.mkdir(parents=True, exist_ok=True)
    index = section / "_index.md"
    if not index.exists():
        index.write_text('---\ntitle: "p"\n---\n', encoding="utf-8")
    names = (producer.get("translations") or {}).get(lang) or {}
    front = {
        "title": texts["name"],
        "id": record["id"],
        "stars": record["stars"],
        "summary": texts["summary"],
        "story": texts["story"],
        "certificate": {key: str(value) for key, value in record["certificate"].items() if isinstance(value, (str, int))}
        | {"issued": str(record["certificate"]["issued"])},
        "producer": names.get("name") or producer.get("name", ""),
        "price": record.get("price"),
        "facts": {str(key): str(value) for key, value in facts.items()},
    }
    body = texts["description"] or ""
    (section / f"{record['id']}.md").write_text(f"{json.dumps(front, ensure_ascii=False)}\n\n{body}\n", encoding="utf-8")


def write_media(catalogue: Path, out: Path, cache: Path) -> int:
    """Put the media files the catalogue's site publishes into the twin's `static/` folder (made by
    the media stage, from the media cache at `cache` or into it); the number of files."""
    from catalogue.jobs.cache import MediaCache
    from catalogue.media_stage import build_media
    from catalogue.validate import validate

    valid, report = validate(catalogue / "products", catalogue / "producers", catalogue / "catalogue.yaml")
    if not report.ok:
        raise SystemExit(f"hugo_twin: the catalogue at {catalogue} has errors")
    static = out / "static"
    shutil.rmtree(static, ignore_errors=True)
    static.mkdir(parents=True)
    result = build_media(valid, static, MediaCache(cache), fresh=True)
    return result.stats.written


def main() -> None:
    """Write the twin of the catalogue given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("catalogue", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--languages", default="vi,en")
    parser.add_argument("--media", action="store_true", help="also the media, as static files (cache: CATALOGUE_DIR/.cache/media)")
    args = parser.parse_args()
    pages = write_twin(args.catalogue, args.out, args.languages.split(","))
    print(f"{pages} product pages written into {args.out}")
    if args.media:
        files = write_media(args.catalogue, args.out, args.catalogue / ".cache" / "media")
        print(f"{files} media files written into {args.out / 'static'}")


if __name__ == "__main__":
    main()
