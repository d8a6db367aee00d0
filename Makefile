# Convenience targets around meson; `make` alone builds.
BUILDDIR := _build
EXAMPLE  := data/examples/zunhua-renda-2024.json
# Tests need a display: use a virtual one when there is none.
XVFB     := $(if $(DISPLAY),,xvfb-run -a)

.PHONY: all deps build run test bench clean

all: build

deps:
	bash build-aux/install-deps.sh

build: deps
	test -f $(BUILDDIR)/meson-private/coredata.dat || meson setup $(BUILDDIR)
	meson compile -C $(BUILDDIR)

run: build
	if [ -f $(BUILDDIR)/data/gschemas.compiled ]; then \
	  export GSETTINGS_SCHEMA_DIR=$(CURDIR)/$(BUILDDIR)/data; fi; \
	JIXIAO_LOCALEDIR=$(CURDIR)/$(BUILDDIR)/po $(BUILDDIR)/src/ui/jixiao $(EXAMPLE)

test: build
	$(XVFB) meson test -C $(BUILDDIR) --print-errorlogs

bench: build
	meson test -C $(BUILDDIR) --benchmark --verbose

clean:
	rm -rf $(BUILDDIR)
