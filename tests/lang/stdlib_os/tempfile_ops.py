# tempfile: mkstemp, mkdtemp, NamedTemporaryFile, TemporaryFile, TemporaryDirectory
import os
import sys
import tempfile

D = "/tmp/_krait_tempfile" + sys.executable.replace("/", "_")
os.makedirs(D, exist_ok=True)
try:
    print(isinstance(tempfile.gettempdir(), str), os.path.isdir(tempfile.gettempdir()))
    fd, path = tempfile.mkstemp(suffix=".txt", prefix="pre_", dir=D)
    name = os.path.basename(path)
    print(type(fd).__name__, os.path.dirname(path) == D, name.startswith("pre_"),
          name.endswith(".txt"), len(name) == len("pre_") + 8 + len(".txt"))
    print(oct(os.stat(path).st_mode & 0o777))
    os.write(fd, b"data")
    os.close(fd)
    print(open(path).read())
    os.remove(path)
    d = tempfile.mkdtemp(dir=D)
    print(os.path.isdir(d), os.path.basename(d).startswith("tmp"), oct(os.stat(d).st_mode & 0o777))
    os.rmdir(d)
    with tempfile.NamedTemporaryFile(dir=D, suffix=".bin") as f:
        print(f.name.endswith(".bin"), os.path.exists(f.name))
        f.write(b"hello")
        f.flush()
        f.seek(0)
        print(f.read())
        n = f.name
    print(os.path.exists(n))
    f = tempfile.NamedTemporaryFile("w+", dir=D, delete=False)
    f.write("kept")
    f.close()
    print(os.path.exists(f.name), open(f.name).read())
    os.remove(f.name)
    with tempfile.TemporaryFile(dir=D) as f:
        f.write(b"anon")
        f.seek(0)
        print(f.read(), os.listdir(D))
    with tempfile.TemporaryDirectory(dir=D) as td:
        print(os.path.isdir(td))
        with open(os.path.join(td, "inside"), "w") as g:
            g.write("x")
        os.mkdir(os.path.join(td, "nested"))
    print(os.path.exists(td))
    t = tempfile.TemporaryDirectory(prefix="keep", dir=D)
    print(os.path.basename(t.name).startswith("keep"), repr(t).startswith("<TemporaryDirectory "))
    t.cleanup()
    print(os.path.exists(t.name))
    with tempfile.SpooledTemporaryFile(max_size=10, mode="w+") as s:
        s.write("small")
        s.seek(0)
        print(s.read())
    print(os.listdir(D))
finally:
    for n in os.listdir(D):
        os.remove(os.path.join(D, n))
    os.rmdir(D)
