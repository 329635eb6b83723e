# oracle: python3.12
# time: clock types and monotonicity, struct_time, gmtime, strftime of fixed times,
# mktime/gmtime round trips (TZ-independent), strptime, asctime, errors.
import time

for name in ['time', 'perf_counter', 'monotonic', 'process_time', 'thread_time']:
    f = getattr(time, name)
    g = getattr(time, name + '_ns')
    a, b = f(), f()
    print(name, type(a).__name__, type(g()).__name__, b >= a, g() <= g())

t0 = time.monotonic()
time.sleep(0.01)
time.sleep(0)
print('slept', time.monotonic() - t0 >= 0.009)

g = time.gmtime(0)
print(g)
print(g.tm_year, g.tm_zone, g.tm_gmtoff, len(g), g[0], g[-1], tuple(g), g[:3])
print(isinstance(g, tuple), type(g).__name__, type(g))
print(time.gmtime(1700000000.9))
print(time.gmtime(-1))
print(time.gmtime(2**31 + 5))
st = time.struct_time((2024, 2, 29, 13, 5, 9, 3, 60, 0))
print(st, st.tm_zone, st == (2024, 2, 29, 13, 5, 9, 3, 60, 0))
fmt = '%Y-%m-%d %H:%M:%S %a %A %b %B %j %w %y %p %I %%'
for t in [st, (1999, 12, 31, 23, 59, 59, 4, 365, 0), time.gmtime(10**9), (2000, 1, 1, 0, 0, 0, 5, 1, -1)]:
    print(time.strftime(fmt, t), time.asctime(t))
print(time.strftime('', st), repr(time.strftime('%d', (2020, 0, 0, 0, 0, 0, 0, 0, 0))))
for secs in [0, 86400 * 365, 1234567890]:
    lt = time.localtime(secs)
    print(time.mktime(lt) == secs, type(time.mktime(lt)).__name__)
print(type(time.ctime()).__name__, len(time.asctime()), type(time.timezone).__name__,
      type(time.tzname).__name__, len(time.tzname), time.daylight in (0, 1))
print(time.strptime('2024-03-15 10:20:30', '%Y-%m-%d %H:%M:%S'))
print(time.strptime('15 Mar 2023', '%d %b %Y'))
print(time.strptime('Friday January 5 1990 11PM', '%A %B %d %Y %I%p'))
print(time.strptime('2021 100', '%Y %j'))
print(time.strptime('Thu Jan  1 00:00:00 1970'))
info = time.get_clock_info('monotonic')
print(info.monotonic, info.adjustable, type(info.resolution).__name__)
print(time.get_clock_info('time').adjustable)
for bad in [lambda: time.sleep(-1), lambda: time.strftime('%Y', (2020, 13, 1, 0, 0, 0, 0, 1, 0)),
            lambda: time.strptime('2024', '%m'), lambda: time.strptime('2024x', '%Y'),
            lambda: time.mktime((1, 2)), lambda: time.gmtime('x'), lambda: time.mktime(5),
            lambda: time.struct_time((1, 2)), lambda: time.get_clock_info('nope'),
            lambda: time.strftime('%Y', (2020, 1, 1, 25, 0, 0, 0, 1, 0))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
