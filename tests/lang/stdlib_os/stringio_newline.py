# io.StringIO newline handling for newline=None, '', '\n', '\r', '\r\n'
import io

data = "a\nb\r\nc\rd"
for nl in ["\n", None, "", "\r", "\r\n"]:
    s = io.StringIO(newline=nl)
    s.write(data)
    v = s.getvalue()
    s.seek(0)
    lines = s.readlines()
    print(repr(nl), repr(v), lines)
    s2 = io.StringIO(data, newline=nl)
    print("  init:", repr(s2.getvalue()), list(s2))
s = io.StringIO()
print(s.write("x\r\ny"), repr(s.getvalue()))
s = io.StringIO(newline=None)
print(s.write("x\r\ny"), repr(s.getvalue()))
s = io.StringIO(newline="")
s.write("a\r")
s.write("\nb")
s.seek(0)
print(s.readlines())
s = io.StringIO("a\r\nb", newline="\r\n")
print(s.readline(), repr(s.readline()))
print(repr(io.StringIO("x\ny").readline()))
