# fuzz: libFuzzer targets for the parsers (STYLE 13).  Every library object
# is rebuilt with clang, coverage and sanitizers into build/fuzz/;
# `make fuzz-smoke` runs each target FUZZ_TIME seconds on a copy of its seed
# corpus and fails on the first crash (the input lands in build/fuzz/).
# -Werror is left out here: clang warns about things gcc does not, and the
# gcc build already holds the line.

FUZZ_CC      ?= clang
FUZZ_DIR     := $(BUILD)/fuzz
FUZZ_TIME    ?= 20
FUZZ_TARGETS := table figure
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS   = $(filter-out -Werror,$(ALL_CFLAGS)) -O1 -g \
               -fno-omit-frame-pointer $(FUZZ_SAN)
FUZZ_OBJS    := $(patsubst src/%.c,$(FUZZ_DIR)/obj/%.o,\
                $(wildcard $(MODULES:%=src/%.c)))

.PHONY: fuzz fuzz-smoke
.PRECIOUS: $(FUZZ_DIR)/obj/%.o $(FUZZ_DIR)/target/%.o
fuzz: $(FUZZ_TARGETS:%=$(FUZZ_DIR)/fuzz-%)

$(FUZZ_DIR)/obj/%.o: src/%.c | deps
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP \
	  -c -o $@ $<

$(FUZZ_DIR)/target/fuzz-%.o: tests/fuzz/fuzz-%.c | deps
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -Isrc -MMD -MP \
	  -c -o $@ $<

$(FUZZ_DIR)/fuzz-%: $(FUZZ_DIR)/target/fuzz-%.o $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(LIBS)

fuzz-smoke: fuzz
	@set -e; for t in $(FUZZ_TARGETS); do \
	  rm -rf $(FUZZ_DIR)/corpus-$$t; \
	  cp -r tests/fuzz/corpus-$$t $(FUZZ_DIR)/corpus-$$t; \
	  dict=; [ ! -f tests/fuzz/$$t.dict ] || dict=-dict=tests/fuzz/$$t.dict; \
	  echo "fuzz-$$t: $(FUZZ_TIME) s"; \
	  $(FUZZ_DIR)/fuzz-$$t -max_total_time=$(FUZZ_TIME) $$dict \
	    -artifact_prefix=$(FUZZ_DIR)/$$t- $(FUZZ_DIR)/corpus-$$t; \
	done

-include $(wildcard $(FUZZ_DIR)/obj/*.d $(FUZZ_DIR)/target/*.d)
