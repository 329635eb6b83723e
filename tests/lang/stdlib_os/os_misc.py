# symlinks, realpath, fspath/PathLike, fsencode, misc functions
import os
import sys

D = "/tmp/_krait_os_misc" + sys.executable.replace("/", "_")
if not os.path.isdir(D):
    os.mkdir(D)
R = os.path.realpath(D)
try:
    target = os.path.join(D, "target.txt")
    with open(target, "w") as f:
        f.write("t")
    link = os.path.join(D, "link")
    os.symlink(target, link)
    os.symlink("target.txt", os.path.join(D, "rel_link"))
    os.symlink(os.path.join(D, "nowhere"), os.path.join(D, "dangling"))
    print(os.readlink(link) == target, os.readlink(os.path.join(D, "rel_link")))
    print(os.path.islink(link), os.path.islink(target), os.path.exists(link))
    print(os.path.exists(os.path.join(D, "dangling")), os.path.lexists(os.path.join(D, "dangling")))
    print(os.path.realpath(link) == os.path.join(R, "target.txt"),
          os.path.realpath(os.path.join(D, "rel_link")) == os.path.join(R, "target.txt"))
    print(os.path.samefile(link, target), os.lstat(link).st_ino != os.stat(link).st_ino)
    os.symlink("loop2", os.path.join(D, "loop1"))
    os.symlink("loop1", os.path.join(D, "loop2"))
    print(os.path.realpath(os.path.join(D, "loop1")) == os.path.join(R, "loop1"))
    os.link(target, os.path.join(D, "hard"))
    print(os.stat(target).st_nlink, os.path.samefile(target, os.path.join(D, "hard")))
    try:
        os.symlink(target, link)
    except FileExistsError as e:
        print("FileExistsError", e.errno, e.filename == target, e.filename2 == link)

    class P:
        def __init__(self, p):
            self.p = p

        def __fspath__(self):
            return self.p

    print(os.fspath(P("abc")), os.fspath(P(b"abc")), os.fspath("s"), os.fspath(b"b"))
    print(os.path.isfile(P(target)), os.stat(P(target)).st_size, os.path.join(P("a"), P("b")))
    print(isinstance(P("x"), os.PathLike), issubclass(P, os.PathLike), isinstance("x", os.PathLike))
    try:
        os.fspath(P(3))
    except TypeError as e:
        print("TypeError", e)
    try:
        os.stat(P(None))
    except TypeError as e:
        print("TypeError", e)
    print(os.fsencode("x\u00e9"), os.fsdecode(b"x\xc3\xa9"))
    print(os.strerror(2), "|", os.strerror(13), "|", os.strerror(17))
    old = os.umask(0o22)
    print(os.umask(old) == 0o22)
    print(os.access(target, os.R_OK), os.access(os.path.join(D, "nope"), os.F_OK),
          os.F_OK, os.R_OK, os.W_OK, os.X_OK)
    print(isinstance(os.cpu_count(), int), len(os.urandom(16)), type(os.urandom(0)).__name__)
    u = os.uname()
    print(u.sysname, len(u), type(u).__name__)
    try:
        os.get_terminal_size(os.open(target, os.O_RDONLY))
    except OSError as e:
        print("OSError", e.errno)
    ts = os.terminal_size((80, 24))
    print(ts, ts.columns, ts.lines)
finally:
    for n in os.listdir(D):
        os.remove(os.path.join(D, n))
    os.rmdir(D)
