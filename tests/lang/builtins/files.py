import sys
# a scratch file per interpreter binary, so parallel test runs do not collide
name = "/tmp/_krait_files_test" + sys.executable.replace("/", "_")
with open(name, "w") as f:
    print(f.write("line one\n"), f.write("line two\nline three"))
    print(f.closed, f.mode)
print(f.closed)
with open(name) as f:
    print(repr(f.read()))
with open(name) as f:
    print(f.readline(), end="")
    print(f.readlines())
with open(name) as f:
    for line in f:
        print(line.rstrip())
with open(name, "a") as f:
    f.write("\nappended")
with open(name, "rb") as f:
    data = f.read()
    print(data, type(data).__name__, len(data))
with open(name, "wb") as f:
    f.write(bytes([0, 1, 2, 255]))
with open(name, "rb") as f:
    print(list(f.read()))
try:
    open("_no_such_file_here.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    open(name, "q")
except ValueError as e:
    print(e)
print(sys.stdout.write("direct\n"))
