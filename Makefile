# Convenience targets around meson; `make` alone builds.
BUILDDIR := _build
EXAMPLE  := data/examples/zunhua-renda-2024.json
# Tests need a display: use a virtual one when there is none.
XVFB     := $(if $(DISPLAY),,xvfb-run -a)

ASAN_BUILDDIR := _build-asan
FUZZDIR       := _fuzz
FUZZ_SECONDS  := 60
DEBDIR        := _deb

.PHONY: all deps ci-deps build run test bench clean test-asan fuzz deb deb-install-test

all: build

deps:
	bash build-aux/install-deps.sh

# Tools only CI needs (clang, debhelper, lintian): see debian-packages-ci.txt.
ci-deps:
	bash build-aux/install-deps.sh build-aux/debian-packages-ci.txt

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

# The whole suite again, built with AddressSanitizer and UBSan; leaks count.
test-asan: deps
	test -f $(ASAN_BUILDDIR)/meson-private/coredata.dat || \
	  meson setup $(ASAN_BUILDDIR) -Db_sanitize=address,undefined \
	    -Dc_args=-fno-sanitize-recover=undefined
	meson compile -C $(ASAN_BUILDDIR)
	model=0 rest=0; \
	meson test -C $(ASAN_BUILDDIR) --setup=sanitizefast --suite model --print-errorlogs || model=$$?; \
	$(XVFB) meson test -C $(ASAN_BUILDDIR) --setup=sanitize --no-suite model --print-errorlogs || rest=$$?; \
	[ $$model -eq 0 ] && [ $$rest -eq 0 ]

# Every fuzz target for FUZZ_SECONDS each (tests/fuzz/README.md).
fuzz: deps ci-deps
	tests/fuzz/build.sh $(FUZZDIR)
	tests/fuzz/run.sh $(FUZZDIR) $(FUZZ_SECONDS)

# _deb/jixiao_VERSION_ARCH.deb, checked with lintian.
deb: deps ci-deps
	build-aux/make-deb.sh $(DEBDIR)

# Installs the package on this machine (root), checks it and removes it.
deb-install-test: deb
	build-aux/deb-install-test.sh $(DEBDIR)

clean:
	rm -rf $(BUILDDIR) $(ASAN_BUILDDIR) $(FUZZDIR) $(DEBDIR)
