# Thin wrapper over CMake.  `make run` and `make test` first install any
# missing Debian packages (scripts/deps.sh).
BUILD ?= build
TEST_BUILD ?= build-test
# With no ARTICLE, `make run` opens the shelf of the bundled articles.
ARTICLE ?= articles
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

# `make fuzz`: every libFuzzer target (tests/fuzz/) FUZZ_TIME seconds each,
# built with clang in build-fuzz/; FUZZ_TARGETS to pick some (e.g. "md enc").
FUZZ_TIME ?= 60
FUZZ_TARGETS ?=

.PHONY: all deps run test bench fuzz clean

all:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

deps:
	@scripts/deps.sh

run: deps all
	./$(BUILD)/yuedu $(ARTICLE)

test: deps
	cmake -S . -B $(TEST_BUILD) -DCMAKE_BUILD_TYPE=Debug -DYUEDU_SANITIZE=ON >/dev/null
	cmake --build $(TEST_BUILD) -j $(JOBS)
	cd $(TEST_BUILD) && ctest --output-on-failure -j $(JOBS)

bench: all
	for b in tests/bench/*.sh; do bash $$b ./$(BUILD)/yuedu || exit 1; done

fuzz:
	@scripts/deps.sh fuzz
	JOBS=$(JOBS) tests/fuzz/run.sh $(FUZZ_TIME) $(FUZZ_TARGETS)

clean:
	rm -rf $(BUILD) $(TEST_BUILD) build-fuzz
