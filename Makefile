# hedgebook — two commands do all the set-up on a fresh Debian machine:
#   make run    install what is missing, build in release, start the REPL
#   make test   install what is missing, run every test
#   make install    build in release and put `hedgebook` in $(PREFIX)/bin (PREFIX=~/.local)
#   make uninstall  remove it
SWIFT    ?= swift
PREFIX   ?= $(HOME)/.local
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT      := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get
RELEASE  := .build/release

.PHONY: run test build release install uninstall deps test-deps bench fuzz docs data clean

# apt-get update only when an install fails, so a warm machine stays offline and fast.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing$$missing"; \
		$(APT) install -y -qq $$missing >/dev/null 2>&1 || \
		{ $(APT) update -qq >/dev/null && $(APT) install -y -qq $$missing >/dev/null; }; \
	fi
endef

deps:
	$(call apt_install,libedit-dev libsqlite3-dev pkg-config)

test-deps: deps
	$(call apt_install,tmux)
	@python3 -m pip --version >/dev/null 2>&1 || { echo "installing python3-pip"; $(APT) install -y -qq python3-pip >/dev/null 2>&1 || true; }

release: deps
	$(SWIFT) build -c release --product hedgebook

# The sample history (SPX 1999–2018, VIX 2014–2018) from the arch package on PyPI, into the
# market store, when the store has no SPX yet; without a network it says so and goes on.
run: release
	@scripts/sample-data.sh $(RELEASE)/hedgebook --if-missing
	@$(RELEASE)/hedgebook

# Import the sample history again (what is already stored is left as it is).
data: release
	@scripts/sample-data.sh $(RELEASE)/hedgebook

# DESTDIR for packagers; the note says how to put the folder on the PATH when it is not.
install: release
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 0755 $(RELEASE)/hedgebook "$(DESTDIR)$(PREFIX)/bin/hedgebook"
	@case ":$$PATH:" in *":$(PREFIX)/bin:"*) ;; \
	*) echo "note: $(PREFIX)/bin is not on your PATH; add it with: export PATH=\"$(PREFIX)/bin:\$$PATH\"" ;; esac

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/hedgebook"

build: deps
	$(SWIFT) build

test: test-deps
	$(SWIFT) build --product hedgebook
	@scripts/sample-data.sh .build/debug/hedgebook --if-missing
	$(SWIFT) test
	tests/pty/run.sh .build/debug/hedgebook
	tests/notebooks.sh .build/debug/hedgebook

# --product takes one product: build each. numpy/scipy come from pip only when missing (run.sh).
bench: deps
	$(call apt_install,hyperfine tmux)
	$(SWIFT) build -c release --product hedgebook
	$(SWIFT) build -c release --product hedgebook-bench
	bench/run.sh

fuzz: deps
	fuzz/run.sh

# The language reference is generated from the command table; a test fails when it drifts.
docs: deps
	$(SWIFT) build --product hedgebook
	.build/debug/hedgebook docs language > docs/language.md

clean:
	rm -rf .build
