# figpress — `make` installs what is missing, builds, and renders reports/*.md
# into out/; `make check` runs the unit suites and the end-to-end tests.

PREFIX  ?= /usr/local
DESTDIR ?=
VERSION := 0.1.0

CC      ?= cc
PKGS    := cairo pango pangocairo pangoft2 harfbuzz fontconfig glib-2.0 yaml-0.1 md4c
WARN    := -Wall -Wextra -Werror -Wmissing-prototypes -Wstrict-prototypes \
           -Wshadow -Wwrite-strings -Wformat=2
OPT     ?= -O2 -g
CFLAGS  ?= $(OPT)
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
           -DFIGPRESS_VERSION='"$(VERSION)"' \
           -DFIGPRESS_FONTDIR='"$(PREFIX)/share/figpress/fonts"' \
           -pthread $(WARN) $(CFLAGS) \
           $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LIBS    = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lm -pthread
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null)

BUILD   ?= build
DEPS_STAMP = $(BUILD)/.deps-installed
OUT     := out

# Debian packages: to build, and (poppler-utils, qpdf) to test the PDFs.
DEB_PKGS := pkg-config libcairo2-dev libpango1.0-dev libharfbuzz-dev \
            libfontconfig-dev libglib2.0-dev libyaml-dev libmd4c-dev \
            libcsv-dev check poppler-utils qpdf locales

# Objects by pipeline stage (STYLE 14); data flows down this list.
FOUNDATION := diag xmalloc strbuf utf8
FIGURES    := lexicon figure numfmt table extract
SOURCE     := sandbox srcmap frontmatter spec markdown markdown-text \
              markdown-where doc stale report
CHARTS     := scale chart chart-bar chart-squares
LAYOUT     := theme fonts fonts-cache fontuse measure-chart paginate layout layout-text
DRAWING    := draw draw-chart
OUTPUT     := atomic output-pdf output-pages output-svg output-png handout \
              deps render watch
COMMANDS   := cmd-render cmd-extract cmd-watch main
MODULES    := $(FOUNDATION) $(FIGURES) $(SOURCE) $(CHARTS) $(LAYOUT) \
              $(DRAWING) $(OUTPUT)
# Modules not written yet are skipped, so the list can lead the code.
# The unit suites link the modules; the binary adds the commands.
LIB_OBJS   := $(patsubst src/%.c,$(BUILD)/%.o,\
              $(wildcard $(MODULES:%=src/%.c)))
MAIN_OBJ   := $(patsubst src/%.c,$(BUILD)/%.o,\
              $(wildcard $(COMMANDS:%=src/%.c)))

UNIT_SRCS  := $(sort $(wildcard tests/unit/check-*.c))
UNIT_OBJS  := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/unit/%.o)

REPORTS    := $(wildcard reports/*.md)
PDFS       := $(REPORTS:reports/%.md=$(OUT)/%.pdf)

.PHONY: all deps check check-asan check-valgrind unit e2e bench install \
        clean
all: $(DEPS_STAMP) $(BUILD)/figpress $(PDFS) $(OUT)/briefing-handout.pdf \
     $(OUT)/briefing-page1.png

# `make deps` checks every time; builds use a stamp, so `make -q` can tell
# that nothing is left to do.
deps:
	@sh .ci/install-deps $(DEB_PKGS)

$(DEPS_STAMP): Makefile .ci/install-deps
	@sh .ci/install-deps $(DEB_PKGS)
	@mkdir -p $(@D) && touch $@

$(BUILD)/figpress: $(LIB_OBJS) $(MAIN_OBJ) | $(DEPS_STAMP)
	@echo "  LINK    $@"
	@$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/%.o: src/%.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# --- rendering: one rule per report; -M lists what each render read -------
$(OUT)/%.pdf: reports/%.md $(BUILD)/figpress
	@mkdir -p $(OUT)
	$(BUILD)/figpress render $< -o $@ -M $(OUT)/$*.pdf.d

$(OUT)/briefing-handout.pdf: reports/briefing.md $(BUILD)/figpress
	@mkdir -p $(OUT)
	$(BUILD)/figpress render $< --handout 2 -o $@ \
	  -M $(OUT)/briefing-handout.pdf.d

$(OUT)/briefing-page1.png: $(OUT)/briefing.pdf
	pdftoppm -r 60 -png -f 1 -l 1 -singlefile $< $(OUT)/briefing-page1

# --- tests ------------------------------------------------------------------
$(BUILD)/unit/%.o: tests/unit/%.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -Isrc \
	  $(shell pkg-config --cflags check) \
	  -MMD -MP -c -o $@ $<

# The runner calls NAME_suite() for every tests/unit/check-NAME.c.
$(BUILD)/unit/suites.h: $(UNIT_SRCS) Makefile
	@mkdir -p $(@D)
	@for f in $(UNIT_SRCS); do n=$$(basename $$f .c | sed 's/^check-//; s/-/_/g'); \
	  echo "SUITE($$n)"; done > $@

$(BUILD)/unit/runner.o: tests/unit/runner.c $(BUILD)/unit/suites.h | $(DEPS_STAMP)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -I$(BUILD)/unit -Isrc \
	  $(shell pkg-config --cflags check) -c -o $@ $<

$(BUILD)/check-units: $(BUILD)/unit/runner.o $(UNIT_OBJS) $(LIB_OBJS)
	@echo "  LINK    $@"
	@$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS) $(CHECK_LIBS)

check: $(DEPS_STAMP) $(BUILD)/figpress $(BUILD)/check-units
	FIGPRESS_FONTS=$(CURDIR)/fonts $(BUILD)/check-units
	FIGPRESS=$(CURDIR)/$(BUILD)/figpress sh tests/e2e/run.sh

# Everything again with AddressSanitizer and UBSan (build/asan), then the
# whole Check suite and the end-to-end tests on that binary.  Library
# caches LeakSanitizer cannot see through are in tests/lsan.supp.
ASAN_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
              -fno-sanitize-recover=undefined
ASAN_ENV   := ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1 \
              UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
              LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
check-asan: $(DEPS_STAMP)
	@$(MAKE) --no-print-directory BUILD=build/asan OPT="$(ASAN_FLAGS)" \
	  build/asan/figpress build/asan/check-units
	$(ASAN_ENV) CK_TIMEOUT_MULTIPLIER=10 FIGPRESS_FONTS=$(CURDIR)/fonts \
	  build/asan/check-units
	$(ASAN_ENV) FIGPRESS=$(CURDIR)/build/asan/figpress sh tests/e2e/run.sh

# The briefing render under valgrind: no invalid access, no definite leak
# (library caches in tests/valgrind.supp).  About 10 s.
check-valgrind: $(DEPS_STAMP) $(BUILD)/figpress
	@sh .ci/install-deps valgrind
	@mkdir -p $(BUILD)/valgrind
	SOURCE_DATE_EPOCH=1738195200 FIGPRESS_FONTS=$(CURDIR)/fonts \
	  valgrind --error-exitcode=99 --leak-check=full \
	  --errors-for-leak-kinds=definite --show-leak-kinds=definite \
	  --suppressions=tests/valgrind.supp --num-callers=30 \
	  $(BUILD)/figpress render reports/briefing.md \
	  -o $(BUILD)/valgrind/briefing.pdf

# Benchmarks (never part of check): an optimised build in build/bench, the
# RSS-measuring runner and the Cairo-only floor beside it.
bench: $(DEPS_STAMP)
	@$(MAKE) --no-print-directory BUILD=build/bench OPT=-O2 \
	  build/bench/figpress build/bench/rss build/bench/floor \
	  build/bench/watch-loop
	@sh tests/bench/run.sh build/bench/figpress

$(BUILD)/rss: tests/bench/rss.c
	@echo "  LINK    $@"
	@$(CC) $(ALL_CFLAGS) -o $@ $<

$(BUILD)/watch-loop: tests/bench/watch-loop.c
	@echo "  LINK    $@"
	@$(CC) $(ALL_CFLAGS) -o $@ $<

$(BUILD)/floor: tests/bench/floor.c $(BUILD)/fonts.o $(BUILD)/fonts-cache.o \
    $(BUILD)/xmalloc.o $(BUILD)/strbuf.o $(BUILD)/diag.o
	@echo "  LINK    $@"
	@$(CC) $(ALL_CFLAGS) -Isrc -o $@ $^ $(LIBS)

install: $(BUILD)/figpress
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/figpress/fonts \
	  $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/figpress $(DESTDIR)$(PREFIX)/bin/figpress
	install -m 644 src/figpress.1 $(DESTDIR)$(PREFIX)/share/man/man1/figpress.1
	install -m 644 fonts/*.ttf fonts/OFL.txt \
	  $(DESTDIR)$(PREFIX)/share/figpress/fonts/

clean:
	rm -rf $(BUILD) $(OUT)

include tests/fuzz/fuzz.mk

-include $(wildcard $(BUILD)/*.d $(BUILD)/unit/*.d $(OUT)/*.d)
