# The README's two commands. Each does its own set-up, idempotently, on a machine that has
# only Python 3.11 and make:  `make lab` (JupyterLab on the sample archive), `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SAMPLE := build/sample.db
# a CPU build of torch lies on disk on our machines; elsewhere pip takes torch from PyPI
TORCH_LINKS := $(if $(wildcard /opt/wheels/torch-*),--find-links /opt/wheels)
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: lab test setup sample clean

# the sample archive is built only if missing, so what you tried in it survives; `make sample` rebuilds it
lab: setup
	@test -f $(SAMPLE) || { mkdir -p build && $(BIN)/reviewlab init --sample --archive $(SAMPLE); }
	$(BIN)/reviewlab lab --archive $(SAMPLE) $(LAB_ARGS)

# nbval gives each notebook a fresh copy of the sample archive (tests/nbval_archive.py)
test: setup
	$(BIN)/python -m pytest tests reviewlab notebooks -p tests.nbval_archive --doctest-modules \
		--nbval --nbval-sanitize-with tests/nbval_sanitize.cfg --nbval-current-env $(PYTEST_ARGS)

setup: $(BIN)/.installed

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	# torch first, pinned: anything unpinned would pull a multi-GB CUDA build
	$(BIN)/python -m pip install -q $(TORCH_LINKS) torch==2.13.0
	$(BIN)/python -m pip install -q $(TORCH_LINKS) -e '.[test]'
	touch $@

sample: setup
	@mkdir -p build
	$(BIN)/reviewlab init --sample --force --archive $(SAMPLE)

clean:
	rm -rf build .pytest_cache
