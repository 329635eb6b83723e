# the io module surface: ABCs, registered file types, constants, exceptions
import io
import sys

print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.DEFAULT_BUFFER_SIZE)
print(io.open is open)
print(isinstance(sys.stdout, io.TextIOBase), isinstance(sys.stdout, io.IOBase),
      isinstance(sys.stdout, io.TextIOWrapper), isinstance(sys.stdout, io.BufferedIOBase))
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.StringIO(), io.IOBase),
      isinstance(io.StringIO(), io.BufferedIOBase))
print(isinstance(io.BytesIO(), io.BufferedIOBase), isinstance(io.BytesIO(), io.IOBase),
      isinstance(io.BytesIO(), io.TextIOBase))
print(issubclass(io.StringIO, io.TextIOBase), issubclass(io.BytesIO, io.IOBase), issubclass(int, io.IOBase))
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
print(io.UnsupportedOperation.__name__, io.UnsupportedOperation.__module__)
print(type(io.StringIO()).__name__, type(io.BytesIO()).__name__)
print(io.BlockingIOError is BlockingIOError)
try:
    io.BytesIO().fileno()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation:", e)
try:
    io.StringIO().detach()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation:", e)
try:
    io.StringIO().fileno()
except OSError as e:
    print("caught as OSError")


class Upper(io.TextIOBase):
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s.upper())
        return len(s)

    def writable(self):
        return True


u = Upper()
print(u.write("abc"), u.parts, u.closed, isinstance(u, io.IOBase), u.readable(), u.seekable())
u.close()
print(u.closed)
try:
    u.read()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation:", e)


class Raw(io.RawIOBase):
    def __init__(self, data):
        self.data = data

    def readinto(self, b):
        n = min(len(b), len(self.data))
        b[:n] = self.data[:n]
        self.data = self.data[n:]
        return n

    def readable(self):
        return True


r = Raw(b"raw bytes\nsecond")
print(r.read(3), r.readline(), r.read(), isinstance(r, io.IOBase))
print(print("to stringio", file=io.StringIO()))
buf = io.StringIO()
print("a", "b", sep="-", end="!", file=buf)
print(repr(buf.getvalue()))
