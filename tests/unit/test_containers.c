/* test_containers.c - unit tests of the container types: list operations, growth and
 * sort stability, set iteration orders and frozenset/tuple hashes checked against
 * CPython (the data tables below were generated with /usr/bin/python3.11), range and
 * slice index arithmetic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "krait.h"

/* ---- data generated with /usr/bin/python3.11 ---- */
typedef struct {
    char op;
    int64_t v;
} SetOp;
typedef struct {
    const SetOp *ops;
    int nops;
    const int64_t *expect;
    int nexpect;
    int64_t pop_first;
} SetCase;
static const SetOp set_ops_0[] = {{'a', 5LL},  {'a', 3LL},  {'a', 9LL},  {'a', 1LL},
                                  {'a', 17LL}, {'a', 33LL}, {'a', 65LL}, {'a', 2LL}};
static const int64_t set_exp_0[] = {1LL, 33LL, 3LL, 65LL, 5LL, 2LL, 9LL, 17LL};
static const SetOp set_ops_1[] = {{'a', 0LL},  {'a', 1LL},  {'a', 2LL},  {'a', 3LL},  {'a', 4LL},
                                  {'a', 5LL},  {'a', 6LL},  {'a', 7LL},  {'a', 8LL},  {'a', 9LL},
                                  {'a', 10LL}, {'a', 11LL}, {'a', 12LL}, {'a', 13LL}, {'a', 14LL},
                                  {'a', 15LL}, {'a', 16LL}, {'a', 17LL}, {'a', 18LL}, {'a', 19LL}};
static const int64_t set_exp_1[] = {0LL,  1LL,  2LL,  3LL,  4LL,  5LL,  6LL,  7LL,  8LL,  9LL,
                                    10LL, 11LL, 12LL, 13LL, 14LL, 15LL, 16LL, 17LL, 18LL, 19LL};
static const SetOp set_ops_2[] = {{'a', 0LL},  {'a', 8LL},  {'a', 16LL}, {'a', 24LL},
                                  {'a', 32LL}, {'a', 40LL}, {'a', 48LL}, {'a', 56LL},
                                  {'a', 64LL}, {'a', 72LL}, {'a', 80LL}, {'a', 88LL}};
static const int64_t set_exp_2[] = {0LL,  32LL, 64LL, 8LL,  40LL, 72LL,
                                    16LL, 48LL, 80LL, 24LL, 56LL, 88LL};
static const SetOp set_ops_3[] = {{'a', 1LL},  {'a', 9LL},  {'a', 17LL}, {'a', 25LL}, {'a', 33LL},
                                  {'a', 41LL}, {'a', 49LL}, {'a', 57LL}, {'a', 65LL}, {'a', 73LL}};
static const int64_t set_exp_3[] = {1LL, 33LL, 65LL, 9LL, 41LL, 73LL, 17LL, 49LL, 25LL, 57LL};
static const SetOp set_ops_4[] = {{'a', -1LL},  {'a', -2LL},   {'a', -3LL},     {'a', -5LL},
                                  {'a', 100LL}, {'a', 1000LL}, {'a', 1000000LL}};
static const int64_t set_exp_4[] = {1000000LL, 100LL, 1000LL, -2LL, -5LL, -3LL, -1LL};
static const SetOp set_ops_5[] = {{'a', 2305843009213693951LL},        {'a', 2305843009213693952LL},
                                  {'a', 4611686018427387904LL},        {'a', 9223372036854775807LL},
                                  {'a', (-9223372036854775807LL - 1)}, {'a', 7LL},
                                  {'a', 2305843009213693950LL}};
static const int64_t set_exp_5[] = {2305843009213693951LL,
                                    2305843009213693952LL,
                                    4611686018427387904LL,
                                    9223372036854775807LL,
                                    7LL,
                                    (-9223372036854775807LL - 1),
                                    2305843009213693950LL};
static const SetOp set_ops_6[] = {
    {'a', -147LL}, {'a', 500LL}, {'a', -980LL}, {'a', 679LL}, {'a', 690LL}};
static const int64_t set_exp_6[] = {679LL, -980LL, -147LL, 690LL, 500LL};
static const SetOp set_ops_7[] = {{'a', 644LL},  {'a', -389LL}, {'a', 751LL},  {'a', -246LL},
                                  {'a', 908LL},  {'a', -604LL}, {'a', -447LL}, {'a', 159LL},
                                  {'a', -107LL}, {'a', -669LL}};
static const int64_t set_exp_7[] = {-447LL, -669LL, 644LL,  -604LL, -246LL,
                                    908LL,  751LL,  -107LL, -389LL, 159LL};
static const SetOp set_ops_8[] = {
    {'a', -236LL}, {'a', -746LL}, {'a', 790LL},  {'a', -114LL}, {'a', -466LL}, {'a', 151LL},
    {'a', 284LL},  {'a', -643LL}, {'a', 252LL},  {'a', 132LL},  {'a', -618LL}, {'a', -274LL},
    {'a', 511LL},  {'a', 962LL},  {'a', 500LL},  {'a', -814LL}, {'a', 87LL},   {'a', 506LL},
    {'a', -156LL}, {'a', 198LL},  {'a', 32LL},   {'a', -659LL}, {'a', -697LL}, {'a', -579LL},
    {'a', 472LL},  {'a', -841LL}, {'a', -611LL}, {'a', 714LL},  {'a', -301LL}, {'a', -341LL}};
static const int64_t set_exp_8[] = {132LL,  -114LL, -236LL, -746LL, 790LL,  151LL,  -618LL, 284LL,
                                    -611LL, 32LL,   -341LL, -466LL, -841LL, -579LL, 962LL,  198LL,
                                    -697LL, 714LL,  -814LL, -301LL, 87LL,   472LL,  -156LL, -659LL,
                                    -274LL, 500LL,  506LL,  252LL,  -643LL, 511LL};
static const SetOp set_ops_9[] = {
    {'a', -952LL}, {'a', -61LL},  {'a', -305LL}, {'a', -945LL}, {'a', 981LL},  {'a', 45LL},
    {'a', 414LL},  {'a', 524LL},  {'a', -150LL}, {'a', -993LL}, {'a', -987LL}, {'a', 925LL},
    {'a', 359LL},  {'a', 783LL},  {'a', -665LL}, {'a', 578LL},  {'a', 188LL},  {'a', -634LL},
    {'a', -414LL}, {'a', -797LL}, {'a', 336LL},  {'a', -152LL}, {'a', -784LL}, {'a', 813LL},
    {'a', 395LL},  {'a', 183LL},  {'a', -628LL}, {'a', 508LL},  {'a', -232LL}, {'a', -524LL},
    {'a', 966LL},  {'a', 72LL},   {'a', 220LL},  {'a', 452LL},  {'a', 870LL},  {'a', 689LL},
    {'a', -325LL}, {'a', 652LL},  {'a', -918LL}, {'a', -525LL}, {'a', -755LL}, {'a', 788LL},
    {'a', 22LL},   {'a', -557LL}, {'a', 509LL},  {'a', 642LL},  {'a', 548LL},  {'a', 136LL},
    {'a', 371LL},  {'a', -620LL}, {'a', -473LL}, {'a', 205LL},  {'a', -112LL}, {'a', 61LL},
    {'a', 876LL},  {'a', 963LL},  {'a', -735LL}, {'a', -915LL}, {'a', -664LL}, {'a', -383LL},
    {'a', 770LL},  {'a', 704LL},  {'a', -981LL}, {'a', -693LL}, {'a', 976LL},  {'a', -531LL},
    {'a', -284LL}, {'a', 104LL},  {'a', -300LL}, {'a', -679LL}, {'a', -210LL}, {'a', -337LL},
    {'a', -974LL}, {'a', -899LL}, {'a', -876LL}, {'a', 457LL},  {'a', -89LL},  {'a', -840LL},
    {'a', -206LL}, {'a', 636LL},  {'a', 885LL},  {'a', -633LL}, {'a', 615LL},  {'a', -977LL},
    {'a', 581LL},  {'a', 458LL},  {'a', -247LL}, {'a', -559LL}, {'a', 389LL},  {'a', 49LL},
    {'a', 559LL},  {'a', -752LL}, {'a', -16LL},  {'a', 273LL},  {'a', -874LL}, {'a', -972LL},
    {'a', 282LL},  {'a', 7LL},    {'a', -333LL}, {'a', 581LL}};
static const int64_t set_exp_9[] = {
    7LL,    524LL,  22LL,   -993LL, 548LL,  -987LL, -473LL, -981LL, 45LL,   -977LL, 559LL,
    49LL,   -974LL, -972LL, 61LL,   578LL,  581LL,  -952LL, 72LL,   -945LL, -414LL, 615LL,
    104LL,  -918LL, -915LL, 636LL,  -899LL, -383LL, 642LL,  136LL,  652LL,  -876LL, -874LL,
    -337LL, 689LL,  -333LL, 183LL,  -840LL, -325LL, 188LL,  704LL,  205LL,  -305LL, -300LL,
    220LL,  -797LL, -284LL, -784LL, 770LL,  -247LL, -755LL, 783LL,  -752LL, 273LL,  788LL,
    -232LL, 282LL,  -735LL, 813LL,  -210LL, -206LL, -693LL, 336LL,  -679LL, 870LL,  359LL,
    -665LL, -152LL, -150LL, -664LL, 876LL,  371LL,  885LL,  389LL,  -634LL, -633LL, 395LL,
    -628LL, -112LL, -620LL, 925LL,  414LL,  -89LL,  -61LL,  452LL,  963LL,  966LL,  457LL,
    458LL,  976LL,  -559LL, -557LL, 981LL,  -531LL, -16LL,  -525LL, -524LL, 508LL,  509LL};
static const SetOp set_ops_10[] = {
    {'a', 215LL}, {'a', 281LL}, {'d', 215LL}, {'a', 40LL}, {'a', 171LL}, {'d', 281LL}, {'d', 40LL},
    {'a', 266LL}, {'a', 75LL},  {'d', 266LL}, {'a', 49LL}, {'d', 75LL},  {'d', 49LL},  {'a', 124LL},
    {'a', 94LL},  {'d', 124LL}, {'d', 171LL}, {'d', 94LL}, {'a', 262LL}, {'a', 166LL}};
static const int64_t set_exp_10[] = {262LL, 166LL};
static const SetOp set_ops_11[] = {
    {'a', 235LL}, {'a', 292LL}, {'d', 235LL}, {'a', 119LL}, {'a', 149LL}, {'d', 149LL},
    {'a', 30LL},  {'d', 119LL}, {'d', 292LL}, {'a', 34LL},  {'d', 30LL},  {'d', 34LL},
    {'a', 205LL}, {'a', 135LL}, {'a', 252LL}, {'a', 135LL}, {'a', 112LL}, {'a', 1LL},
    {'a', 42LL},  {'d', 1LL},   {'a', 203LL}, {'a', 139LL}, {'a', 153LL}, {'a', 198LL},
    {'d', 42LL},  {'a', 20LL},  {'a', 82LL},  {'d', 203LL}, {'d', 198LL}, {'d', 252LL},
    {'d', 153LL}, {'d', 112LL}, {'a', 20LL},  {'d', 20LL},  {'d', 135LL}, {'d', 82LL},
    {'a', 145LL}, {'d', 205LL}, {'d', 139LL}, {'a', 209LL}, {'a', 7LL},   {'a', 77LL},
    {'a', 166LL}, {'a', 83LL},  {'a', 225LL}, {'d', 83LL},  {'d', 77LL},  {'a', 276LL},
    {'a', 8LL},   {'a', 224LL}};
static const int64_t set_exp_11[] = {224LL, 225LL, 166LL, 7LL, 8LL, 145LL, 209LL, 276LL};
static const SetOp set_ops_12[] = {
    {'a', 160LL}, {'a', 152LL}, {'d', 160LL}, {'a', 248LL}, {'a', 49LL},  {'a', 17LL},
    {'a', 158LL}, {'a', 268LL}, {'d', 17LL},  {'a', 216LL}, {'d', 248LL}, {'a', 83LL},
    {'a', 278LL}, {'d', 83LL},  {'a', 92LL},  {'a', 283LL}, {'a', 282LL}, {'a', 81LL},
    {'a', 233LL}, {'a', 7LL},   {'a', 37LL},  {'a', 35LL},  {'a', 62LL},  {'d', 81LL},
    {'d', 216LL}, {'d', 92LL},  {'a', 228LL}, {'a', 287LL}, {'d', 233LL}, {'a', 258LL},
    {'d', 152LL}, {'a', 276LL}, {'a', 188LL}, {'d', 37LL},  {'a', 215LL}, {'a', 167LL},
    {'d', 228LL}, {'a', 63LL},  {'d', 188LL}, {'d', 63LL},  {'a', 90LL},  {'a', 264LL},
    {'a', 141LL}, {'d', 264LL}, {'a', 103LL}, {'a', 154LL}, {'d', 215LL}, {'a', 287LL},
    {'a', 117LL}, {'d', 7LL},   {'d', 49LL},  {'d', 282LL}, {'a', 65LL},  {'a', 156LL},
    {'a', 14LL},  {'d', 103LL}, {'a', 297LL}, {'a', 225LL}, {'a', 143LL}, {'a', 275LL},
    {'d', 156LL}, {'a', 247LL}, {'a', 81LL},  {'a', 24LL},  {'a', 61LL},  {'d', 90LL},
    {'a', 200LL}, {'a', 199LL}, {'a', 62LL},  {'a', 117LL}, {'a', 3LL},   {'a', 79LL},
    {'a', 182LL}, {'d', 24LL},  {'d', 35LL},  {'a', 159LL}, {'a', 161LL}, {'a', 181LL},
    {'d', 81LL},  {'a', 13LL},  {'a', 200LL}, {'a', 191LL}, {'a', 290LL}, {'a', 152LL},
    {'a', 67LL},  {'a', 5LL},   {'a', 188LL}, {'d', 290LL}, {'d', 5LL},   {'a', 151LL},
    {'a', 117LL}, {'a', 163LL}, {'a', 76LL},  {'d', 278LL}, {'a', 62LL},  {'a', 64LL},
    {'a', 102LL}, {'a', 0LL},   {'d', 275LL}, {'a', 275LL}, {'a', 293LL}, {'a', 161LL},
    {'a', 297LL}, {'d', 152LL}, {'a', 161LL}, {'d', 276LL}, {'d', 199LL}, {'a', 256LL},
    {'d', 0LL},   {'d', 200LL}, {'d', 61LL},  {'a', 24LL},  {'d', 117LL}, {'a', 119LL},
    {'a', 22LL},  {'a', 71LL},  {'d', 65LL},  {'a', 296LL}, {'a', 88LL},  {'a', 261LL},
    {'a', 251LL}, {'a', 182LL}, {'a', 79LL},  {'d', 67LL},  {'d', 151LL}, {'a', 108LL},
    {'d', 296LL}, {'a', 36LL},  {'a', 128LL}, {'a', 282LL}, {'d', 154LL}, {'a', 227LL},
    {'d', 159LL}, {'d', 297LL}, {'a', 129LL}, {'a', 130LL}, {'d', 158LL}, {'a', 188LL},
    {'a', 283LL}, {'d', 141LL}, {'a', 55LL},  {'a', 86LL},  {'a', 256LL}, {'d', 129LL},
    {'d', 14LL},  {'a', 23LL},  {'a', 61LL},  {'a', 146LL}, {'d', 128LL}, {'d', 182LL},
    {'a', 218LL}, {'d', 188LL}, {'a', 160LL}, {'a', 285LL}, {'a', 134LL}, {'d', 22LL},
    {'a', 149LL}, {'a', 221LL}, {'a', 248LL}, {'a', 242LL}, {'a', 23LL},  {'a', 259LL},
    {'d', 191LL}, {'a', 39LL},  {'a', 298LL}, {'a', 283LL}, {'d', 247LL}, {'d', 268LL},
    {'a', 52LL},  {'d', 258LL}, {'d', 218LL}, {'d', 283LL}, {'a', 299LL}, {'d', 259LL},
    {'d', 62LL},  {'a', 51LL},  {'a', 35LL},  {'d', 163LL}, {'a', 240LL}, {'a', 73LL},
    {'a', 268LL}, {'a', 127LL}, {'a', 73LL},  {'a', 182LL}, {'a', 115LL}, {'a', 7LL},
    {'a', 60LL},  {'a', 244LL}, {'a', 188LL}, {'d', 71LL},  {'d', 275LL}, {'d', 86LL},
    {'a', 285LL}, {'a', 93LL},  {'d', 261LL}, {'a', 75LL},  {'d', 23LL},  {'d', 161LL},
    {'d', 285LL}, {'a', 96LL}};
static const int64_t set_exp_12[] = {
    256LL, 3LL,   7LL,   268LL, 13LL,  24LL,  282LL, 287LL, 35LL,  36LL,  293LL, 39LL,  298LL,
    299LL, 51LL,  52LL,  55LL,  60LL,  61LL,  64LL,  73LL,  75LL,  76LL,  79LL,  88LL,  93LL,
    96LL,  102LL, 108LL, 115LL, 119LL, 127LL, 130LL, 134LL, 143LL, 146LL, 149LL, 160LL, 167LL,
    181LL, 182LL, 188LL, 221LL, 225LL, 227LL, 240LL, 242LL, 244LL, 248LL, 251LL};
static const SetCase set_cases[] = {
    {set_ops_0, 8, set_exp_0, 8, 1LL},       {set_ops_1, 20, set_exp_1, 20, 0LL},
    {set_ops_2, 12, set_exp_2, 12, 0LL},     {set_ops_3, 10, set_exp_3, 10, 1LL},
    {set_ops_4, 7, set_exp_4, 7, 1000000LL}, {set_ops_5, 7, set_exp_5, 7, 2305843009213693951LL},
    {set_ops_6, 5, set_exp_6, 5, 690LL},     {set_ops_7, 10, set_exp_7, 10, -447LL},
    {set_ops_8, 30, set_exp_8, 30, 962LL},   {set_ops_9, 100, set_exp_9, 99, 770LL},
    {set_ops_10, 20, set_exp_10, 2, 166LL},  {set_ops_11, 50, set_exp_11, 8, 224LL},
    {set_ops_12, 200, set_exp_12, 50, 256LL}};
typedef struct {
    int n;
    int64_t items[30];
    int64_t hash;
} TupleHashCase;
static const TupleHashCase tuple_hash_cases[] = {
    {0, {0}, 5740354900026072187LL},
    {1, {1LL}, -6644214454873602895LL},
    {2, {1LL, 2LL}, -3550055125485641917LL},
    {3, {1LL, 2LL, 3LL}, 529344067295497451LL},
    {1, {-1LL}, 8078679518589016365LL},
    {2, {-1LL, -2LL}, 960947337673586213LL},
    {4, {0LL, 0LL, 0LL, 0LL}, -3226225171056353554LL},
    {1, {2305843009213693951LL}, -8753497827991233192LL},
    {2, {4611686018427387904LL, -4611686018427387904LL}, 3070960072220142017LL},
    {30,
     {0LL,  1LL,  2LL,  3LL,  4LL,  5LL,  6LL,  7LL,  8LL,  9LL,  10LL, 11LL, 12LL, 13LL, 14LL,
      15LL, 16LL, 17LL, 18LL, 19LL, 20LL, 21LL, 22LL, 23LL, 24LL, 25LL, 26LL, 27LL, 28LL, 29LL},
     8737013448715088792LL},
    {3, {1000000000000000000LL, 5LL, -7LL}, 4488720631964776725LL}};
typedef struct {
    int n;
    int64_t items[100];
    int64_t hash;
} FrozenHashCase;
static const FrozenHashCase frozen_hash_cases[] = {
    {0, {0}, 133146708735736LL},
    {1, {1LL}, -558064481276695278LL},
    {3, {1LL, 2LL, 3LL}, -272375401224217160LL},
    {100,
     {0LL,  1LL,  2LL,  3LL,  4LL,  5LL,  6LL,  7LL,  8LL,  9LL,  10LL, 11LL, 12LL, 13LL, 14LL,
      15LL, 16LL, 17LL, 18LL, 19LL, 20LL, 21LL, 22LL, 23LL, 24LL, 25LL, 26LL, 27LL, 28LL, 29LL,
      30LL, 31LL, 32LL, 33LL, 34LL, 35LL, 36LL, 37LL, 38LL, 39LL, 40LL, 41LL, 42LL, 43LL, 44LL,
      45LL, 46LL, 47LL, 48LL, 49LL, 50LL, 51LL, 52LL, 53LL, 54LL, 55LL, 56LL, 57LL, 58LL, 59LL,
      60LL, 61LL, 62LL, 63LL, 64LL, 65LL, 66LL, 67LL, 68LL, 69LL, 70LL, 71LL, 72LL, 73LL, 74LL,
      75LL, 76LL, 77LL, 78LL, 79LL, 80LL, 81LL, 82LL, 83LL, 84LL, 85LL, 86LL, 87LL, 88LL, 89LL,
      90LL, 91LL, 92LL, 93LL, 94LL, 95LL, 96LL, 97LL, 98LL, 99LL},
     4411996150312757951LL},
    {2, {-2LL, -1LL}, 399283329322573LL}};
static const int64_t alg_a[] = {57LL, 53LL, 42LL, 49LL, 53LL, 34LL, 52LL, 6LL,  23LL,
                                12LL, 46LL, 56LL, 1LL,  39LL, 6LL,  59LL, 13LL, 57LL,
                                55LL, 16LL, 5LL,  10LL, 21LL, 19LL, 56LL};
static const int64_t alg_b[] = {56LL, 3LL,  40LL, 52LL, 41LL, 43LL, 52LL, 62LL, 33LL, 41LL,
                                54LL, 10LL, 22LL, 31LL, 62LL, 61LL, 11LL, 43LL, 34LL, 40LL,
                                61LL, 44LL, 39LL, 45LL, 23LL, 43LL, 9LL,  13LL, 58LL, 55LL};
static const int64_t alg_or[] = {1LL,  3LL,  5LL,  6LL,  9LL,  10LL, 11LL, 12LL, 13LL,
                                 16LL, 19LL, 21LL, 22LL, 23LL, 31LL, 33LL, 34LL, 39LL,
                                 40LL, 41LL, 42LL, 43LL, 44LL, 45LL, 46LL, 49LL, 52LL,
                                 53LL, 54LL, 55LL, 56LL, 57LL, 58LL, 59LL, 61LL, 62LL};
static const int64_t alg_and[] = {34LL, 39LL, 10LL, 13LL, 52LL, 55LL, 23LL, 56LL};
static const int64_t alg_sub[] = {1LL,  5LL,  6LL,  42LL, 12LL, 46LL, 16LL,
                                  49LL, 19LL, 21LL, 53LL, 57LL, 59LL};
static const int64_t alg_xor[] = {1LL,  3LL,  5LL,  6LL,  9LL,  11LL, 12LL, 16LL, 19LL, 21LL,
                                  22LL, 31LL, 33LL, 40LL, 41LL, 42LL, 43LL, 44LL, 45LL, 46LL,
                                  49LL, 53LL, 54LL, 57LL, 58LL, 59LL, 61LL, 62LL};

/* ===========================================================================
 * Helpers
 * ========================================================================= */

static KrObject *I(int64_t v) {
    KrObject *o = kr_int_from_i64(v);
    assert_non_null(o);
    return o;
}

static int64_t V(KrObject *o) {
    int64_t v = kr_int_as_i64(o);
    assert_null(kr_err_occurred());
    return v;
}

static KrObject *set_from(const int64_t *xs, int n) {
    KrObject *s = kr_set_new(NULL);
    assert_non_null(s);
    for (int i = 0; i < n; i++) {
        KrObject *x = I(xs[i]);
        assert_int_equal(kr_set_add(s, x), 0);
        KR_DECREF(x);
    }
    return s;
}

static void assert_set_order(KrObject *s, const int64_t *expect, int n) {
    assert_int_equal(kr_set_size(s), n);
    kr_ssize pos = 0;
    KrObject *k;
    int i = 0;
    while (kr_set_next(s, &pos, &k)) {
        assert_true(i < n);
        assert_int_equal(V(k), expect[i]);
        i++;
    }
    assert_int_equal(i, n);
}

/* ===========================================================================
 * Sets
 * ========================================================================= */

static void test_set_orders(void **state) {
    for (size_t c = 0; c < sizeof set_cases / sizeof *set_cases; c++) {
        const SetCase *sc = &set_cases[c];
        KrObject *s = kr_set_new(NULL);
        for (int i = 0; i < sc->nops; i++) {
            KrObject *x = I(sc->ops[i].v);
            if (sc->ops[i].op == 'a')
                assert_int_equal(kr_set_add(s, x), 0);
            else
                assert_true(kr_set_discard(s, x) >= 0);
            KR_DECREF(x);
        }
        assert_set_order(s, sc->expect, sc->nexpect);
        if (sc->nexpect > 0) {
            /* s.copy().pop(): the copy is re-laid out (no dummies, maybe smaller) */
            KrObject *cp = kr_call_method(s, "copy", NULL, 0);
            assert_non_null(cp);
            KrObject *p = kr_call_method(cp, "pop", NULL, 0);
            assert_non_null(p);
            assert_int_equal(V(p), sc->pop_first);
            KR_DECREF(p);
            KR_DECREF(cp);
        }
        KR_DECREF(s);
    }
}

static void test_set_algebra(void **state) {
    KrObject *a = set_from(alg_a, sizeof alg_a / sizeof *alg_a);
    KrObject *b = set_from(alg_b, sizeof alg_b / sizeof *alg_b);
    struct {
        int op;
        const int64_t *expect;
        int n;
    } ops[] = {
        {KR_NB_OR, alg_or, sizeof alg_or / sizeof *alg_or},
        {KR_NB_AND, alg_and, sizeof alg_and / sizeof *alg_and},
        {KR_NB_SUBTRACT, alg_sub, sizeof alg_sub / sizeof *alg_sub},
        {KR_NB_XOR, alg_xor, sizeof alg_xor / sizeof *alg_xor},
    };
    for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
        KrObject *r = kr_number_binary_op(a, b, ops[i].op);
        assert_non_null(r);
        assert_set_order(r, ops[i].expect, ops[i].n);
        KR_DECREF(r);
    }
    KR_DECREF(a);
    KR_DECREF(b);
}

static void test_frozenset_hash(void **state) {
    for (size_t c = 0; c < sizeof frozen_hash_cases / sizeof *frozen_hash_cases; c++) {
        const FrozenHashCase *fc = &frozen_hash_cases[c];
        KrObject *s = set_from(fc->items, fc->n);
        KrObject *f = kr_frozenset_new(s);
        assert_non_null(f);
        assert_int_equal(kr_object_hash(f), fc->hash);
        KR_DECREF(f);
        KR_DECREF(s);
    }
}

static void test_set_remove_missing(void **state) {
    KrObject *s = kr_set_new(NULL);
    KrObject *x = I(42);
    KrObject *r = kr_call_method(s, "remove", &x, 1);
    assert_null(r);
    assert_true(kr_err_matches(kr_exc_KeyError));
    kr_err_clear();
    r = kr_call_method(s, "pop", NULL, 0);
    assert_null(r);
    assert_true(kr_err_matches(kr_exc_KeyError));
    kr_err_clear();
    KR_DECREF(x);
    KR_DECREF(s);
}

/* ===========================================================================
 * Tuples
 * ========================================================================= */

static void test_tuple_hash(void **state) {
    for (size_t c = 0; c < sizeof tuple_hash_cases / sizeof *tuple_hash_cases; c++) {
        const TupleHashCase *tc = &tuple_hash_cases[c];
        KrObject *t = kr_tuple_new(tc->n);
        for (int i = 0; i < tc->n; i++)
            KR_TUPLE_ITEM(t, i) = I(tc->items[i]);
        assert_int_equal(kr_object_hash(t), tc->hash);
        KR_DECREF(t);
    }
    assert_true(kr_tuple_new(0) == kr_empty_tuple);
}

static void test_tuple_slice_compare(void **state) {
    KrObject *t = kr_tuple_new(5);
    for (int i = 0; i < 5; i++)
        KR_TUPLE_ITEM(t, i) = I(i);
    KrObject *s = kr_tuple_slice(t, 1, 3);
    assert_int_equal(KR_SIZE(s), 2);
    assert_int_equal(V(KR_TUPLE_ITEM(s, 0)), 1);
    assert_int_equal(kr_object_richcompare_bool(s, t, KR_GT), 1);
    assert_int_equal(kr_object_richcompare_bool(t, t, KR_EQ), 1);
    KR_DECREF(s);
    KR_DECREF(t);
}

/* ===========================================================================
 * Lists
 * ========================================================================= */

static void test_list_growth(void **state) {
    /* CPython: sys.getsizeof of a list grown by append: 4, 8, 16, 24, 32, 40 slots */
    static const kr_ssize expect[] = {4,  4,  4,  4,  8,  8,  8,  8,  16, 16, 16, 16, 16, 16,
                                      16, 16, 24, 24, 24, 24, 24, 24, 24, 24, 32, 32, 32, 32,
                                      32, 32, 32, 32, 40, 40, 40, 40, 40, 40, 40, 40};
    KrObject *l = kr_list_new(0);
    for (int i = 0; i < 40; i++) {
        KrObject *x = I(i);
        assert_int_equal(kr_list_append(l, x), 0);
        KR_DECREF(x);
        assert_int_equal(((KrList *)l)->allocated, expect[i]);
    }
    KR_DECREF(l);
}

static void test_list_ops(void **state) {
    KrObject *l = kr_list_new(0);
    for (int i = 0; i < 10; i++) {
        KrObject *x = I(i);
        kr_list_append(l, x);
        KR_DECREF(x);
    }
    KrObject *x = I(100);
    assert_int_equal(kr_list_insert(l, -1, x), 0); /* before the last item */
    KR_DECREF(x);
    assert_int_equal(V(KR_LIST_ITEM(l, 9)), 100);
    assert_int_equal(KR_SIZE(l), 11);
    KrObject *idx = I(9);
    KrObject *p = kr_call_method(l, "pop", &idx, 1);
    KR_DECREF(idx);
    assert_int_equal(V(p), 100);
    KR_DECREF(p);
    kr_list_reverse(l);
    assert_int_equal(V(KR_LIST_ITEM(l, 0)), 9);
    /* l[::3] on 9..0 */
    KrObject *three = I(3);
    KrObject *sl = kr_slice_new(NULL, NULL, three);
    KR_DECREF(three);
    KrObject *r = kr_object_get_item(l, sl);
    assert_non_null(r);
    assert_int_equal(KR_SIZE(r), 4);
    assert_int_equal(V(KR_LIST_ITEM(r, 1)), 6);
    /* extended slice assignment with a wrong size fails */
    KrObject *small = kr_list_new(0);
    assert_int_equal(kr_object_set_item(l, sl, small), -1);
    assert_true(kr_err_matches(kr_exc_ValueError));
    kr_err_clear();
    /* del l[::3] */
    assert_int_equal(kr_object_del_item(l, sl), 0);
    assert_int_equal(KR_SIZE(l), 6);
    assert_int_equal(V(KR_LIST_ITEM(l, 0)), 8);
    KR_DECREF(small);
    KR_DECREF(r);
    KR_DECREF(sl);
    /* empty pop */
    KrObject *e = kr_list_new(0);
    assert_null(kr_call_method(e, "pop", NULL, 0));
    assert_true(kr_err_matches(kr_exc_IndexError));
    kr_err_clear();
    KR_DECREF(e);
    KR_DECREF(l);
}

static KrObject *first_item(KrObject *self, KrObject *arg) {
    return KR_NEWREF(KR_TUPLE_ITEM(arg, 0));
}
static KrMethodDef first_item_def = {"first", (void *)first_item, KR_METH_O, NULL};

static void test_list_sort_stable(void **state) {
    enum { N = 500 };
    KrObject *l = kr_list_new(N);
    uint32_t seed = 12345;
    for (int i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u;
        KrObject *k = I((seed >> 16) % 7), *v = I(i);
        KR_LIST_ITEM(l, i) = kr_tuple_pack(2, k, v);
        KR_DECREF(k);
        KR_DECREF(v);
    }
    KrObject *key = kr_cfunction_new(&first_item_def, NULL, NULL);
    assert_non_null(key);
    for (int rev = 0; rev < 2; rev++) {
        assert_int_equal(kr_list_sort(l, key, rev), 0);
        for (int i = 1; i < N; i++) {
            int64_t k0 = V(KR_TUPLE_ITEM(KR_LIST_ITEM(l, i - 1), 0));
            int64_t k1 = V(KR_TUPLE_ITEM(KR_LIST_ITEM(l, i), 0));
            int64_t i0 = V(KR_TUPLE_ITEM(KR_LIST_ITEM(l, i - 1), 1));
            int64_t i1 = V(KR_TUPLE_ITEM(KR_LIST_ITEM(l, i), 1));
            if (rev)
                assert_true(k0 > k1 || (k0 == k1 && i0 < i1));
            else
                assert_true(k0 < k1 || (k0 == k1 && i0 < i1));
        }
        /* re-sort by original index to restore input order for the next round */
        assert_int_equal(kr_list_sort(l, NULL, false), 0);
    }
    KR_DECREF(key);
    KR_DECREF(l);
}

static void test_list_sort_values(void **state) {
    enum { N = 3000 };
    KrObject *l = kr_list_new(N);
    uint64_t seed = 99;
    for (int i = 0; i < N; i++) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        int64_t v = (int64_t)(seed >> 33) - (1LL << 30);
        /* some runs and duplicates */
        if (i % 100 < 20) v = i;
        KR_LIST_ITEM(l, i) = (i % 2) ? kr_float_from_double((double)v / 3.0) : I(v);
    }
    assert_int_equal(kr_list_sort(l, NULL, false), 0);
    for (int i = 1; i < N; i++)
        assert_int_equal(
            kr_object_richcompare_bool(KR_LIST_ITEM(l, i - 1), KR_LIST_ITEM(l, i), KR_LE), 1);
    assert_int_equal(kr_list_sort(l, NULL, true), 0);
    for (int i = 1; i < N; i++)
        assert_int_equal(
            kr_object_richcompare_bool(KR_LIST_ITEM(l, i - 1), KR_LIST_ITEM(l, i), KR_GE), 1);
    KR_DECREF(l);
}

/* ===========================================================================
 * range and slice
 * ========================================================================= */

static void test_range(void **state) {
    KrObject *a[3] = {I(-5), I(20), I(3)};
    KrObject *r = kr_vectorcall((KrObject *)&kr_range_type, a, 3, NULL);
    assert_non_null(r);
    assert_int_equal(kr_object_length(r), 9);
    KrObject *seven = I(7), *eight = I(8);
    assert_int_equal(kr_object_contains(r, seven), 1);
    assert_int_equal(kr_object_contains(r, eight), 0);
    KrObject *it = kr_object_get_iter(r);
    int64_t expect = -5;
    KrObject *x;
    while ((x = kr_iter_next(it)) != NULL) {
        assert_int_equal(V(x), expect);
        expect += 3;
        KR_DECREF(x);
    }
    assert_int_equal(expect, 22);
    KR_DECREF(it);
    KR_DECREF(seven);
    KR_DECREF(eight);
    KR_DECREF(r);
    for (int i = 0; i < 3; i++)
        KR_DECREF(a[i]);
}

static void test_slice_indices(void **state) {
    struct {
        int64_t start, stop, step; /* INT64_MIN = None */
        kr_ssize len, es, ee, est, elen;
    } cases[] = {
        {INT64_MIN, INT64_MIN, INT64_MIN, 10, 0, 10, 1, 10},
        {INT64_MIN, INT64_MIN, -1, 10, 9, -1, -1, 10},
        {-3, INT64_MIN, INT64_MIN, 10, 7, 10, 1, 3},
        {2, 100, 3, 10, 2, 10, 3, 3},
        {-100, 100, 1, 5, 0, 5, 1, 5},
        {8, 2, -2, 10, 8, 2, -2, 3},
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        KrObject *p[3];
        int64_t v[3] = {cases[c].start, cases[c].stop, cases[c].step};
        for (int i = 0; i < 3; i++)
            p[i] = v[i] == INT64_MIN ? NULL : I(v[i]);
        KrObject *s = kr_slice_new(p[0], p[1], p[2]);
        kr_ssize st, en, sp, ln;
        assert_int_equal(kr_slice_indices(s, cases[c].len, &st, &en, &sp, &ln), 0);
        assert_int_equal(st, cases[c].es);
        assert_int_equal(en, cases[c].ee);
        assert_int_equal(sp, cases[c].est);
        assert_int_equal(ln, cases[c].elen);
        KR_DECREF(s);
        for (int i = 0; i < 3; i++)
            KR_XDECREF(p[i]);
    }
}

static int setup(void **state) {
    char *argv[] = {"test_containers", NULL};
    return kr_runtime_init(1, argv) < 0 ? -1 : 0;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_set_orders),
        cmocka_unit_test(test_set_algebra),
        cmocka_unit_test(test_frozenset_hash),
        cmocka_unit_test(test_set_remove_missing),
        cmocka_unit_test(test_tuple_hash),
        cmocka_unit_test(test_tuple_slice_compare),
        cmocka_unit_test(test_list_growth),
        cmocka_unit_test(test_list_ops),
        cmocka_unit_test(test_list_sort_stable),
        cmocka_unit_test(test_list_sort_values),
        cmocka_unit_test(test_range),
        cmocka_unit_test(test_slice_indices),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
