import sys
path = "/tmp/_krait_open_text" + sys.executable.replace("/", "_")
with open(path, "w") as f:
    n = f.write("first line\n")
    f.write("second line\n")
    f.writelines(["third\n", "fourth"])
print(n, f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path, "r") as f:
    print(repr(f.readline()), repr(f.readline()))
    print(f.readlines())
    print(repr(f.read()), repr(f.readline()))
with open(path) as f:
    print([line.rstrip("\n") for line in f])
with open(path, "a") as f:
    f.write("\nappended é")
with open(path, encoding="utf-8") as f:
    data = f.read()
print(len(data), data.splitlines()[-1])
with open(path, "w") as f:
    print("via print", 1, 2, file=f)
    print("second", file=f, end="")
with open(path) as f:
    print(repr(f.read(5)), repr(f.read()))
f = open(path)
f.close()
try:
    f.read()
except ValueError as e:
    print(type(e).__name__, e)
with open(path, "w") as f:
    pass
with open(path) as f:
    print(repr(f.read()))
