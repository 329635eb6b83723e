#!/bin/sh
# Builds the libFuzzer front-end target with clang (ASan + UBSan) and runs it for a
# bounded time. Every file in tests/fuzz/crashes/ (inputs that once crashed) is
# replayed first as a regression test. Usage: run.sh BUILD_DIR SECONDS
set -e
build=${1:-build-fuzz}
seconds=${2:-60}
top=$(cd "$(dirname "$0")/../.." && pwd)
cc=$(command -v clang-14 || command -v clang)
cmake -S "$top" -B "$build" -G Ninja -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="${cc%clang*}clang++${cc##*clang}" \
  -DCMAKE_BUILD_TYPE=Debug -DKR_FUZZ=ON >/dev/null
cmake --build "$build" --target fuzz_frontend -j "$(nproc)"
fuzzer="$build/fuzz_frontend"
export ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
if [ -n "$(ls "$top/tests/fuzz/crashes" 2>/dev/null)" ]; then
  echo "fuzz: replaying $(ls "$top/tests/fuzz/crashes" | wc -l) regression inputs"
  "$fuzzer" "$top"/tests/fuzz/crashes/*
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$top"/tests/fuzz/corpus/* "$work"/ 2>/dev/null || true
echo "fuzz: running for ${seconds}s"
"$fuzzer" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$build/" "$work" 2>&1 | tail -5
echo "fuzz: no crash in ${seconds}s"
