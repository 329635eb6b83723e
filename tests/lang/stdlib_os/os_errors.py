# OSError subclasses and messages raised by os functions
import os
import sys

D = "/tmp/_krait_os_errors" + sys.executable.replace("/", "_")
missing = os.path.join(D, "missing")


def show(fn, *args):
    try:
        fn(*args)
    except OSError as e:
        msg = str(e).replace(D, "D")
        print(type(e).__name__, e.errno, e.strerror, "|", msg)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, "|", e)
    else:
        print("no error")


if not os.path.isdir(D):
    os.mkdir(D)
try:
    with open(os.path.join(D, "file"), "w") as f:
        f.write("x")
    show(os.stat, missing)
    show(os.lstat, missing)
    show(os.remove, missing)
    show(os.unlink, missing)
    show(os.rmdir, missing)
    show(os.listdir, missing)
    show(os.chdir, missing)
    show(os.rename, missing, missing + "2")
    show(os.mkdir, D)
    show(os.rmdir, os.path.join(D, "file"))
    show(os.listdir, os.path.join(D, "file"))
    show(os.remove, D)
    show(os.mkdir, os.path.join(D, "file", "sub"))
    os.mkdir(os.path.join(D, "full"))
    open(os.path.join(D, "full", "x"), "w").close()
    show(os.rmdir, os.path.join(D, "full"))
    show(os.readlink, os.path.join(D, "file"))
    show(os.stat, None)
    show(os.stat, 1.5)
    show(os.mkdir, 3)
    show(os.listdir, [])
    show(os.rename, 1, "x")
    show(os.stat, "a\0b")
    show(os.open, missing, os.O_RDONLY)
    show(os.close, 9999)
    show(os.read, 9999, 1)
    show(os.fspath, 3)
    try:
        os.stat(missing)
    except FileNotFoundError as e:
        print(e.filename == missing, e.filename2, e.args[0], e.args[1])
    try:
        os.rename(missing, missing + "2")
    except OSError as e:
        print(e.filename == missing, e.filename2 == missing + "2")
    try:
        open(missing)
    except FileNotFoundError as e:
        print("open:", str(e).replace(D, "D"))
    print(issubclass(FileNotFoundError, OSError), os.error is OSError)
finally:
    for root, dirs, files in os.walk(D, topdown=False):
        for f in files:
            os.remove(os.path.join(root, f))
        for d in dirs:
            os.rmdir(os.path.join(root, d))
    os.rmdir(D)
