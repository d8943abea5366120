# fuzz: libFuzzer targets for the parsers (STYLE 13).  Every library object
# is rebuilt with clang, coverage and sanitizers into build/fuzz/;
# `make fuzz-smoke` runs each target for a fixed number of inputs on a copy
# of its seed corpus and fails on the first crash (the input lands in
# build/fuzz/).
#
# The smoke run is a regression gate, not a search: with a fixed seed, no
# corpus reloading (-reload is a clock) and without address randomisation
# (pointer comparisons feed libFuzzer's dictionary), the same commit mutates
# the same inputs here and in CI, so a run that passed before a push passes
# after it.  figure, table and report repeat exactly; pipeline nearly so
# (Pango's font threads).  Searching is `make fuzz` and a long run by hand:
#   build/fuzz/fuzz-report -dict=tests/fuzz/report.dict DIR tests/fuzz/corpus-report
# -Werror is left out here: clang warns about things gcc does not, and the
# gcc build already holds the line.

FUZZ_CC      ?= clang
FUZZ_DIR     := $(BUILD)/fuzz
FUZZ_SEED    ?= 1
FUZZ_TIME    ?= 120
FUZZ_TARGETS := table figure report pipeline
# Inputs per target: about 20 s each on a 2-core CI machine.  FUZZ_TIME is
# only a cap for a slow machine (it cuts the same sequence short).
FUZZ_RUNS_figure   ?= 1000000
FUZZ_RUNS_table    ?= 60000
FUZZ_RUNS_report   ?= 80000
FUZZ_RUNS_pipeline ?= 20000
FUZZ_NOASLR  := $(shell setarch -R true 2>/dev/null && echo setarch -R)
# Options per target: the report targets share one dictionary, and a
# report that takes seconds is a bug too (quadratic work), so say so.
FUZZ_OPTS_table    := -dict=tests/fuzz/table.dict
FUZZ_OPTS_report   := -dict=tests/fuzz/report.dict -timeout=10
FUZZ_OPTS_pipeline := -dict=tests/fuzz/report.dict -timeout=20
# Fontconfig's caches LeakSanitizer cannot see through: tests/lsan.supp.
FUZZ_LSAN    := suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
FUZZ_ENV     := LSAN_OPTIONS=$(FUZZ_LSAN) FIGPRESS_FONTS=$(CURDIR)/fonts
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS   = $(filter-out -Werror,$(ALL_CFLAGS)) -O1 -g \
               -fno-omit-frame-pointer $(FUZZ_SAN)
FUZZ_OBJS    := $(patsubst src/%.c,$(FUZZ_DIR)/obj/%.o,\
                $(wildcard $(MODULES:%=src/%.c)))

# clang and its sanitizer and libFuzzer runtimes (Debian 12).
FUZZ_DEB_PKGS := clang libclang-rt-14-dev

# fuzz-smoke-NAME is a pattern rule, so it cannot be .PHONY (make skips
# implicit rules for phony targets); no file of that name is ever made.
.PHONY: fuzz fuzz-deps fuzz-smoke
.PRECIOUS: $(FUZZ_DIR)/obj/%.o $(FUZZ_DIR)/target/%.o
fuzz: $(FUZZ_TARGETS:%=$(FUZZ_DIR)/fuzz-%)

fuzz-deps: deps
	@sh .ci/install-deps $(FUZZ_DEB_PKGS)

$(FUZZ_DIR)/obj/%.o: src/%.c | fuzz-deps
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP \
	  -c -o $@ $<

$(FUZZ_DIR)/target/fuzz-%.o: tests/fuzz/fuzz-%.c | fuzz-deps
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -Isrc -MMD -MP \
	  -c -o $@ $<

$(FUZZ_DIR)/fuzz-%: $(FUZZ_DIR)/target/fuzz-%.o $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(LIBS)

fuzz-smoke: $(FUZZ_TARGETS:%=fuzz-smoke-%)

fuzz-smoke-%: $(FUZZ_DIR)/fuzz-%
	@rm -rf $(FUZZ_DIR)/corpus-$*
	@cp -r tests/fuzz/corpus-$* $(FUZZ_DIR)/corpus-$*
	@echo "fuzz-$*: $(FUZZ_RUNS_$*) inputs, seed $(FUZZ_SEED)"
	@$(FUZZ_ENV) $(FUZZ_NOASLR) $< -seed=$(FUZZ_SEED) -reload=0 \
	  -runs=$(FUZZ_RUNS_$*) -max_total_time=$(FUZZ_TIME) $(FUZZ_OPTS_$*) \
	  -artifact_prefix=$(FUZZ_DIR)/$*- $(FUZZ_DIR)/corpus-$* \
	  2>$(FUZZ_DIR)/$*.log || { tail -60 $(FUZZ_DIR)/$*.log; exit 1; }
	@grep -E '^#[0-9]+[[:space:]]+DONE' $(FUZZ_DIR)/$*.log || true

-include $(wildcard $(FUZZ_DIR)/obj/*.d $(FUZZ_DIR)/target/*.d)
