# shutil: copyfile/copy/copy2/copytree/rmtree/move/which
import os
import shutil
import stat
import sys

D = "/tmp/_krait_shutil" + sys.executable.replace("/", "_")
if os.path.exists(D):
    shutil.rmtree(D)
os.makedirs(os.path.join(D, "src", "sub"))
try:
    def p(*parts):
        return os.path.join(D, *parts)

    with open(p("src", "a.txt"), "w") as f:
        f.write("alpha")
    with open(p("src", "sub", "b.py"), "w") as f:
        f.write("beta")
    with open(p("src", "sub", "c.pyc"), "w") as f:
        f.write("gamma")
    os.chmod(p("src", "a.txt"), 0o600)
    os.utime(p("src", "a.txt"), (1000000, 2000000))
    print(shutil.copyfile(p("src", "a.txt"), p("copy1.txt")) == p("copy1.txt"))
    print(open(p("copy1.txt")).read(), oct(stat.S_IMODE(os.stat(p("copy1.txt")).st_mode)) != "0o600" or True)
    os.mkdir(p("dest"))
    print(shutil.copy(p("src", "a.txt"), p("dest")) == p("dest", "a.txt"),
          oct(stat.S_IMODE(os.stat(p("dest", "a.txt")).st_mode)))
    print(shutil.copy2(p("src", "a.txt"), p("c2.txt")) == p("c2.txt"), os.stat(p("c2.txt")).st_mtime)
    try:
        shutil.copyfile(p("src", "a.txt"), p("src", "a.txt"))
    except shutil.SameFileError as e:
        print("SameFileError", str(e).replace(D, "D"))
    try:
        shutil.copyfile(p("missing"), p("x"))
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno)
    print(shutil.copytree(p("src"), p("tree")) == p("tree"))
    print(sorted(os.listdir(p("tree"))), sorted(os.listdir(p("tree", "sub"))))
    shutil.copytree(p("src"), p("tree2"), ignore=shutil.ignore_patterns("*.pyc"))
    print(sorted(os.listdir(p("tree2", "sub"))))
    try:
        shutil.copytree(p("src"), p("tree2"))
    except FileExistsError as e:
        print("FileExistsError", e.errno)
    shutil.copytree(p("src"), p("tree2"), dirs_exist_ok=True)
    print(sorted(os.listdir(p("tree2", "sub"))))
    print(shutil.move(p("copy1.txt"), p("moved.txt")) == p("moved.txt"), os.path.exists(p("copy1.txt")))
    print(shutil.move(p("moved.txt"), p("dest")) == p("dest", "moved.txt"))
    shutil.move(p("tree2"), p("tree3"))
    print(os.path.isdir(p("tree3", "sub")), os.path.exists(p("tree2")))
    shutil.rmtree(p("tree3"))
    print(os.path.exists(p("tree3")))
    try:
        shutil.rmtree(p("nonexistent"))
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno)
    shutil.rmtree(p("nonexistent"), ignore_errors=True)
    errs = []
    shutil.rmtree(p("nonexistent"), onerror=lambda f, path, info: errs.append(info[0].__name__))
    print(errs)
    print(shutil.which("sh") is not None, shutil.which("no-such-cmd-krait"), shutil.which("sh", path=""))
    print(shutil.which("ls", path="/nonexistent:/bin:/usr/bin") in ("/bin/ls", "/usr/bin/ls"))
    os.environ["COLUMNS"] = "100"
    os.environ["LINES"] = "40"
    print(shutil.get_terminal_size())
    with open(p("src", "a.txt"), "rb") as fs, open(p("objcopy"), "wb") as fd:
        shutil.copyfileobj(fs, fd)
    print(open(p("objcopy")).read())
finally:
    shutil.rmtree(D)
print(os.path.exists(D))
