"""linecache - cached access to the lines of source files (for tracebacks, inspect)."""

import sys

__all__ = ["getline", "clearcache", "checkcache", "lazycache", "getlines", "updatecache"]

# filename -> (size, mtime, lines, fullname); lazy entries are 1-tuples (get_source,)
cache = {}


def clearcache():
    """Forget every cached file."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Line lineno (1-based, with its newline) of filename, or '' if unavailable."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    """All lines of filename (from the cache when fresh)."""
    entry = cache.get(filename)
    if entry is not None and len(entry) != 1:
        return entry[2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def _stat(path):
    import os
    return os.stat(path)


def checkcache(filename=None):
    """Drop cache entries whose files changed on disk (all entries, or one)."""
    if filename is None:
        names = list(cache.keys())
    elif filename in cache:
        names = [filename]
    else:
        return
    for name in names:
        entry = cache.get(name)
        if entry is None or len(entry) == 1:
            continue
        size, mtime, lines, fullname = entry
        if mtime is None:
            continue
        try:
            st = _stat(fullname)
        except (OSError, ValueError, ImportError):
            cache.pop(name, None)
            continue
        if size != st.st_size or mtime != st.st_mtime:
            cache.pop(name, None)


def _read(path):
    with open(path, 'rb') as f:
        data = f.read()
    encoding = 'utf-8'
    if data.startswith(b'\xef\xbb\xbf'):
        data = data[3:]
    else:
        for line in data.split(b'\n')[:2]:
            stripped = line.lstrip()
            if stripped.startswith(b'#') and b'coding' in stripped:
                i = stripped.find(b'coding')
                rest = stripped[i + 6:]
                if rest[:1] in (b':', b'='):
                    name = rest[1:].strip().split()[0] if rest[1:].strip() else b''
                    if name:
                        encoding = name.decode('ascii', 'replace')
                break
            if stripped and not stripped.startswith(b'#'):
                break
    try:
        text = data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        text = data.decode('utf-8', 'replace')
    return text, len(data)


def _splitlines(text):
    lines = text.splitlines(True)
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    return lines


def updatecache(filename, module_globals=None):
    """Read filename into the cache; returns its lines ([] if it cannot be read)."""
    if filename in cache and len(cache[filename]) != 1:
        cache.pop(filename, None)
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return []
    if lazycache(filename, module_globals):
        try:
            data = cache[filename][0]()
        except (ImportError, OSError):
            pass
        else:
            if data is None:
                return []
            lines = _splitlines(data)
            cache[filename] = (len(data), None, lines, filename)
            return lines
    fullname = filename
    candidates = [filename]
    if not filename.startswith('/'):
        for d in sys.path:
            if isinstance(d, str):
                candidates.append((d or '.') + '/' + filename)
    for path in candidates:
        try:
            text, size = _read(path)
        except (OSError, UnicodeError, ValueError):
            continue
        fullname = path
        try:
            mtime = _stat(path).st_mtime
        except Exception:
            mtime = None
        lines = _splitlines(text)
        cache[filename] = (size, mtime, lines, fullname)
        return lines
    return []


def lazycache(filename, module_globals):
    """Register a loader's get_source for filename, to read it later. True if set."""
    if filename in cache:
        return len(cache[filename]) == 1
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return False
    if module_globals and '__name__' in module_globals:
        loader = module_globals.get('__loader__')
        spec = module_globals.get('__spec__')
        if loader is None and spec is not None:
            loader = getattr(spec, 'loader', None)
        get_source = getattr(loader, 'get_source', None)
        if get_source:
            name = module_globals['__name__']
            cache[filename] = (lambda: get_source(name),)
            return True
    return False
