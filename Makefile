# The README's two commands: `make site` and `make test`. Both set up .venv first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: site serve test check media lint schema demo-images clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/python build_site.py

serve: $(STAMP)
	$(BIN)/python -m catalogue serve

test: $(STAMP) lint
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/python build_site.py --check

media: $(STAMP)
	$(BIN)/python -m catalogue media build/media

lint: $(STAMP)
	$(BIN)/ruff check catalogue tests tools build_site.py
	$(BIN)/ruff format --check catalogue tests tools build_site.py

schema: $(STAMP)
	$(BIN)/python -m catalogue.schema

demo-images: $(STAMP)
	$(BIN)/python tools/draw_demo_images.py

clean:
	rm -rf $(VENV) .cache site build .pytest_cache .ruff_cache .hypothesis
