# Thin wrapper over CMake.  `make run`, `make test` and `make check` first
# install any missing Debian packages (scripts/deps.sh).
#   make test    Debug + ASan/UBSan in build-test/, every test (CI runs this)
#   make check   release build in build-check/, every test, quickly
# YUEDU_WERROR=ON makes warnings errors (CI sets it).
BUILD ?= build
TEST_BUILD ?= build-test
CHECK_BUILD ?= build-check
YUEDU_WERROR ?= OFF
# With no ARTICLE, `make run` opens the shelf of the bundled articles.
ARTICLE ?= articles
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

# `make fuzz`: every libFuzzer target (tests/fuzz/) FUZZ_TIME seconds each,
# built with clang in build-fuzz/; FUZZ_TARGETS to pick some (e.g. "md enc").
FUZZ_TIME ?= 60
FUZZ_TARGETS ?=

.PHONY: all deps run test check bench fuzz clean po

all:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	    -DYUEDU_WERROR=$(YUEDU_WERROR) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

deps:
	@scripts/deps.sh

run: deps all
	./$(BUILD)/yuedu $(ARTICLE)

test: deps
	cmake -S . -B $(TEST_BUILD) -DCMAKE_BUILD_TYPE=Debug -DYUEDU_SANITIZE=ON \
	    -DYUEDU_WERROR=$(YUEDU_WERROR) >/dev/null
	cmake --build $(TEST_BUILD) -j $(JOBS)
	cd $(TEST_BUILD) && ctest --output-on-failure -j $(JOBS)

check: deps
	cmake -S . -B $(CHECK_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	    -DYUEDU_SANITIZE=OFF -DYUEDU_WERROR=$(YUEDU_WERROR) >/dev/null
	cmake --build $(CHECK_BUILD) -j $(JOBS)
	cd $(CHECK_BUILD) && ctest --output-on-failure -j $(JOBS)

# po/yuedu.pot made again from the sources and merged into po/*.po:
# then translate what is new (msgstr "") in both catalogs.
po: all
	cmake --build $(BUILD) --target po

bench: all
	for b in tests/bench/*.sh; do bash $$b ./$(BUILD)/yuedu || exit 1; done

fuzz:
	@scripts/deps.sh fuzz
	JOBS=$(JOBS) tests/fuzz/run.sh $(FUZZ_TIME) $(FUZZ_TARGETS)

clean:
	rm -rf $(BUILD) $(TEST_BUILD) $(CHECK_BUILD) build-fuzz
