# the errno module
import errno
import os

print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EINTR, errno.EAGAIN, errno.EWOULDBLOCK)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EDEADLK])
print(errno.errorcode[errno.ENOTSUP], errno.EOPNOTSUPP == errno.ENOTSUP)
print(len(errno.errorcode) > 100, all(getattr(errno, n) == c for c, n in errno.errorcode.items()))
print(os.strerror(errno.EPERM))
try:
    os.rmdir("/")
except OSError as e:
    print(e.errno in (errno.EBUSY, errno.EACCES, errno.EPERM, errno.EROFS), errno.errorcode[e.errno] in ("EBUSY", "EACCES", "EPERM", "EROFS"))
e = OSError(errno.ENOENT, "msg")
print(type(e).__name__, e.errno, e.strerror, e)
e = OSError(errno.EEXIST, "exists", "fname")
print(type(e).__name__, e)
print(type(OSError(errno.EISDIR, "x")).__name__, type(OSError(errno.ECHILD, "x")).__name__,
      type(OSError(errno.EPIPE, "x")).__name__, type(OSError(errno.ETIMEDOUT, "x")).__name__)
