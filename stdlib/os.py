"""OS routines for POSIX systems, built on the posix module.

Exports everything posix has, plus the path module (os.path = posixpath),
environ, the directory walkers (scandir, walk), makedirs/removedirs and friends.
"""

import sys
import posix
from posix import *
from posix import _exit, _scandir

import posixpath as path
import stat as _st

sys.modules['os.path'] = path

name = 'posix'
linesep = '\n'
sep = path.sep
altsep = path.altsep
extsep = path.extsep
pathsep = path.pathsep
curdir = path.curdir
pardir = path.pardir
defpath = path.defpath
devnull = path.devnull

stat_result = posix.stat_result
uname_result = posix.uname_result
times_result = posix.times_result
error = OSError

P_WAIT = 0
P_NOWAIT = 1
P_NOWAITO = 1

supports_dir_fd = {posix.stat, posix.lstat, posix.open, posix.mkdir, posix.rmdir,
                   posix.unlink, posix.rename, posix.replace, posix.readlink,
                   posix.symlink, posix.utime}
supports_fd = {posix.stat, posix.chdir, posix.chmod, posix.listdir, posix.truncate,
               posix.utime}
supports_follow_symlinks = {posix.stat, posix.utime, posix.chmod, posix.access}
supports_effective_ids = set()


# ---------------------------------------------------------------------------
# fspath and PathLike

def fspath(path):
    """Return the file system path representation of the object."""
    return posix.fspath(path)


class _PathLikeMeta(type):
    # os.PathLike is an ABC: any class with __fspath__ counts as a subclass
    def __instancecheck__(cls, obj):
        return cls.__subclasscheck__(type(obj))

    def __subclasscheck__(cls, sub):
        if type.__subclasscheck__(cls, sub):
            return True
        if cls is not PathLike:
            return False
        for klass in sub.__mro__:
            if '__fspath__' in klass.__dict__:
                return klass.__dict__['__fspath__'] is not None
        return False


class PathLike(metaclass=_PathLikeMeta):
    """Abstract base class for implementing the file system path protocol."""

    def __fspath__(self):
        raise NotImplementedError

    def __class_getitem__(cls, item):
        return cls


def fsencode(filename):
    """Encode filename (an os.PathLike, bytes, or str) to bytes."""
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    """Decode filename (an os.PathLike, bytes, or str) from bytes to str."""
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


def get_exec_path(env=None):
    if env is None:
        env = environ
    path_list = env.get('PATH')
    if path_list is None:
        path_list = defpath
    return path_list.split(pathsep)


# ---------------------------------------------------------------------------
# environ

class _Environ:
    """A mapping of the process environment that writes through to the C library."""

    def __init__(self, data, encode, decode, putenv, unsetenv):
        self._data = data
        self._encode = encode
        self._decode = decode
        self._putenv = putenv
        self._unsetenv = unsetenv

    def __getitem__(self, key):
        try:
            value = self._data[self._encode(key)]
        except KeyError:
            raise KeyError(key) from None
        return self._decode(value)

    def __setitem__(self, key, value):
        k = self._encode(key)
        v = self._encode(value)
        self._putenv(k, v)
        self._data[k] = v

    def __delitem__(self, key):
        k = self._encode(key)
        self._unsetenv(k)
        try:
            del self._data[k]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        for key in list(self._data):
            yield self._decode(key)

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        try:
            return self._encode(key) in self._data
        except TypeError:
            return False

    def __eq__(self, other):
        if isinstance(other, _Environ):
            other = dict(other.items())
        if not isinstance(other, dict):
            return NotImplemented
        return dict(self.items()) == other

    __hash__ = None

    def __repr__(self):
        items = ', '.join('%r: %r' % (self._decode(k), self._decode(v))
                          for k, v in self._data.items())
        return 'environ({' + items + '})'

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def keys(self):
        return [self._decode(k) for k in self._data]

    def values(self):
        return [self._decode(v) for v in self._data.values()]

    def items(self):
        return [(self._decode(k), self._decode(v)) for k, v in self._data.items()]

    def copy(self):
        return dict(self.items())

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    _marker = object()

    def pop(self, key, default=_marker):
        try:
            value = self[key]
        except KeyError:
            if default is _Environ._marker:
                raise
            return default
        del self[key]
        return value

    def popitem(self):
        for key in self:
            value = self[key]
            del self[key]
            return key, value
        raise KeyError('popitem(): environ is empty')

    def clear(self):
        for key in list(self):
            del self[key]

    def update(self, other=(), **kwds):
        if hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def __or__(self, other):
        if not isinstance(other, dict) and not isinstance(other, _Environ):
            return NotImplemented
        new = dict(self.items())
        new.update(other.items() if isinstance(other, _Environ) else other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = dict(other)
        new.update(self.items())
        return new

    def __ior__(self, other):
        self.update(other)
        return self


def _str_encode(value):
    if not isinstance(value, str):
        raise TypeError("str expected, not %s" % type(value).__name__)
    return value.encode('utf-8', 'surrogateescape')


def _str_decode(value):
    return value.decode('utf-8', 'surrogateescape')


def _bytes_check(value):
    if not isinstance(value, bytes):
        raise TypeError("bytes expected, not %s" % type(value).__name__)
    return value


def _identity(value):
    return value


try:
    from _collections_abc import MutableMapping as _MutableMapping
    _MutableMapping.register(_Environ)
except Exception:
    pass

environ = _Environ(dict(posix.environ), _str_encode, _str_decode, putenv, unsetenv)
environb = _Environ(environ._data, _bytes_check, _identity, putenv, unsetenv)


def getenv(key, default=None):
    """Get an environment variable, return None if it doesn't exist."""
    return environ.get(key, default)


def getenvb(key, default=None):
    return environb.get(key, default)


# ---------------------------------------------------------------------------
# scandir

class DirEntry:
    """An entry of a directory listed by os.scandir()."""

    __slots__ = ('name', 'path', '_d_type', '_inode', '_stat', '_lstat', '_dir_fd')

    def __init__(self, directory, name, d_type, inode):
        self.name = name
        if directory is None:
            self.path = name
        elif isinstance(name, bytes):
            self.path = directory + name if directory.endswith(b'/') else directory + b'/' + name
        else:
            self.path = directory + name if directory.endswith('/') else directory + '/' + name
        self._d_type = d_type
        self._inode = inode
        self._stat = None
        self._lstat = None

    def __repr__(self):
        return '<DirEntry %r>' % (self.name,)

    def __fspath__(self):
        return self.path

    def inode(self):
        return self._inode

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            if self._stat is None:
                if self.is_symlink():
                    self._stat = posix.stat(self.path)
                else:
                    self._stat = self.stat(follow_symlinks=False)
            return self._stat
        if self._lstat is None:
            self._lstat = posix.lstat(self.path)
        return self._lstat

    def _test_mode(self, follow_symlinks, bits):
        # d_type answers without a system call unless it is a symlink or unknown
        dt = self._d_type
        if dt != 0 and not (follow_symlinks and dt == 10):
            return (dt << 12) == bits
        try:
            st = self.stat(follow_symlinks=follow_symlinks)
        except FileNotFoundError:
            return False
        return _st.S_IFMT(st.st_mode) == bits

    def is_dir(self, *, follow_symlinks=True):
        return self._test_mode(follow_symlinks, _st.S_IFDIR)

    def is_file(self, *, follow_symlinks=True):
        return self._test_mode(follow_symlinks, _st.S_IFREG)

    def is_symlink(self):
        if self._d_type != 0:
            return self._d_type == 10
        try:
            st = self.stat(follow_symlinks=False)
        except FileNotFoundError:
            return False
        return _st.S_ISLNK(st.st_mode)

    def is_junction(self):
        return False

    def __class_getitem__(cls, item):
        return cls


DirEntry.__module__ = 'posix'


class ScandirIterator:
    """The iterator returned by os.scandir(); also a context manager."""

    def __init__(self, path):
        if isinstance(path, int):
            self._entries = [(n, 0, 0) for n in listdir(path)]
            self._base = None
        else:
            self._entries = _scandir(path)
            self._base = '.' if path is None else fspath(path)
        self._index = 0
        self._closed = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._closed or self._index >= len(self._entries):
            raise StopIteration
        name, d_type, inode = self._entries[self._index]
        self._index += 1
        return DirEntry(self._base, name, d_type, inode)

    def close(self):
        self._closed = True

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()
        return False


ScandirIterator.__module__ = 'posix'


def scandir(path=None):
    """Return an iterator of DirEntry objects for the given path."""
    return ScandirIterator(path)


# ---------------------------------------------------------------------------
# Directory trees

def makedirs(name, mode=0o777, exist_ok=False):
    """Super-mkdir: create a leaf directory and all intermediate ones."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, 'ASCII')
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Super-rmdir: remove a leaf directory and then its empty parents."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """Super-rename: create the new directories needed, prune the old empty ones."""
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: yields (dirpath, dirnames, filenames)."""
    stack = [fspath(top)]
    islink, join = path.islink, path.join
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        dirs = []
        nondirs = []
        walk_dirs = []
        try:
            entries = scandir(top)
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        with entries:
            for entry in entries:
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    dirs.append(entry.name)
                else:
                    nondirs.append(entry.name)
                if not topdown and is_dir:
                    if followlinks:
                        walk_into = True
                    else:
                        try:
                            walk_into = not entry.is_symlink()
                        except OSError:
                            walk_into = False
                    if walk_into:
                        walk_dirs.append(entry.path)
        if topdown:
            yield top, dirs, nondirs
            for dirname in reversed(dirs):
                new_path = join(top, dirname)
                if followlinks or not islink(new_path):
                    stack.append(new_path)
        else:
            stack.append((top, dirs, nondirs))
            for new_path in reversed(walk_dirs):
                stack.append(new_path)


def fwalk(*args, **kwargs):
    raise NotImplementedError("os.fwalk is not supported by Krait")


# ---------------------------------------------------------------------------
# Processes

def _spawn_exec(file, args, env, use_path):
    if use_path:
        if env is None:
            execvp(file, args)
        else:
            execvpe(file, args, env)
    else:
        if env is None:
            execv(file, args)
        else:
            execve(file, args, env)


def execl(file, *args):
    execv(file, args)


def execle(file, *args):
    env = args[-1]
    execve(file, args[:-1], env)


def execlp(file, *args):
    execvp(file, args)


def execlpe(file, *args):
    env = args[-1]
    execvpe(file, args[:-1], env)


def execvp(file, args):
    _execvpe(file, args)


def execvpe(file, args, env):
    _execvpe(file, args, env)


def _execvpe(file, args, env=None):
    if env is not None:
        exec_func = execve
        argrest = (args, env)
    else:
        exec_func = execv
        argrest = (args,)
        env = environ
    if path.dirname(file):
        exec_func(file, *argrest)
        return
    saved_exc = None
    for dir in get_exec_path(env):
        fullname = path.join(dir, file)
        try:
            exec_func(fullname, *argrest)
        except (FileNotFoundError, NotADirectoryError) as e:
            last_exc = e
        except OSError as e:
            last_exc = e
            if saved_exc is None:
                saved_exc = e
    if saved_exc is not None:
        raise saved_exc
    raise last_exc


def spawnv(mode, file, args):
    return _spawnvef(mode, file, args, None, execv)


def spawnve(mode, file, args, env):
    return _spawnvef(mode, file, args, env, execve)


def spawnvp(mode, file, args):
    return _spawnvef(mode, file, args, None, execvp)


def spawnvpe(mode, file, args, env):
    return _spawnvef(mode, file, args, env, execvpe)


def _spawnvef(mode, file, args, env, func):
    pid = fork()
    if not pid:
        try:
            if env is None:
                func(file, args)
            else:
                func(file, args, env)
        except:
            _exit(127)
    else:
        if mode == P_NOWAIT:
            return pid
        while True:
            wpid, sts = waitpid(pid, 0)
            if WIFSTOPPED(sts):
                continue
            return waitstatus_to_exitcode(sts)


def spawnl(mode, file, *args):
    return spawnv(mode, file, args)


def spawnlp(mode, file, *args):
    return spawnvp(mode, file, args)


def popen(cmd, mode="r", buffering=-1):
    raise NotImplementedError("os.popen needs subprocess, which Krait does not have yet")


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd).__name__)
    import io
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


class terminal_size(tuple):
    """A tuple of (columns, lines) for holding terminal window size."""

    n_fields = n_sequence_fields = 2
    n_unnamed_fields = 0

    def __new__(cls, sequence, dict=None):
        sequence = tuple(sequence)
        if len(sequence) != 2:
            raise TypeError("os.terminal_size() takes a 2-sequence (%d-sequence given)"
                            % len(sequence))
        return tuple.__new__(cls, sequence)

    @property
    def columns(self):
        return self[0]

    @property
    def lines(self):
        return self[1]

    def __repr__(self):
        return "os.terminal_size(columns=%r, lines=%r)" % (self[0], self[1])

    def __reduce__(self):
        return (terminal_size, (tuple(self),))


terminal_size.__module__ = 'os'


def _terminal_size(seq):
    return terminal_size(seq)


def get_terminal_size(fd=1):
    """Return the size of the terminal window as (columns, lines)."""
    return terminal_size(posix.get_terminal_size(fd))


def cpu_count():
    return posix.cpu_count()


def process_cpu_count():
    return posix.cpu_count()

