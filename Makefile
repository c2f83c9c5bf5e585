# The README's two commands: `make site` and `make test`. Both set up .venv first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# axe-core (package-lock.json) for the browser tests; npm ci reinstalls node_modules when the lock file changes.
NPM_STAMP := node_modules/.installed-stamp

.PHONY: site offline serve test check media lint schema demo-images clean node-deps

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/python build_site.py

# The copy for a USB stick at a fair: works from file:// with no network (see README).
offline: $(STAMP) node-deps
	$(BIN)/python build_site.py --offline

# Preview with live reload: `make serve`, or `make serve HOST=0.0.0.0 PORT=8080` for phones on the network.
serve: $(STAMP)
	$(BIN)/python -m catalogue serve $(if $(HOST),--host $(HOST)) $(if $(PORT),--port $(PORT))

test: $(STAMP) lint node-deps
	$(BIN)/python -m pytest

# npm ci only when a package is missing or package-lock.json is newer than the last install.
# Without npm, say so and go on: the browser tests then skip (and fail under CI=true), and the
# offline build stops with a message.
node-deps:
	@if [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/iframe-worker/shim/index.js ] || [ ! -f $(NPM_STAMP) ] || [ package-lock.json -nt $(NPM_STAMP) ]; then \
	  if command -v npm >/dev/null 2>&1; then \
	    echo "npm ci --no-audit --no-fund"; npm ci --no-audit --no-fund && touch $(NPM_STAMP); \
	  else \
	    echo "make: npm not found, so axe-core and iframe-worker (package-lock.json) are not installed: the browser tests" \
	      "will be skipped (and fail under CI=true) and the offline build cannot run. Install Node.js and npm" \
	      "(Debian: apt-get install npm), then run make again."; \
	  fi; \
	fi

check: $(STAMP)
	$(BIN)/python build_site.py --check

media: $(STAMP)
	$(BIN)/python -m catalogue media build/media

lint: $(STAMP)
	$(BIN)/ruff check catalogue demo tests tools build_site.py
	$(BIN)/ruff format --check catalogue demo tests tools build_site.py

schema: $(STAMP)
	$(BIN)/python -m catalogue.schema

demo-images: $(STAMP)
	$(BIN)/python tools/draw_demo_images.py

clean:
	rm -rf $(VENV) .cache site site-offline build .pytest_cache .ruff_cache .hypothesis node_modules
