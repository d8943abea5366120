# fuzz: libFuzzer targets for the parsers (STYLE 13).  Every library object
# is rebuilt with clang, coverage and sanitizers into build/fuzz/;
# `make fuzz-smoke` runs each target FUZZ_TIME seconds on a copy of its seed
# corpus and fails on the first crash (the input lands in build/fuzz/).
# -Werror is left out here: clang warns about things gcc does not, and the
# gcc build already holds the line.

FUZZ_CC      ?= clang
FUZZ_DIR     := $(BUILD)/fuzz
FUZZ_TIME    ?= 20
FUZZ_TARGETS := table figure report pipeline
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
	@echo "fuzz-$*: $(FUZZ_TIME) s"
	@$(FUZZ_ENV) $< -max_total_time=$(FUZZ_TIME) $(FUZZ_OPTS_$*) \
	  -artifact_prefix=$(FUZZ_DIR)/$*- $(FUZZ_DIR)/corpus-$* \
	  2>$(FUZZ_DIR)/$*.log || { tail -60 $(FUZZ_DIR)/$*.log; exit 1; }
	@grep -E '^#[0-9]+[[:space:]]+DONE' $(FUZZ_DIR)/$*.log || true

-include $(wildcard $(FUZZ_DIR)/obj/*.d $(FUZZ_DIR)/target/*.d)
