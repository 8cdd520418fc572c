# The README's commands. Each does its own set-up, idempotently, on a machine that has only Python 3.11
# and make:  `make lab` (JupyterLab on your working copies), `make test` (everything, as CI runs it),
# `make test-fast` (the edit loop: no browser, no notebooks, no real model).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# your working copies of the notebooks and of the sample archive: running them leaves the source untouched
WORKSPACE := build/lab
# a CPU build of torch lies on disk on our machines; elsewhere pip takes torch from PyPI
TORCH_LINKS := $(if $(wildcard /opt/wheels/torch-*),--find-links /opt/wheels)
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
NBVAL := notebooks -p tests.nbval_archive --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg --nbval-current-env

.PHONY: lab test test-fast setup sample notebooks clean

# notebooks are copied into $(WORKSPACE) when missing (never overwritten); the sample archive is built there
# if missing, so what you tried in it survives; `make sample` rebuilds it
lab: setup
	$(BIN)/reviewlab lab --workspace $(WORKSPACE) $(LAB_ARGS)

# everything CI runs: unit tests, docstring examples, the notebooks (nbval, each on its own fresh copy of
# the sample archive), the real embedding model, the wheel, and the acceptance tests in Chromium
test: setup
	$(BIN)/python -m pytest tests reviewlab $(NBVAL) --doctest-modules $(PYTEST_ARGS)

# the edit loop: skips what is marked slow (real model, browser, wheel) and the notebooks
test-fast: setup
	$(BIN)/python -m pytest tests reviewlab --doctest-modules -m "not slow and not browser and not notebook" $(PYTEST_ARGS)

setup: $(BIN)/.installed

$(BIN)/.installed: pyproject.toml setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	# torch first, pinned: anything unpinned would pull a multi-GB CUDA build
	$(BIN)/python -m pip install -q $(TORCH_LINKS) torch==2.13.0
	$(BIN)/python -m pip install -q $(TORCH_LINKS) -e '.[test]'
	touch $@

sample: setup
	$(BIN)/reviewlab init --sample --force --archive $(WORKSPACE)/sample.db

# re-execute the committed notebooks (each on a fresh copy of the sample, demo cells on) so their stored
# outputs show the features working; nbval then compares against them
notebooks: setup
	$(BIN)/python tests/execute_notebooks.py

clean:
	rm -rf build .pytest_cache
