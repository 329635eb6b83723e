# Thin wrapper over CMake/ctest. `make run FILE=x.py` and `make test` are the two
# commands in the README; both install missing packages first.
JOBS ?= $(shell nproc)
BUILD ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60

.PHONY: all setup build run test test-fast test-asan fuzz bench bench-micro clean format

all: build

setup:
	@sh scripts/setup.sh

build: setup
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_ARGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	@./$(BUILD)/krait $(FILE) $(ARGS)

# Both flavours, then the sanitizer build, then the bounded fuzzing run.
test: build
	@cd $(BUILD) && ctest -j $(JOBS) --output-on-failure --timeout 120
	@$(MAKE) --no-print-directory test-asan
	@$(MAKE) --no-print-directory fuzz

test-fast: build
	@cd $(BUILD) && ctest -j $(JOBS) --output-on-failure --timeout 120

test-asan: setup
	@cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DKR_SANITIZE=ON >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 \
	    ctest -j $(JOBS) --output-on-failure --timeout 300

fuzz: setup
	@sh tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

# the benchmark peers: CPython 3.11 is on every machine, PyPy comes from Debian
bench: build
	@command -v pypy3 >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pypy3)
	@/usr/bin/python3.11 bench/run $(ARGS)

bench-micro: build
	@cmake --build $(BUILD) --target krait_micro krait_micro_ft
	@./$(BUILD)/bench/micro/krait_micro && ./$(BUILD)/bench/micro/krait_micro_ft

format:
	@clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
