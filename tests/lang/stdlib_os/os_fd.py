# low-level descriptors: open/read/write/lseek/dup/pipe
import os
import sys

D = "/tmp/_krait_os_fd" + sys.executable.replace("/", "_")
if not os.path.isdir(D):
    os.mkdir(D)
p = os.path.join(D, "data")
try:
    fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    print(type(fd).__name__, os.write(fd, b"hello "), os.write(fd, bytearray(b"world")))
    os.close(fd)
    fd = os.open(p, os.O_RDONLY)
    print(os.read(fd, 5), os.read(fd, 100), os.read(fd, 10))
    print(os.lseek(fd, 0, os.SEEK_SET), os.read(fd, 3), os.lseek(fd, -2, os.SEEK_END), os.read(fd, 10))
    print(os.lseek(fd, 0, os.SEEK_CUR))
    fd2 = os.dup(fd)
    os.lseek(fd2, 1, os.SEEK_SET)
    print(os.read(fd, 4), fd2 != fd, os.get_inheritable(fd2))
    os.close(fd2)
    os.close(fd)
    fd = os.open(p, os.O_RDWR | os.O_APPEND)
    os.write(fd, b"!")
    os.ftruncate(fd, 4)
    os.close(fd)
    print(open(p, "rb").read())
    try:
        os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    except FileExistsError as e:
        print("FileExistsError", e.errno)
    r, w = os.pipe()
    print(os.get_inheritable(r), os.get_blocking(r))
    os.write(w, b"through the pipe")
    os.close(w)
    chunks = []
    while True:
        b = os.read(r, 4)
        if not b:
            break
        chunks.append(b)
    os.close(r)
    print(chunks)
    r, w = os.pipe()
    saved = os.dup(1)
    sys.stdout.flush()
    os.dup2(w, 1)
    os.write(1, b"captured")
    os.dup2(saved, 1)
    os.close(saved)
    os.close(w)
    print(os.read(r, 100))
    os.close(r)
    print(os.isatty(r) if False else "skip", os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.SEEK_SET, os.SEEK_CUR, os.SEEK_END)
    try:
        os.write(1, "str")
    except TypeError as e:
        print("TypeError", e)
    with os.fdopen(os.open(p, os.O_RDONLY)) as f:
        print(f.read())
finally:
    for n in os.listdir(D):
        os.remove(os.path.join(D, n))
    os.rmdir(D)
