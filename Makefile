# parley: build, test, fuzz and benchmark. Plain make; every .c under src/
# is part of the library, every tests/unit/test_*.c is one test program.
#
#   make            build/parley and build/libparley.a
#   make check      unit, spec, CLI and conformance tests, then the same
#                   under ASan+UBSan, then a short fuzz run
#   make bench      throughput benchmark (needs ../shared)
#   make fuzz       longer libFuzzer runs
#   make clean

CC      ?= cc
BUILD   ?= build
SHARED  ?= ../shared
OPT     ?= -O2
SAN     ?=
CFLAGS_ALL = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(OPT) -g \
             -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter \
             -fvisibility=hidden -Iinclude -Isrc -I/usr/include/postgresql $(SAN) $(CFLAGS)
LIBS    = -lutf8proc -lexpat -ljansson -lgumbo -lzstd -lz -lsqlite3 -lpq -lm

LIB_SRC  := $(sort $(wildcard src/*.c src/*/*.c))
CLI_SRC  := $(sort $(wildcard cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
GEN_SRC  := src/dict/irregular.c

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
TESTS    := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all install check test sanitize tsan fuzz-check fuzz bench clean regen-golden regen-irregular regen-dicts regen-cameo regen-gazetteer

all: $(BUILD)/parley $(BUILD)/default.dict

# parley's own dictionaries (data/), compiled into the image `parley code`
# uses when no --dict is given.
DEFAULT_DICTS := verbs:data/verbs.txt actors:data/countries.txt actors:data/regions.txt \
                 actors:data/groups.txt actors:data/people.txt agents:data/agents.txt \
                 discards:data/discards.txt
$(BUILD)/default.dict: $(BUILD)/parley $(wildcard data/*.txt)
	$(BUILD)/parley compile --strict -o $@ $(addprefix --dict ,$(DEFAULT_DICTS)) >/dev/null

$(BUILD)/%.o: %.c $(wildcard include/parley/*.h src/*.h src/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/libparley.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/parley: $(CLI_OBJ) $(BUILD)/libparley.a
	$(CC) $(CFLAGS_ALL) -o $@ $(CLI_OBJ) $(BUILD)/libparley.a $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/t.h $(BUILD)/libparley.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests/unit -o $@ $< $(BUILD)/libparley.a $(LIBS) -lpthread

# The irregular verb table is generated from WordNet's verb.exc (Debian
# wordnet-base) and committed; regenerate with `make regen-irregular`.
regen-irregular:
	tools/gen-irregular.sh /usr/share/wordnet/verb.exc > src/dict/irregular.c

# The CAMEO facts table is generated from data/cameo/eventcodes.tsv.
regen-cameo:
	tools/gen-cameo.sh data/cameo/eventcodes.tsv > src/enrich/cameo_table.c

# The gazetteer (docs/geo.md): GeoNames (libtimezonemap-data), iso-codes
# and WordNet, plus data/gazetteer.extra.txt; generated and committed.
regen-gazetteer:
	python3 tools/gen-gazetteer.py /usr/share/libtimezonemap/ui /usr/share/iso-codes/json/iso_3166-1.json \
	  /usr/share/wordnet data/gazetteer.extra.txt > src/enrich/gazetteer_table.c

# The default country dictionary is generated from Debian's iso-codes plus
# hand-written additions; the linter's country table comes from the same.
regen-dicts:
	tools/gen-countries.sh /usr/share/iso-codes/json/iso_3166-1.json data/countries.extra.txt > data/countries.txt
	tools/gen-countries.sh --c-table /usr/share/iso-codes/json/iso_3166-1.json data/countries.extra.txt > cli/lint_countries.h

# Fast tests in this build.
test: $(BUILD)/parley $(BUILD)/default.dict $(TESTS)
	@set -e; for t in $(TESTS); do echo "== $$t"; $$t; done
	@set -e; for t in tests/cli/*.sh; do echo "== $$t"; PARLEY=$(BUILD)/parley SHARED=$(SHARED) $$t; done

# The same under AddressSanitizer + UndefinedBehaviorSanitizer.
sanitize:
	$(MAKE) BUILD=build/san OPT=-O1 CC=clang \
	  SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" test

# The threads test under ThreadSanitizer: one dict shared by many coders.
tsan:
	$(MAKE) BUILD=build/tsan OPT=-O1 CC=clang SAN="-fsanitize=thread" build/tsan/tests/test_threads
	build/tsan/tests/test_threads

# Short libFuzzer runs over every target in fuzz/, seeded from fuzz/seeds.
FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZERS  := $(FUZZ_SRC:fuzz/%.c=build/fuzz/%)
FUZZ_SECONDS ?= 20
# The library is compiled once with fuzzer coverage and sanitizers, then
# linked into each target.
FUZZ_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 -Iinclude -Isrc \
              -I/usr/include/postgresql -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_OBJ := $(LIB_SRC:%.c=build/fuzzlib/%.o)
build/fuzzlib/%.o: %.c $(wildcard include/parley/*.h src/*.h src/*/*.h)
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@
build/fuzz/libparley-fuzz.a: $(FUZZ_OBJ)
	@mkdir -p build/fuzz
	@rm -f $@
	ar rcs $@ $^
build/fuzz/%: fuzz/%.c build/fuzz/libparley-fuzz.a
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< build/fuzz/libparley-fuzz.a $(LIBS)
fuzz-check: $(FUZZERS) $(BUILD)/parley
	@mkdir -p build/fuzz/corpus/fuzz_image
	@$(BUILD)/parley compile -o build/fuzz/corpus/fuzz_image/spec.dict \
	  --dict verbs:tests/spec/dict/verbs.txt --dict actors:tests/spec/dict/actors.txt \
	  --dict agents:tests/spec/dict/agents.txt >/dev/null
	@set -e; for f in $(FUZZERS); do n=$$(basename $$f); mkdir -p build/fuzz/corpus/$$n; \
	  echo "== $$n ($(FUZZ_SECONDS)s)"; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=0 build/fuzz/corpus/$$n fuzz/seeds/$$n 2>build/fuzz/$$n.log \
	    || { tail -n 40 build/fuzz/$$n.log; exit 1; }; done
fuzz:
	$(MAKE) fuzz-check FUZZ_SECONDS=600

check: test sanitize tsan fuzz-check
	@echo "make check: all passed"

bench: $(BUILD)/parley
	@SHARED=$(SHARED) bench/run.sh $(BUILD)/parley

# Install the command, its default dictionary and the manual. The command
# finds PREFIX/share/parley/default.dict relative to PREFIX/bin/parley.
PREFIX ?= /usr/local
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/parley $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/parley $(DESTDIR)$(PREFIX)/bin/parley
	install -m 644 $(BUILD)/default.dict $(DESTDIR)$(PREFIX)/share/parley/default.dict
	install -m 644 docs/parley.1 $(DESTDIR)$(PREFIX)/share/man/man1/parley.1

clean:
	rm -rf build

# Rewrite tests/golden/ from the current build; read the diff before
# committing it (goldens never change silently).
regen-golden: $(BUILD)/parley
	PARLEY=$(BUILD)/parley SHARED=$(SHARED) REGEN=1 tests/cli/run.sh
