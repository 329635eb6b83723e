# io.StringIO: writing, reading, seeking, truncating
import io

s = io.StringIO()
print(s.write("hello"), s.write(" world\n"), s.write(""))
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.read(5)), repr(s.read()), repr(s.read()))
s = io.StringIO("line1\nline2\nline3")
print(repr(s.readline()), repr(s.readline(3)), repr(s.readline()), repr(s.readline()), repr(s.readline()))
s.seek(0)
print(s.readlines())
s.seek(0)
print(s.readlines(8))
s.seek(0)
print([l for l in s])
s = io.StringIO("abcdef")
print(s.seek(2), s.write("XY"), s.getvalue(), s.tell())
print(s.seek(0, 2), s.seek(0, 1), s.write("!"), s.getvalue())
s.seek(10)
s.write("z")
print(repr(s.getvalue()))
s = io.StringIO("0123456789")
print(s.truncate(4), repr(s.getvalue()), s.tell())
s.seek(2)
print(s.truncate(), repr(s.getvalue()), s.tell())
print(s.truncate(100), repr(s.getvalue()))
s = io.StringIO("h\u00e9llo \u20ac \U0001F600!")
print(s.read(2), s.tell(), s.read(), s.tell(), len(s.getvalue()))
s.seek(6)
print(s.read(1))
s = io.StringIO()
s.writelines(["a", "b\n", "c"])
print(repr(s.getvalue()))
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.closed, s.line_buffering)
s.close()
print(s.closed)
for op in [lambda: s.read(), lambda: s.write("x"), lambda: s.getvalue(), lambda: s.tell(),
           lambda: s.seek(0), lambda: s.readable()]:
    try:
        op()
    except ValueError as e:
        print("ValueError:", e)
s = io.StringIO()
for bad in [lambda: s.write(1), lambda: s.write(b"x"), lambda: s.seek(-1),
            lambda: s.seek(1, 1), lambda: s.seek(0, 3), lambda: s.truncate(-1),
            lambda: s.read("x"), lambda: io.StringIO(5), lambda: io.StringIO("", "x"),
            lambda: io.StringIO(newline=3), lambda: s.fileno(), lambda: s.seek("a")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
with io.StringIO("ctx") as c:
    print(c.read())
print(c.closed)
try:
    with c:
        pass
except ValueError as e:
    print("ValueError:", e)


class MyIO(io.StringIO):
    def extra(self):
        return self.getvalue().upper()


m = MyIO("sub")
m.attr = 5
print(m.extra(), m.attr, isinstance(m, io.StringIO), m.read())
print(io.StringIO(None).getvalue() == "", io.StringIO(initial_value="kw").read())
s = io.StringIO("x")
s.custom = 1
print(s.custom, s.read(None), s.read(-1))
