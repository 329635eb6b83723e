print("%s and %r" % ("str", "str"), "%d%%" % 50, "%i|%u" % (3, 4), "%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%x %X %o %#x %#o %#X" % (255, 255, 8, 255, 8, 255), "%c%c" % (72, "i"), "%e|%E|%g|%G" % (12345.678, 0.000123, 1e-10, 1e20))
print("%f|%.2f|%10.3f|%-10.1f|%+.0f|%.0f" % (3.14159, 2.675, -1.5, 2.25, 2.5, 3.5))
print("%s" % [1, 2], "%s" % ((1, 2),), "%r" % ("a'b",), "%a" % "é", "%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159), "%s" % None, "%d" % 3.99, "%d" % True, "%.3s" % "abcdef")
print("%10s|%-10s|" % ("right", "left"), "%x" % -255, "%o" % -8, "%e" % 0, "%g" % 100000, "%g" % 1000000)
print("%s %s" % ("a", "b"), "no args" % (), "%%" % ())
cases = [("%d", "x"), ("%d %d", (1,)), ("%d", (1, 2)), ("%z", 1), ("%(k)s", 1), ("%(k)s", {}), ("%c", 1.5), ("%c", "ab"), ("%x", 1.5), ("%", 1)]
for fmt, args in cases:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError) as e:
        print(repr(fmt), type(e).__name__, e)
