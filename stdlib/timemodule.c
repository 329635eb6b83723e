/* timemodule.c - the `time` module: clocks (time, perf_counter, monotonic, process and
 * thread CPU time, each with an _ns twin), sleep, struct_time (a 9-item tuple with the
 * extra tm_zone/tm_gmtoff attributes), gmtime/localtime/mktime, strftime, a C strptime
 * for the common directives, asctime/ctime and the timezone constants. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "krait.h"
#include "kr_code.h"

/* ---------------------------------------------------------------------------
 * Clocks
 * ------------------------------------------------------------------------- */

static int read_clock(clockid_t id, struct timespec *ts) {
    if (clock_gettime(id, ts) != 0) {
        kr_err_from_errno(kr_exc_OSError);
        return -1;
    }
    return 0;
}

static KrObject *clock_float(clockid_t id) {
    struct timespec ts;
    if (read_clock(id, &ts) < 0) return NULL;
    return kr_float_from_double((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static KrObject *clock_ns(clockid_t id) {
    struct timespec ts;
    if (read_clock(id, &ts) < 0) return NULL;
    return kr_int_from_i64((int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
}

#define CLOCK_PAIR(name, id)                                                               \
    static KrObject *time_##name(KrObject *self, KrObject *unused) {                       \
        (void)self;                                                                        \
        (void)unused;                                                                      \
        return clock_float(id);                                                            \
    }                                                                                      \
    static KrObject *time_##name##_ns(KrObject *self, KrObject *unused) {                  \
        (void)self;                                                                        \
        (void)unused;                                                                      \
        return clock_ns(id);                                                               \
    }

CLOCK_PAIR(time, CLOCK_REALTIME)
CLOCK_PAIR(perf_counter, CLOCK_MONOTONIC)
CLOCK_PAIR(monotonic, CLOCK_MONOTONIC)
CLOCK_PAIR(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_PAIR(thread_time, CLOCK_THREAD_CPUTIME_ID)

static int clock_id_arg(KrObject *o, clockid_t *id) {
    int64_t v;
    KrObject *i = kr_number_index(o);
    if (!i) return -1;
    if (kr_int_as_i64_overflow(i, &v)) {
        KR_DECREF(i);
        kr_err_set_string(kr_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    KR_DECREF(i);
    *id = (clockid_t)v;
    return 0;
}

static KrObject *time_clock_gettime(KrObject *self, KrObject *arg) {
    (void)self;
    clockid_t id;
    if (clock_id_arg(arg, &id) < 0) return NULL;
    return clock_float(id);
}

static KrObject *time_clock_gettime_ns(KrObject *self, KrObject *arg) {
    (void)self;
    clockid_t id;
    if (clock_id_arg(arg, &id) < 0) return NULL;
    return clock_ns(id);
}

static KrObject *time_clock_getres(KrObject *self, KrObject *arg) {
    (void)self;
    clockid_t id;
    struct timespec ts;
    if (clock_id_arg(arg, &id) < 0) return NULL;
    if (clock_getres(id, &ts) != 0) return kr_err_from_errno(kr_exc_OSError);
    return kr_float_from_double((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

/* sleep(secs): absolute deadline on CLOCK_MONOTONIC so signals don't stretch it; a
 * signal whose handler raises (Ctrl-C) ends the sleep with that exception. */
static KrObject *time_sleep(KrObject *self, KrObject *arg) {
    (void)self;
    double secs;
    if (KR_INT_CHECK(arg)) {
        secs = kr_int_as_double(arg);
        if (secs == -1.0 && kr_err_occurred()) return NULL;
    } else if (KR_FLOAT_CHECK(arg)) {
        secs = ((KrFloat *)arg)->value;
    } else {
        secs = kr_float_as_double(arg);
        if (secs == -1.0 && kr_err_occurred()) {
            kr_err_clear();
            return kr_err_format(kr_exc_TypeError,
                                 "'%s' object cannot be interpreted as an integer",
                                 kr_type_name_cstr(KR_TYPE(arg)));
        }
    }
    if (isnan(secs)) {
        kr_err_set_string(kr_exc_ValueError, "Invalid value NaN (not a number)");
        return NULL;
    }
    if (secs < 0) {
        kr_err_set_string(kr_exc_ValueError, "sleep length must be non-negative");
        return NULL;
    }
    if (secs > 9.2e9) {
        kr_err_set_string(kr_exc_OverflowError, "sleep length is too large");
        return NULL;
    }
    struct timespec deadline;
    if (read_clock(CLOCK_MONOTONIC, &deadline) < 0) return NULL;
    double whole = floor(secs);
    deadline.tv_sec += (time_t)whole;
    deadline.tv_nsec += (long)((secs - whole) * 1e9);
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000L;
    }
    for (;;) {
        int rc = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL);
        if (rc == 0) break;
        if (rc != EINTR) {
            errno = rc;
            return kr_err_from_errno(kr_exc_OSError);
        }
        if (kr_signals_handle() < 0) return NULL;
    }
    return kr_none_new();
}

/* ---------------------------------------------------------------------------
 * struct_time: a tuple of 9 whose object also carries tm_zone and tm_gmtoff
 * ------------------------------------------------------------------------- */

#define ST_VISIBLE 9
#define ST_FIELDS 11

static const char *const st_names[ST_FIELDS] = {
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
    "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff",
};

static KrMemberDef st_members[ST_FIELDS + 1];
extern KrType kr_struct_time_type;

/* The hidden fields live in item slots past ob_size: tuple code never sees them. */
static void st_dealloc(KrObject *o) {
    for (int i = ST_VISIBLE; i < ST_FIELDS; i++) KR_CLEAR(KR_TUPLE_ITEM(o, i));
    kr_tuple_type.tp_dealloc(o);
}

static KrObject *st_make(KrObject **values) {
    KrObject *o = kr_object_new_var(&kr_struct_time_type, ST_FIELDS);
    if (!o) {
        for (int i = 0; i < ST_FIELDS; i++) KR_XDECREF(values[i]);
        return NULL;
    }
    ((KrTuple *)o)->hash = -1;
    bool ok = true;
    for (int i = 0; i < ST_FIELDS; i++) {
        KR_TUPLE_ITEM(o, i) = values[i];
        if (!values[i]) ok = false;
    }
    KR_SIZE(o) = ST_VISIBLE;
    if (kr_type_has_flag(&kr_struct_time_type, KR_TPFLAGS_HAVE_GC)) kr_gc_track(o);
    if (!ok) {
        KR_DECREF(o);
        return NULL;
    }
    return o;
}

static KrObject *st_repr(KrObject *self) {
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    kr_strbuilder_append_cstr(&b, "time.struct_time(");
    for (int i = 0; i < ST_VISIBLE; i++) {
        if (i) kr_strbuilder_append_cstr(&b, ", ");
        kr_strbuilder_append_cstr(&b, st_names[i]);
        kr_strbuilder_append_cstr(&b, "=");
        KrObject *r = kr_object_repr(KR_TUPLE_ITEM(self, i));
        if (!r) {
            kr_strbuilder_discard(&b);
            return NULL;
        }
        kr_strbuilder_append_str(&b, r);
        KR_DECREF(r);
    }
    kr_strbuilder_append_cstr(&b, ")");
    return kr_strbuilder_finish(&b);
}

static KrObject *st_new(KrType *type, KrObject *args, KrObject *kwargs) {
    (void)type;
    (void)kwargs;
    if (!args || KR_SIZE(args) < 1)
        return kr_err_format(kr_exc_TypeError,
                             "structseq() missing required argument 'sequence' (pos 1)");
    KrObject *seq = kr_tuple_from_iterable(KR_TUPLE_ITEM(args, 0));
    if (!seq) return NULL;
    kr_ssize n = KR_SIZE(seq);
    if (n < ST_VISIBLE || n > ST_FIELDS) {
        if (n < ST_VISIBLE)
            kr_err_format(kr_exc_TypeError,
                          "time.struct_time() takes an at least 9-sequence (%zd-sequence given)", n);
        else
            kr_err_format(kr_exc_TypeError,
                          "time.struct_time() takes an at most 11-sequence (%zd-sequence given)", n);
        KR_DECREF(seq);
        return NULL;
    }
    KrObject *vals[ST_FIELDS];
    for (int i = 0; i < ST_FIELDS; i++) vals[i] = i < n ? KR_NEWREF(KR_TUPLE_ITEM(seq, i)) : kr_none;
    KR_DECREF(seq);
    return st_make(vals);
}

static KrObject *st_reduce(KrObject *self, KrObject *unused) {
    (void)unused;
    KrObject *items = kr_tuple_from_array(KR_TUPLE_ITEMS(self), ST_VISIBLE);
    if (!items) return NULL;
    KrObject *args = kr_tuple_pack(1, items);
    KR_DECREF(items);
    if (!args) return NULL;
    KrObject *r = kr_tuple_pack(2, (KrObject *)&kr_struct_time_type, args);
    KR_DECREF(args);
    return r;
}

static KrMethodDef st_methods[] = {
    {"__reduce__", (void *)st_reduce, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KrType kr_struct_time_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "time.struct_time",
    .tp_dealloc = st_dealloc,
    .tp_repr = st_repr,
    .tp_members = st_members,
    .tp_methods = st_methods,
    .tp_base = &kr_tuple_type,
    .tp_new = st_new,
    .tp_doc = "The time value as returned by gmtime(), localtime(), and strptime().",
};

static KrObject *tm_to_struct(const struct tm *tm, bool with_zone) {
    KrObject *v[ST_FIELDS];
    v[0] = kr_int_from_i64((int64_t)tm->tm_year + 1900);
    v[1] = kr_int_from_i64(tm->tm_mon + 1);
    v[2] = kr_int_from_i64(tm->tm_mday);
    v[3] = kr_int_from_i64(tm->tm_hour);
    v[4] = kr_int_from_i64(tm->tm_min);
    v[5] = kr_int_from_i64(tm->tm_sec);
    v[6] = kr_int_from_i64((tm->tm_wday + 6) % 7); /* Monday is 0 */
    v[7] = kr_int_from_i64(tm->tm_yday + 1);
    v[8] = kr_int_from_i64(tm->tm_isdst);
    if (with_zone) {
        v[9] = tm->tm_zone ? kr_str_from_cstr(tm->tm_zone) : kr_none;
        v[10] = kr_int_from_i64(tm->tm_gmtoff);
    } else {
        v[9] = kr_none;
        v[10] = kr_none;
    }
    return st_make(v);
}

/* ---------------------------------------------------------------------------
 * Conversions between seconds and broken-down time
 * ------------------------------------------------------------------------- */

/* seconds argument (None = now) as time_t, rounding towards -inf like CPython */
static int secs_arg(KrObject *const *args, kr_ssize nargs, const char *name, time_t *out) {
    if (kr_arg_check_positional(name, nargs, 0, 1) < 0) return -1;
    if (nargs == 0 || args[0] == kr_none) {
        *out = time(NULL);
        return 0;
    }
    KrObject *o = args[0];
    if (KR_FLOAT_CHECK(o)) {
        double d = ((KrFloat *)o)->value;
        if (isnan(d)) {
            kr_err_set_string(kr_exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = floor(d);
        if (!(d >= -9.2e18 && d <= 9.2e18)) {
            kr_err_set_string(kr_exc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *out = (time_t)d;
        return 0;
    }
    KrObject *i = kr_number_index(o);
    if (!i) {
        kr_err_clear();
        kr_err_format(kr_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      kr_type_name_cstr(KR_TYPE(o)));
        return -1;
    }
    int64_t v;
    int ovf = kr_int_as_i64_overflow(i, &v);
    KR_DECREF(i);
    if (ovf) {
        kr_err_set_string(kr_exc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    *out = (time_t)v;
    return 0;
}

static KrObject *time_gmtime(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    (void)self;
    time_t t;
    struct tm tm;
    if (secs_arg(args, nargs, "gmtime", &t) < 0) return NULL;
    errno = 0;
    if (!gmtime_r(&t, &tm)) {
        if (errno == 0 || errno == EOVERFLOW)
            kr_err_set_string(kr_exc_OverflowError, "timestamp out of range for platform time_t");
        else
            kr_err_from_errno(kr_exc_OSError);
        return NULL;
    }
    return tm_to_struct(&tm, true);
}

static KrObject *time_localtime(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    (void)self;
    time_t t;
    struct tm tm;
    if (secs_arg(args, nargs, "localtime", &t) < 0) return NULL;
    errno = 0;
    if (!localtime_r(&t, &tm)) {
        if (errno == 0 || errno == EOVERFLOW)
            kr_err_set_string(kr_exc_OverflowError, "timestamp out of range for platform time_t");
        else
            kr_err_from_errno(kr_exc_OSError);
        return NULL;
    }
    return tm_to_struct(&tm, true);
}

static int item_int(KrObject *seq, int i, int *out) {
    KrObject *v = KR_TUPLE_ITEM(seq, i);
    KrObject *n = kr_number_index(v);
    if (!n) return -1;
    int64_t x;
    int ovf = kr_int_as_i64_overflow(n, &x);
    KR_DECREF(n);
    if (ovf || x > INT32_MAX || x < INT32_MIN) {
        kr_err_set_string(kr_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)x;
    return 0;
}

/* A 9-tuple or struct_time as struct tm (Python conventions undone). */
static int gettmarg(KrObject *arg, struct tm *tm, const char *fname) {
    memset(tm, 0, sizeof *tm);
    if (!KR_TUPLE_CHECK(arg)) {
        kr_err_set_string(kr_exc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    if (KR_SIZE(arg) != 9) {
        kr_err_format(kr_exc_TypeError, "%s(): illegal time tuple argument", fname);
        return -1;
    }
    int y, f[8];
    if (item_int(arg, 0, &y) < 0) return -1;
    for (int i = 1; i < 9; i++)
        if (item_int(arg, i, &f[i - 1]) < 0) return -1;
    tm->tm_year = y - 1900;
    tm->tm_mon = f[0] - 1;
    tm->tm_mday = f[1];
    tm->tm_hour = f[2];
    tm->tm_min = f[3];
    tm->tm_sec = f[4];
    tm->tm_wday = (f[5] + 1) % 7;
    if (tm->tm_wday < 0) tm->tm_wday += 7;
    tm->tm_yday = f[6] - 1;
    tm->tm_isdst = f[7];
    if (KR_TYPE(arg) == &kr_struct_time_type) {
        KrObject *zone = KR_TUPLE_ITEM(arg, 9), *off = KR_TUPLE_ITEM(arg, 10);
        if (zone && KR_STR_CHECK(zone)) tm->tm_zone = kr_str_data(zone);
        if (off && KR_INT_CHECK(off)) tm->tm_gmtoff = (long)kr_int_as_i64(off);
    }
    return 0;
}

/* Range checks of strftime/asctime (0 in mon/mday/yday means "first"). */
static int checktm(struct tm *tm) {
    if (tm->tm_mon == -1)
        tm->tm_mon = 0;
    else if (tm->tm_mon < 0 || tm->tm_mon > 11) {
        kr_err_set_string(kr_exc_ValueError, "month out of range");
        return -1;
    }
    if (tm->tm_mday == 0)
        tm->tm_mday = 1;
    else if (tm->tm_mday < 0 || tm->tm_mday > 31) {
        kr_err_set_string(kr_exc_ValueError, "day of month out of range");
        return -1;
    }
    if (tm->tm_hour < 0 || tm->tm_hour > 23) {
        kr_err_set_string(kr_exc_ValueError, "hour out of range");
        return -1;
    }
    if (tm->tm_min < 0 || tm->tm_min > 59) {
        kr_err_set_string(kr_exc_ValueError, "minute out of range");
        return -1;
    }
    if (tm->tm_sec < 0 || tm->tm_sec > 61) {
        kr_err_set_string(kr_exc_ValueError, "seconds out of range");
        return -1;
    }
    if (tm->tm_wday < 0) {
        kr_err_set_string(kr_exc_ValueError, "day of week out of range");
        return -1;
    }
    if (tm->tm_yday == -1)
        tm->tm_yday = 0;
    else if (tm->tm_yday < 0 || tm->tm_yday > 365) {
        kr_err_set_string(kr_exc_ValueError, "day of year out of range");
        return -1;
    }
    return 0;
}

static KrObject *time_mktime(KrObject *self, KrObject *arg) {
    (void)self;
    struct tm tm;
    if (gettmarg(arg, &tm, "mktime") < 0) return NULL;
    tm.tm_wday = -1; /* sentinel: mktime() sets it on success */
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1) {
        kr_err_set_string(kr_exc_OverflowError, "mktime argument out of range");
        return NULL;
    }
    return kr_float_from_double((double)t);
}

static KrObject *time_strftime(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    (void)self;
    if (kr_arg_check_positional("strftime", nargs, 1, 2) < 0) return NULL;
    if (!KR_STR_CHECK(args[0]))
        return kr_err_format(kr_exc_TypeError, "strftime() argument 1 must be str, not %s",
                             kr_type_name_cstr(KR_TYPE(args[0])));
    struct tm tm;
    if (nargs == 1 || args[1] == kr_none) {
        time_t now = time(NULL);
        localtime_r(&now, &tm);
    } else {
        if (gettmarg(args[1], &tm, "strftime") < 0 || checktm(&tm) < 0) return NULL;
        if (tm.tm_isdst < -1) tm.tm_isdst = -1;
        if (tm.tm_isdst > 1) tm.tm_isdst = 1;
    }
    const char *fmt = kr_str_data(args[0]);
    if (strlen(fmt) != (size_t)kr_str_size(args[0])) {
        kr_err_set_string(kr_exc_ValueError, "embedded null character");
        return NULL;
    }
    if (*fmt == 0) return KR_NEWREF(kr_str_empty);
    /* strftime() returns 0 both for "too small" and for an empty result: grow up to
     * a generous bound, then accept the empty string */
    size_t fmtlen = strlen(fmt);
    for (size_t cap = 1024; ; cap *= 2) {
        char *buf = kr_mem_malloc(cap);
        if (!buf) return NULL;
        size_t n = strftime(buf, cap, fmt, &tm);
        if (n > 0 || cap > 256 * fmtlen + 4096) {
            KrObject *r = kr_str_decode(buf, (kr_ssize)n, "utf-8", "surrogateescape");
            kr_mem_free(buf);
            return r;
        }
        kr_mem_free(buf);
    }
}

static const char wday_names[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char mon_names[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const wday_full[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                         "Thursday", "Friday", "Saturday"};
static const char *const mon_full[12] = {"January", "February", "March",     "April",
                                         "May",     "June",     "July",      "August",
                                         "September", "October", "November", "December"};

static KrObject *format_asctime(const struct tm *tm) {
    return kr_str_from_format("%s %s%3d %02d:%02d:%02d %d", wday_names[tm->tm_wday % 7],
                              mon_names[tm->tm_mon % 12], tm->tm_mday, tm->tm_hour, tm->tm_min,
                              tm->tm_sec, 1900 + tm->tm_year);
}

static KrObject *time_asctime(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    (void)self;
    if (kr_arg_check_positional("asctime", nargs, 0, 1) < 0) return NULL;
    struct tm tm;
    if (nargs == 0 || args[0] == kr_none) {
        time_t now = time(NULL);
        localtime_r(&now, &tm);
    } else if (gettmarg(args[0], &tm, "asctime") < 0 || checktm(&tm) < 0) {
        return NULL;
    }
    return format_asctime(&tm);
}

static KrObject *time_ctime(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    (void)self;
    time_t t;
    struct tm tm;
    if (secs_arg(args, nargs, "ctime", &t) < 0) return NULL;
    if (!localtime_r(&t, &tm)) {
        kr_err_set_string(kr_exc_OverflowError, "timestamp out of range for platform time_t");
        return NULL;
    }
    return format_asctime(&tm);
}

/* ---------------------------------------------------------------------------
 * strptime for the common directives (C locale)
 * ------------------------------------------------------------------------- */

static int days_before_month(int year, int mon) { /* mon 0..11 */
    static const int cum[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return cum[mon] + (mon > 1 && leap);
}

/* Monday = 0, proleptic Gregorian */
static int weekday(int y, int m, int d) {
    static const int t[12] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    int yy = m < 3 ? y - 1 : y;
    int w = (yy + yy / 4 - yy / 100 + yy / 400 + t[m - 1] + d) % 7; /* Sunday = 0 */
    return (w + 6) % 7;
}

static int parse_num(const char **s, int maxdigits, int *out) {
    const char *p = *s;
    int v = 0, n = 0;
    while (n < maxdigits && isdigit((unsigned char)*p)) {
        v = v * 10 + (*p - '0');
        p++;
        n++;
    }
    if (n == 0) return -1;
    *s = p;
    *out = v;
    return 0;
}

/* A number in [lo, hi] with at most maxdigits digits, taking fewer digits when the
 * longer reading is out of range (as the alternatives of CPython's regexes do). */
static int parse_ranged(const char **s, int maxdigits, int lo, int hi, int *out) {
    for (int d = maxdigits; d >= 1; d--) {
        const char *p = *s;
        int v;
        if (parse_num(&p, d, &v) < 0) return -1;
        if (v >= lo && v <= hi) {
            *s = p;
            *out = v;
            return 0;
        }
    }
    return -1;
}

static int parse_name(const char **s, const char *const *full, const char (*abbr)[4], int n,
                      bool want_full, int *out) {
    for (int i = 0; i < n; i++) {
        if (want_full) {
            size_t len = strlen(full[i]);
            if (!strncasecmp(*s, full[i], len)) {
                *s += len;
                *out = i;
                return 0;
            }
        }
        if (!strncasecmp(*s, abbr[i], 3)) {
            /* %A also accepts the abbreviation, like CPython's regex alternatives */
            size_t len = strlen(full[i]);
            if (!strncasecmp(*s, full[i], len))
                *s += len;
            else
                *s += 3;
            *out = i;
            return 0;
        }
    }
    return -1;
}

static KrObject *time_strptime(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    (void)self;
    if (kr_arg_check_positional("strptime", nargs, 1, 2) < 0) return NULL;
    KrObject *data = args[0];
    KrObject *fmto = nargs > 1 ? args[1] : NULL;
    if (!KR_STR_CHECK(data))
        return kr_err_format(kr_exc_TypeError, "strptime() argument 0 must be str, not %s",
                             kr_type_name_cstr(KR_TYPE(data)));
    if (fmto && !KR_STR_CHECK(fmto))
        return kr_err_format(kr_exc_TypeError, "strptime() argument 1 must be str, not %s",
                             kr_type_name_cstr(KR_TYPE(fmto)));
    const char *s = kr_str_data(data);
    const char *f = fmto ? kr_str_data(fmto) : "%a %b %d %H:%M:%S %Y";
    int year = 1900, mon = 1, mday = 1, hour = 0, min = 0, sec = 0, yday = -1, wday = -1;
    int ampm = -1, hour12 = -1, gmtoff_set = 0;
    long gmtoff = 0;
    KrObject *zone = NULL;
    while (*f) {
        if (isspace((unsigned char)*f)) {
            while (isspace((unsigned char)*f)) f++;
            while (isspace((unsigned char)*s)) s++;
            continue;
        }
        if (*f != '%') {
            if (*s != *f) goto mismatch;
            s++;
            f++;
            continue;
        }
        f++;
        int v;
        switch (*f) {
        case 'Y':
            if (parse_num(&s, 4, &year) < 0) goto mismatch;
            break;
        case 'y':
            if (parse_num(&s, 2, &v) < 0) goto mismatch;
            year = v < 69 ? 2000 + v : 1900 + v;
            break;
        case 'm':
            if (parse_ranged(&s, 2, 1, 12, &mon) < 0) goto mismatch;
            break;
        case 'd':
            if (parse_ranged(&s, 2, 1, 31, &mday) < 0) goto mismatch;
            break;
        case 'H':
            if (parse_ranged(&s, 2, 0, 23, &hour) < 0) goto mismatch;
            break;
        case 'I':
            if (parse_ranged(&s, 2, 1, 12, &hour12) < 0) goto mismatch;
            break;
        case 'M':
            if (parse_ranged(&s, 2, 0, 59, &min) < 0) goto mismatch;
            break;
        case 'S':
            if (parse_ranged(&s, 2, 0, 61, &sec) < 0) goto mismatch;
            break;
        case 'j':
            if (parse_ranged(&s, 3, 1, 366, &yday) < 0) goto mismatch;
            break;
        case 'f':
            if (parse_num(&s, 6, &v) < 0) goto mismatch;
            break;
        case 'w':
            if (parse_num(&s, 1, &v) < 0 || v > 6) goto mismatch;
            wday = (v + 6) % 7;
            break;
        case 'u':
            if (parse_num(&s, 1, &v) < 0 || v < 1 || v > 7) goto mismatch;
            wday = v - 1;
            break;
        case 'a':
        case 'A':
            if (parse_name(&s, wday_full, wday_names, 7, *f == 'A', &v) < 0) goto mismatch;
            wday = (v + 6) % 7;
            break;
        case 'b':
        case 'B':
        case 'h':
            if (parse_name(&s, mon_full, mon_names, 12, *f == 'B', &v) < 0) goto mismatch;
            mon = v + 1;
            break;
        case 'p':
            if (!strncasecmp(s, "am", 2))
                ampm = 0;
            else if (!strncasecmp(s, "pm", 2))
                ampm = 1;
            else
                goto mismatch;
            s += 2;
            break;
        case 'z': {
            int sign = 1, hh, mm = 0;
            if (*s == 'Z') {
                s++;
                gmtoff = 0;
                gmtoff_set = 1;
                break;
            }
            if (*s == '+' || *s == '-') sign = *s++ == '-' ? -1 : 1;
            else goto mismatch;
            if (parse_num(&s, 2, &hh) < 0) goto mismatch;
            if (*s == ':') s++;
            if (isdigit((unsigned char)*s) && parse_num(&s, 2, &mm) < 0) goto mismatch;
            gmtoff = sign * (hh * 3600L + mm * 60L);
            gmtoff_set = 1;
            break;
        }
        case 'Z': {
            const char *start = s;
            while (isalpha((unsigned char)*s)) s++;
            if (s == start) goto mismatch;
            KR_XDECREF(zone);
            zone = kr_str_from_utf8(start, (kr_ssize)(s - start));
            if (!zone) return NULL;
            break;
        }
        case '%':
            if (*s != '%') goto mismatch;
            s++;
            break;
        default:
            KR_XDECREF(zone);
            if (*f == 0) return kr_err_format(kr_exc_ValueError, "stray %% in format '%s'",
                                              fmto ? kr_str_data(fmto) : "");
            return kr_err_format(kr_exc_ValueError, "'%c' is a bad directive in format '%s'", *f,
                                 fmto ? kr_str_data(fmto) : "");
        }
        f++;
    }
    if (*s) {
        KR_XDECREF(zone);
        return kr_err_format(kr_exc_ValueError, "unconverted data remains: %s", s);
    }
    if (hour12 >= 0) hour = ampm == 1 ? (hour12 % 12) + 12 : hour12 % 12;
    if (yday >= 0 && mon == 1 && mday == 1 && yday > 0) {
        /* a day of the year fixes month and day */
        int m = 0;
        while (m < 11 && days_before_month(year, m + 1) < yday) m++;
        mon = m + 1;
        mday = yday - days_before_month(year, m);
    }
    if (yday < 0) yday = days_before_month(year, mon - 1) + mday;
    if (wday < 0 || yday >= 0) wday = weekday(year, mon, mday);
    KrObject *v[ST_FIELDS] = {
        kr_int_from_i64(year), kr_int_from_i64(mon),  kr_int_from_i64(mday),
        kr_int_from_i64(hour), kr_int_from_i64(min),  kr_int_from_i64(sec),
        kr_int_from_i64(wday), kr_int_from_i64(yday), kr_int_from_i64(-1),
        zone ? zone : kr_none, gmtoff_set ? kr_int_from_i64(gmtoff) : kr_none,
    };
    return st_make(v);
mismatch:
    KR_XDECREF(zone);
    if (!fmto)
        return kr_err_format(kr_exc_ValueError,
                             "time data %R does not match format '%%a %%b %%d %%H:%%M:%%S %%Y'",
                             data);
    return kr_err_format(kr_exc_ValueError, "time data %R does not match format %R", data, fmto);
}

/* ---------------------------------------------------------------------------
 * Clock info and time zone
 * ------------------------------------------------------------------------- */

static KrObject *time_get_clock_info(KrObject *self, KrObject *arg) {
    (void)self;
    if (!KR_STR_CHECK(arg))
        return kr_err_format(kr_exc_TypeError, "get_clock_info() argument must be str, not %s",
                             kr_type_name_cstr(KR_TYPE(arg)));
    const char *name = kr_str_data(arg), *impl;
    clockid_t id;
    bool monotonic = true, adjustable = false;
    if (!strcmp(name, "time")) {
        impl = "clock_gettime(CLOCK_REALTIME)";
        id = CLOCK_REALTIME;
        monotonic = false;
        adjustable = true;
    } else if (!strcmp(name, "monotonic") || !strcmp(name, "perf_counter")) {
        impl = "clock_gettime(CLOCK_MONOTONIC)";
        id = CLOCK_MONOTONIC;
    } else if (!strcmp(name, "process_time")) {
        impl = "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)";
        id = CLOCK_PROCESS_CPUTIME_ID;
    } else if (!strcmp(name, "thread_time")) {
        impl = "clock_gettime(CLOCK_THREAD_CPUTIME_ID)";
        id = CLOCK_THREAD_CPUTIME_ID;
    } else {
        kr_err_set_string(kr_exc_ValueError, "unknown clock");
        return NULL;
    }
    struct timespec res;
    double resolution = 1e-9;
    if (clock_getres(id, &res) == 0) resolution = (double)res.tv_sec + (double)res.tv_nsec * 1e-9;
    KrObject *d = kr_dict_new();
    if (!d) return NULL;
    KrObject *impl_s = kr_str_from_cstr(impl), *res_f = kr_float_from_double(resolution);
    int ok = impl_s && res_f && kr_dict_set_item_str(d, "implementation", impl_s) == 0 &&
             kr_dict_set_item_str(d, "monotonic", kr_bool_new(monotonic)) == 0 &&
             kr_dict_set_item_str(d, "adjustable", kr_bool_new(adjustable)) == 0 &&
             kr_dict_set_item_str(d, "resolution", res_f) == 0;
    KR_XDECREF(impl_s);
    KR_XDECREF(res_f);
    KrObject *ns = ok ? kr_namespace_new(d) : NULL;
    KR_DECREF(d);
    return ns;
}

/* timezone/altzone/daylight/tzname from January and July of the current year. */
static int init_timezone(KrObject *m) {
    tzset();
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    int year = tm.tm_year;
    struct tm jan = {.tm_year = year, .tm_mon = 0, .tm_mday = 1, .tm_isdst = -1};
    struct tm jul = {.tm_year = year, .tm_mon = 6, .tm_mday = 1, .tm_isdst = -1};
    time_t tj = mktime(&jan), tl = mktime(&jul);
    localtime_r(&tj, &jan);
    localtime_r(&tl, &jul);
    long janoff = -jan.tm_gmtoff, juloff = -jul.tm_gmtoff;
    const char *janname = jan.tm_zone ? jan.tm_zone : "", *julname = jul.tm_zone ? jul.tm_zone : "";
    KrObject *tzn;
    long tz, alt;
    if (janoff < juloff) { /* southern hemisphere: DST in January */
        tz = juloff;
        alt = janoff;
        tzn = kr_tuple_new(2);
        if (!tzn) return -1;
        KR_TUPLE_ITEM(tzn, 0) = kr_str_from_cstr(julname);
        KR_TUPLE_ITEM(tzn, 1) = kr_str_from_cstr(janname);
    } else {
        tz = janoff;
        alt = juloff;
        tzn = kr_tuple_new(2);
        if (!tzn) return -1;
        KR_TUPLE_ITEM(tzn, 0) = kr_str_from_cstr(janname);
        KR_TUPLE_ITEM(tzn, 1) = kr_str_from_cstr(julname);
    }
    if (!KR_TUPLE_ITEM(tzn, 0) || !KR_TUPLE_ITEM(tzn, 1)) {
        KR_DECREF(tzn);
        return -1;
    }
    if (kr_module_add_object(m, "timezone", kr_int_from_i64(tz)) < 0 ||
        kr_module_add_object(m, "altzone", kr_int_from_i64(alt)) < 0 ||
        kr_module_add_object(m, "daylight", kr_int_from_i64(janoff != juloff)) < 0 ||
        kr_module_add_object(m, "tzname", tzn) < 0)
        return -1;
    return 0;
}

static KrObject *time_tzset(KrObject *self, KrObject *unused) {
    (void)unused;
    (void)self;
    KrObject *m = kr_import_module("time");
    if (!m) return NULL;
    int rc = init_timezone(m);
    KR_DECREF(m);
    if (rc < 0) return NULL;
    return kr_none_new();
}

/* ---------------------------------------------------------------------------
 * The module
 * ------------------------------------------------------------------------- */

#define NOARGS(name) {#name, (void *)time_##name, KR_METH_NOARGS, NULL}
#define O1(name) {#name, (void *)time_##name, KR_METH_O, NULL}
#define FC(name) {#name, (void *)time_##name, KR_METH_FASTCALL, NULL}

static KrMethodDef time_methods[] = {
    NOARGS(time),          NOARGS(time_ns),         NOARGS(perf_counter),
    NOARGS(perf_counter_ns), NOARGS(monotonic),     NOARGS(monotonic_ns),
    NOARGS(process_time),  NOARGS(process_time_ns), NOARGS(thread_time),
    NOARGS(thread_time_ns), O1(sleep),              FC(gmtime),
    FC(localtime),         O1(mktime),              FC(strftime),
    FC(strptime),          FC(asctime),             FC(ctime),
    O1(get_clock_info),    O1(clock_gettime),       O1(clock_gettime_ns),
    O1(clock_getres),      NOARGS(tzset),           {NULL, NULL, 0, NULL},
};

KrObject *kr_mod_time_init(void) {
    if (!kr_type_has_flag(&kr_struct_time_type, KR_TPFLAGS_READY)) {
        for (int i = 0; i < ST_FIELDS; i++) {
            st_members[i] = (KrMemberDef){
                .name = st_names[i],
                .type = KR_MEMBER_OBJECT,
                .offset = (kr_ssize)(offsetof(KrTuple, items) + (size_t)i * sizeof(KrObject *)),
                .flags = KR_MEMBER_READONLY,
            };
        }
        kr_struct_time_type.tp_basicsize = kr_tuple_type.tp_basicsize;
        kr_struct_time_type.tp_itemsize = kr_tuple_type.tp_itemsize;
        if (kr_type_ready(&kr_struct_time_type) < 0) return NULL;
    }
    KrObject *m = kr_module_new_cstr("time");
    if (!m) return NULL;
    if (kr_module_add_functions(m, time_methods) < 0 ||
        kr_module_add_object(m, "struct_time", KR_NEWREF(&kr_struct_time_type)) < 0 ||
        kr_module_add_object(m, "CLOCK_REALTIME", kr_int_from_i64(CLOCK_REALTIME)) < 0 ||
        kr_module_add_object(m, "CLOCK_MONOTONIC", kr_int_from_i64(CLOCK_MONOTONIC)) < 0 ||
        kr_module_add_object(m, "CLOCK_MONOTONIC_RAW", kr_int_from_i64(CLOCK_MONOTONIC_RAW)) < 0 ||
        kr_module_add_object(m, "CLOCK_PROCESS_CPUTIME_ID",
                             kr_int_from_i64(CLOCK_PROCESS_CPUTIME_ID)) < 0 ||
        kr_module_add_object(m, "CLOCK_THREAD_CPUTIME_ID",
                             kr_int_from_i64(CLOCK_THREAD_CPUTIME_ID)) < 0 ||
        kr_module_add_object(m, "CLOCK_BOOTTIME", kr_int_from_i64(CLOCK_BOOTTIME)) < 0 ||
        init_timezone(m) < 0) {
        KR_DECREF(m);
        return NULL;
    }
    return m;
}
