// micro_main.cpp - google-benchmark driver for Krait's hot C-API primitives.
// Each benchmark calls one C loop (micro_ops.c) that does kBatch operations, so
// the per-iteration overhead of the framework is amortised; items_per_second and
// the "per_op" counter (seconds, SI prefix) are per single operation.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

#include "micro_ops.h"

namespace {

constexpr int64_t kBatch = 1024;

template <int (*Op)(int64_t)>
void run_op(benchmark::State &state) {
    for (auto _ : state) {
        if (Op(kBatch) < 0) {
            state.SkipWithError("a Krait API call failed (see stderr)");
            break;
        }
    }
    const int64_t ops = state.iterations() * kBatch;
    state.SetItemsProcessed(ops);
    // seconds per single operation, printed with an SI prefix (e.g. 13.9n = 13.9 ns)
    state.counters["per_op"] = benchmark::Counter(
        static_cast<double>(ops), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

}  // namespace

BENCHMARK(run_op<krm_dict_get_int>)->Name("dict_get/int");
BENCHMARK(run_op<krm_dict_get_str>)->Name("dict_get/str");
BENCHMARK(run_op<krm_dict_insert_int>)->Name("dict_insert/int");
BENCHMARK(run_op<krm_dict_insert_str>)->Name("dict_insert/str");
BENCHMARK(run_op<krm_dict_replace_str>)->Name("dict_replace/str");
BENCHMARK(run_op<krm_getattr>)->Name("getattr/instance");
BENCHMARK(run_op<krm_int_add>)->Name("number_add/int");
BENCHMARK(run_op<krm_float_add>)->Name("number_add/float");
BENCHMARK(run_op<krm_call_c>)->Name("call/c_len");
BENCHMARK(run_op<krm_call_py>)->Name("call/py_tuple");
BENCHMARK(run_op<krm_call_py_vector>)->Name("call/py_vectorcall");
BENCHMARK(run_op<krm_list_append>)->Name("list/append");
BENCHMARK(run_op<krm_list_index>)->Name("list/index");
BENCHMARK(run_op<krm_str_new>)->Name("str/new32");
BENCHMARK(run_op<krm_str_hash_fresh>)->Name("str/new32+hash");
BENCHMARK(run_op<krm_str_hash_cached>)->Name("str/hash_cached");
BENCHMARK(run_op<krm_str_concat>)->Name("str/concat16+16");
BENCHMARK(run_op<krm_incref_decref>)->Name("refcount/incref+decref");

int main(int argc, char **argv) {
    if (krm_setup() < 0) return 1;
    benchmark::AddCustomContext("krait_flavour", krm_flavour());
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
