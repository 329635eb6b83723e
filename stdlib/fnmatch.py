"""Shell-style filename matching: *, ?, [seq] and [!seq].

Matching is done directly (no regular expressions); translate() still returns
the regular expression CPython would build, for callers that want one.
"""

import posixpath

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

_cache = {}


def fnmatch(name, pat):
    """Test whether name matches pat (case-sensitive on POSIX)."""
    name = posixpath.normcase(name)
    pat = posixpath.normcase(pat)
    return fnmatchcase(name, pat)


def filter(names, pat):
    """Return the subset of names that match pat."""
    pat = posixpath.normcase(pat)
    prog = _compile(pat)
    return [name for name in names if _match(prog, posixpath.normcase(name))]


def fnmatchcase(name, pat):
    """Test whether name matches pat, case-sensitively."""
    return _match(_compile(pat), name)


# A compiled pattern is a list of tokens:
#   ('*',)                     any run of characters
#   ('?',)                     one character
#   ('lit', text)              literal text
#   ('set', negate, items)     a bracket expression; items are (lo, hi) pairs

def _compile(pat):
    key = (type(pat), pat)
    prog = _cache.get(key)
    if prog is not None:
        return prog
    if isinstance(pat, bytes):
        text = pat.decode('latin-1')
    elif isinstance(pat, str):
        text = pat
    else:
        raise TypeError("expected str or bytes, not %s" % type(pat).__name__)
    prog = []
    i, n = 0, len(text)
    lit = []

    def flush():
        if lit:
            prog.append(('lit', ''.join(lit)))
            lit.clear()

    while i < n:
        c = text[i]
        i += 1
        if c == '*':
            flush()
            if not prog or prog[-1] != ('*',):
                prog.append(('*',))
        elif c == '?':
            flush()
            prog.append(('?',))
        elif c == '[':
            j = i
            if j < n and text[j] == '!':
                j += 1
            if j < n and text[j] == ']':
                j += 1
            while j < n and text[j] != ']':
                j += 1
            if j >= n:
                lit.append('[')
                continue
            body = text[i:j]
            i = j + 1
            negate = body.startswith('!')
            if negate:
                body = body[1:]
            items = []
            k = 0
            while k < len(body):
                if k + 2 < len(body) and body[k + 1] == '-':
                    lo, hi = body[k], body[k + 2]
                    if lo <= hi:
                        items.append((lo, hi))
                    k += 3
                else:
                    items.append((body[k], body[k]))
                    k += 1
            flush()
            prog.append(('set', negate, tuple(items)))
        else:
            lit.append(c)
    flush()
    if len(_cache) >= 32768:
        _cache.clear()
    _cache[key] = prog
    return prog


def _one(tok, ch):
    if tok[0] == '?':
        return True
    found = False
    for lo, hi in tok[2]:
        if lo <= ch <= hi:
            found = True
            break
    return found != tok[1]


def _match(prog, name):
    if isinstance(name, bytes):
        name = name.decode('latin-1')
    return _match_at(prog, 0, name, 0)


def _match_at(prog, p, name, i):
    n = len(name)
    while p < len(prog):
        tok = prog[p]
        kind = tok[0]
        if kind == 'lit':
            text = tok[1]
            if not name.startswith(text, i):
                return False
            i += len(text)
        elif kind == '*':
            if p + 1 == len(prog):
                return True
            nxt = prog[p + 1]
            # try every split point; a following literal narrows the candidates
            j = i
            while j <= n:
                if nxt[0] == 'lit':
                    j = name.find(nxt[1], j)
                    if j < 0:
                        return False
                if _match_at(prog, p + 1, name, j):
                    return True
                j += 1
            return False
        else:
            if i >= n or not _one(tok, name[i]):
                return False
            i += 1
        p += 1
    return i == n


_special = {c: '\\' + c for c in '()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def _escape(s):
    return ''.join(_special.get(c, c) for c in s)


def translate(pat):
    """Translate a shell pattern to a regular expression (as CPython does)."""
    STAR = object()
    res = []
    add = res.append
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i = i + 1
        if c == '*':
            if (not res) or res[-1] is not STAR:
                add(STAR)
        elif c == '?':
            add('.')
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j = j + 1
            if j < n and pat[j] == ']':
                j = j + 1
            while j < n and pat[j] != ']':
                j = j + 1
            if j >= n:
                add('\\[')
            else:
                stuff = pat[i:j]
                if '-' not in stuff:
                    stuff = stuff.replace('\\', r'\\')
                else:
                    chunks = []
                    k = i + 2 if pat[i] == '!' else i + 1
                    while True:
                        k = pat.find('-', k, j)
                        if k < 0:
                            break
                        chunks.append(pat[i:k])
                        i = k + 1
                        k = k + 3
                    chunk = pat[i:j]
                    if chunk:
                        chunks.append(chunk)
                    else:
                        chunks[-1] += '-'
                    for k in range(len(chunks) - 1, 0, -1):
                        if chunks[k - 1][-1] > chunks[k][0]:
                            chunks[k - 1] = chunks[k - 1][:-1] + chunks[k][1:]
                            del chunks[k]
                    stuff = '-'.join(s.replace('\\', r'\\').replace('-', r'\-')
                                     for s in chunks)
                for ch in '&~|':
                    stuff = stuff.replace(ch, '\\' + ch)
                i = j + 1
                if not stuff:
                    add('(?!)')
                elif stuff == '!':
                    add('.')
                else:
                    if stuff[0] == '!':
                        stuff = '^' + stuff[1:]
                    elif stuff[0] in ('^', '['):
                        stuff = '\\' + stuff
                    add(f'[{stuff}]')
        else:
            add(_escape(c))
    inp = res
    res = []
    add = res.append
    i, n = 0, len(inp)
    while i < n and inp[i] is not STAR:
        add(inp[i])
        i += 1
    while i < n:
        i += 1
        if i == n:
            add(".*")
            break
        fixed = []
        while i < n and inp[i] is not STAR:
            fixed.append(inp[i])
            i += 1
        fixed = "".join(fixed)
        if i == n:
            add(".*")
            add(fixed)
        else:
            add(f"(?>.*?{fixed})")
    res = "".join(res)
    return fr'(?s:{res})\Z'
