# io.BytesIO
import io

b = io.BytesIO()
print(b.write(b"hello"), b.write(bytearray(b" world\n")), b.write(b""))
print(b.getvalue(), b.tell())
b.seek(0)
print(b.read(5), b.read(), b.read())
b = io.BytesIO(b"l1\nl2\nl3")
print(b.readline(), b.readline(1), b.readline(), b.readline(), b.readline())
b.seek(0)
print(b.readlines(), b.tell())
b.seek(0)
print(list(b))
b = io.BytesIO(b"abcdef")
print(b.seek(2), b.write(b"XY"), b.getvalue(), b.tell())
print(b.seek(-1, 2), b.read(), b.seek(-3, 1), b.read(1), b.seek(-100, 1))
b.seek(8)
b.write(b"z")
print(b.getvalue())
b = io.BytesIO(b"0123456789")
print(b.truncate(4), b.getvalue(), b.tell())
b.seek(2)
print(b.truncate(), b.getvalue())
ba = bytearray(3)
b = io.BytesIO(b"xyzw")
print(b.readinto(ba), ba, b.read1(), b.read1())
b = io.BytesIO(initial_bytes=b"kw")
print(b.read(), b.readable(), b.writable(), b.seekable(), b.isatty(), b.closed)
b.writelines([b"a", b"b"])
print(b.getvalue())
b.close()
print(b.closed)
for op in [lambda: b.read(), lambda: b.write(b"x"), lambda: b.getvalue(), lambda: b.tell()]:
    try:
        op()
    except ValueError as e:
        print("ValueError:", e)
b = io.BytesIO()
for bad in [lambda: b.write("s"), lambda: b.seek(-1), lambda: b.seek(0, 5),
            lambda: b.truncate(-2), lambda: io.BytesIO("s"), lambda: b.fileno(),
            lambda: b.read(1.5)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
with io.BytesIO(b"ctx") as c:
    print(c.read())
print(c.closed)


class B(io.BytesIO):
    pass


x = B(b"sub")
print(x.read(), isinstance(x, io.BytesIO))
