# The two commands of the README: `make run` and `make test`. Both set up what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready

.PHONY: run test lint audit clean mutants dist

$(READY): pyproject.toml scripts/install-qt-deps.sh scripts/install-test-tools.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	sh scripts/install-qt-deps.sh $(BIN)/python
	sh scripts/install-test-tools.sh
	touch $(READY)

# Opens the sample kit; with no display, makes the sample kit and shows what it holds.
run: $(READY)
	$(BIN)/python scripts/run.py

test: $(READY) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(READY)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# The standalone one-folder bundle (PyInstaller, packaging/presskit.spec): dist/presskit/ and
# a .tar.gz of it. `scripts/test-bundle.sh` builds it from a clean clone and tests it.
dist: $(READY)
	$(BIN)/python -m pip install --quiet 'pyinstaller>=6.10'
	rm -rf build/pyinstaller dist/presskit
	$(BIN)/pyinstaller --noconfirm --clean --log-level ERROR --distpath dist \
		--workpath build/pyinstaller packaging/presskit.spec
	tar -C dist -czf dist/presskit-linux-$$(uname -m).tar.gz presskit

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .hypothesis

# Known vulnerabilities in what is installed in .venv (needs the network; not part of `test`).
audit: $(READY)
	test -x $(BIN)/pip-audit || $(BIN)/python -m pip install --quiet pip-audit
	$(BIN)/pip-audit --strict --skip-editable  # strict: a package it could not look up fails the audit

# Mutation testing (not part of `test`): small breakages of the modules whose promises
# matter most, each against its own tests; prints the mutants no test noticed.
# `make mutants ONLY="ops preflight"` runs some; scripts/mutants.py lists them all.
mutants: $(READY)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/mutants.py $(ONLY)
