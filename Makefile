# The README's two commands: `make site` and `make test`. Both set up .venv first, from the lock
# files in requirements/ (exact versions with their hashes): building installs only what the build
# needs (runtime.txt), testing adds the test tools (test.txt). `make lock` writes them again.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
# The project's folder, for the lock files: `make -f <project>/Makefile serve` may run in a catalogue's own folder.
PROJECT := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
VENV := .venv
BIN := $(VENV)/bin
RUNTIME_STAMP := $(VENV)/.runtime-stamp
TEST_STAMP := $(VENV)/.test-stamp
# axe-core (package-lock.json) for the browser tests, iframe-worker for the offline build, Leaflet for
# the site's maps, Decap CMS and decap-server for `make admin`; npm ci reinstalls node_modules when
# the lock file changes.
NPM_STAMP := node_modules/.installed-stamp
# What a build needs (package.json's dependencies: Leaflet, iframe-worker), installed by `make site` alone.
BUILD_NPM_STAMP := node_modules/.build-stamp
# pip-tools writes the lock files; its own version is pinned here.
PIP_TOOLS := pip-tools==7.6.2
LOCK_VENV := .cache/lock-venv
LOCK_OPTIONS := --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links

.PHONY: site offline serve admin test check media lint schema demo-images clean node-deps build-node-deps lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The package itself goes in last, without its dependencies: the lock file has installed them.
$(RUNTIME_STAMP): $(PROJECT)/requirements/runtime.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r $(PROJECT)/requirements/runtime.txt
	$(BIN)/python -m pip install --quiet --no-deps -e $(PROJECT)
	touch $@

$(TEST_STAMP): $(PROJECT)/requirements/test.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r $(PROJECT)/requirements/test.txt
	$(BIN)/python -m pip install --quiet --no-deps -e $(PROJECT)
	touch $@

site: $(RUNTIME_STAMP) build-node-deps
	$(BIN)/python build_site.py

# The copy for a USB stick at a fair: works from file:// with no network (see README).
offline: $(RUNTIME_STAMP) build-node-deps
	$(BIN)/python build_site.py --offline

# Preview with live reload: `make serve`, or `make serve HOST=0.0.0.0 PORT=8080` for phones on the network.
serve: $(RUNTIME_STAMP) build-node-deps
	$(BIN)/python -m catalogue serve $(if $(HOST),--host $(HOST)) $(if $(PORT),--port $(PORT))

# The form editor (Decap CMS) with the live preview, on this computer only: the editor at
# http://127.0.0.1:8000/admin/, the preview at http://127.0.0.1:8000/, Decap's local backend
# (decap-server) on 127.0.0.1:8081. `make admin PORT=8080` for another port. See docs/publishing.md.
admin: $(RUNTIME_STAMP) node-deps
	$(BIN)/python -m catalogue.admin $(if $(PORT),--port $(PORT)) $(if $(BACKEND_PORT),--backend-port $(BACKEND_PORT))

# The tests run in one process per core (pytest-xdist; at most 4), each taking the next tests as it is free;
# the demo sites are built once for all of them (tests/shared_build.py).
# `make test TEST_PROCESSES=0` runs them in this process alone.
TEST_PROCESSES ?= auto
test: $(TEST_STAMP) lint node-deps
	$(BIN)/python -m pytest --numprocesses=$(TEST_PROCESSES) --maxprocesses=4

# npm ci only when a package is missing or package-lock.json is newer than the last install.
# Without npm, say so and go on: the browser tests then skip (and fail under CI=true), and the
# offline build stops with a message.
# In the project's folder: `make -f <project>/Makefile admin` runs in a catalogue's own folder.
node-deps:
	@if [ ! -f $(PROJECT)/node_modules/axe-core/axe.min.js ] || [ ! -f $(PROJECT)/node_modules/iframe-worker/shim/index.js ] \
	  || [ ! -f $(PROJECT)/node_modules/decap-cms/dist/decap-cms.js ] || [ ! -f $(PROJECT)/node_modules/decap-server/dist/index.js ] || [ ! -f $(PROJECT)/node_modules/leaflet/dist/leaflet.js ] \
	  || [ ! -f $(PROJECT)/$(NPM_STAMP) ] || [ $(PROJECT)/package-lock.json -nt $(PROJECT)/$(NPM_STAMP) ]; then \
	  if command -v npm >/dev/null 2>&1; then \
	    echo "npm ci --no-audit --no-fund"; (cd $(PROJECT) && npm ci --no-audit --no-fund && touch $(NPM_STAMP)); \
	  else \
	    echo "make: npm not found, so axe-core, iframe-worker and Leaflet (package-lock.json) are not installed: the browser tests" \
	      "will be skipped (and fail under CI=true), the offline build cannot run and the site has no maps. Install Node.js and npm" \
	      "(Debian: apt-get install npm), then run make again."; \
	  fi; \
	fi

# A build needs only package.json's dependencies (Leaflet for the maps, iframe-worker for the offline
# copy, about 4 MB): `npm ci --omit=dev` when neither the full install above nor an earlier build-only
# install is up to date. npm ci empties node_modules first, so each install leaves only its own stamp.
build-node-deps:
	@if [ -f $(PROJECT)/$(NPM_STAMP) ] && [ ! $(PROJECT)/package-lock.json -nt $(PROJECT)/$(NPM_STAMP) ]; then :; \
	elif [ ! -f $(PROJECT)/node_modules/leaflet/dist/leaflet.js ] || [ ! -f $(PROJECT)/node_modules/iframe-worker/shim/index.js ] \
	  || [ ! -f $(PROJECT)/$(BUILD_NPM_STAMP) ] || [ $(PROJECT)/package-lock.json -nt $(PROJECT)/$(BUILD_NPM_STAMP) ]; then \
	  if command -v npm >/dev/null 2>&1; then \
	    echo "npm ci --omit=dev --no-audit --no-fund"; (cd $(PROJECT) && npm ci --omit=dev --no-audit --no-fund && touch $(BUILD_NPM_STAMP)); \
	  else \
	    echo "make: npm not found, so Leaflet and iframe-worker (package-lock.json) are not installed: the site is built" \
	      "without maps and the offline build cannot run. Install Node.js and npm (Debian: apt-get install npm), then run make again."; \
	  fi; \
	fi

check: $(RUNTIME_STAMP)
	$(BIN)/python build_site.py --check

media: $(RUNTIME_STAMP)
	$(BIN)/python -m catalogue media build/media

lint: $(TEST_STAMP)
	$(BIN)/ruff check catalogue demo tests tools build_site.py
	$(BIN)/ruff format --check catalogue demo tests tools build_site.py

schema: $(RUNTIME_STAMP)
	$(BIN)/python -m catalogue.schema

demo-images: $(RUNTIME_STAMP)
	$(BIN)/python tools/draw_demo_images.py

# Write requirements/*.txt again after a change of dependencies in pyproject.toml; versions already
# locked stay as they are unless UPGRADE=1 (then every package moves to its newest allowed version).
lock:
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet $(PIP_TOOLS)
	$(LOCK_VENV)/bin/pip-compile $(LOCK_OPTIONS) $(if $(UPGRADE),--upgrade) --output-file requirements/runtime.txt pyproject.toml
	$(LOCK_VENV)/bin/pip-compile $(LOCK_OPTIONS) $(if $(UPGRADE),--upgrade) --extra test --output-file requirements/test.txt pyproject.toml

clean:
	rm -rf $(VENV) .cache site site-offline build .pytest_cache .ruff_cache .hypothesis node_modules
