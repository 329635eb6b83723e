"""json.decoder - JSONDecoder and JSONDecodeError for Krait.

A hand-written scanner (no regular expressions) that follows the rules and the error
positions of CPython's C scanner, which is what `json.loads` uses there."""

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the attributes msg, doc, pos, lineno, colno."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_CONSTANTS = {
    '-Infinity': NegInf,
    'Infinity': PosInf,
    'NaN': NaN,
}

_ESCAPES = {
    '"': '"', '\\': '\\', '/': '/',
    'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}

_WS = ' \t\n\r'
_DIGITS = '0123456789'
_HEX = '0123456789abcdefABCDEF'


class _NoValue(Exception):
    """Raised by the scanner when no JSON value starts at .pos (CPython uses
    StopIteration for this)."""

    def __init__(self, pos):
        Exception.__init__(self, pos)
        self.pos = pos


def _skip_ws(s, i, n):
    while i < n and s[i] in _WS:
        i += 1
    return i


def _hex4(s, i):
    """Value of the four hex digits at s[i:i+4], or -1."""
    v = 0
    for k in range(i, i + 4):
        c = s[k]
        if c not in _HEX:
            return -1
        v = v * 16 + int(c, 16)
    return v


def scanstring(s, end, strict=True):
    """Decodes the JSON string whose opening quote is at end - 1. Returns the str
    and the index after the closing quote."""
    begin = end - 1
    n = len(s)
    chunks = []
    while True:
        q = s.find('"', end)
        if q < 0:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        b = s.find('\\', end, q)
        stop = q if b < 0 else b
        piece = s[end:stop]
        if not piece.isprintable():
            for k in range(len(piece)):
                if piece[k] <= '\x1f':
                    if strict:
                        raise JSONDecodeError('Invalid control character at', s, end + k)
        chunks.append(piece)
        if b < 0:
            return ''.join(chunks), q + 1
        nxt = b + 1
        if nxt >= n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        esc = s[nxt]
        if esc != 'u':
            ch = _ESCAPES.get(esc)
            if ch is None:
                raise JSONDecodeError('Invalid \\escape', s, nxt - 1)
            chunks.append(ch)
            end = nxt + 1
            continue
        nxt += 1
        end = nxt + 4
        if end >= n:
            raise JSONDecodeError('Invalid \\uXXXX escape', s, nxt - 1)
        c = _hex4(s, nxt)
        if c < 0:
            raise JSONDecodeError('Invalid \\uXXXX escape', s, end - 5)
        if 0xd800 <= c <= 0xdbff and end + 6 < n and s[end] == '\\' and s[end + 1] == 'u':
            c2 = _hex4(s, end + 2)
            if c2 < 0:
                raise JSONDecodeError('Invalid \\uXXXX escape', s, end + 1)
            if 0xdc00 <= c2 <= 0xdfff:
                c = 0x10000 + (((c - 0xd800) << 10) | (c2 - 0xdc00))
                end += 6
        chunks.append(chr(c))


py_scanstring = scanstring


class _Scanner:
    """The state of one decode: the decoder's hooks and the key memo."""

    def __init__(self, ctx):
        self.strict = ctx.strict
        self.object_hook = ctx.object_hook
        self.object_pairs_hook = ctx.object_pairs_hook
        self.parse_float = ctx.parse_float
        self.parse_int = ctx.parse_int
        self.parse_constant = ctx.parse_constant
        self.float_is_float = ctx.parse_float is float
        self.int_is_int = ctx.parse_int is int
        self.memo = {}

    def value(self, s, idx, n):
        if idx >= n:
            raise _NoValue(idx)
        c = s[idx]
        if c == '"':
            return scanstring(s, idx + 1, self.strict)
        if c == '{':
            return self.obj(s, idx + 1, n)
        if c == '[':
            return self.array(s, idx + 1, n)
        if c == 'n':
            if s.startswith('null', idx):
                return None, idx + 4
        elif c == 't':
            if s.startswith('true', idx):
                return True, idx + 4
        elif c == 'f':
            if s.startswith('false', idx):
                return False, idx + 5
        elif c == 'N':
            if s.startswith('NaN', idx):
                return self.parse_constant('NaN'), idx + 3
        elif c == 'I':
            if s.startswith('Infinity', idx):
                return self.parse_constant('Infinity'), idx + 8
        elif c == '-' and s.startswith('-Infinity', idx):
            return self.parse_constant('-Infinity'), idx + 9
        return self.number(s, idx, n)

    def number(self, s, start, n):
        i = start
        if s[i] == '-':
            i += 1
            if i >= n:
                raise _NoValue(start)
        c = s[i]
        if '1' <= c <= '9':
            i += 1
            while i < n and s[i] in _DIGITS:
                i += 1
        elif c == '0':
            i += 1
        else:
            raise _NoValue(start)
        is_float = False
        if i < n - 1 and s[i] == '.' and s[i + 1] in _DIGITS:
            is_float = True
            i += 2
            while i < n and s[i] in _DIGITS:
                i += 1
        if i < n - 1 and (s[i] == 'e' or s[i] == 'E'):
            e_start = i
            i += 1
            if i < n - 1 and (s[i] == '-' or s[i] == '+'):
                i += 1
            while i < n and s[i] in _DIGITS:
                i += 1
            if s[i - 1] in _DIGITS:
                is_float = True
            else:
                i = e_start
        text = s[start:i]
        if is_float:
            return self.parse_float(text), i
        return self.parse_int(text), i

    def obj(self, s, end, n):
        pairs = []
        end = _skip_ws(s, end, n)
        if end < n and s[end] == '}':
            return self.finish_obj(pairs), end + 1
        memo = self.memo
        while True:
            if end >= n or s[end] != '"':
                raise JSONDecodeError(
                    'Expecting property name enclosed in double quotes', s, end)
            key, end = scanstring(s, end + 1, self.strict)
            key = memo.setdefault(key, key)
            end = _skip_ws(s, end, n)
            if end >= n or s[end] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, end)
            end = _skip_ws(s, end + 1, n)
            try:
                value, end = self.value(s, end, n)
            except _NoValue as err:
                raise JSONDecodeError('Expecting value', s, err.pos) from None
            pairs.append((key, value))
            end = _skip_ws(s, end, n)
            if end < n and s[end] == '}':
                return self.finish_obj(pairs), end + 1
            if end >= n or s[end] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end)
            end = _skip_ws(s, end + 1, n)

    def finish_obj(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        d = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(d)
        return d

    def array(self, s, end, n):
        values = []
        end = _skip_ws(s, end, n)
        if end < n and s[end] == ']':
            return values, end + 1
        while True:
            try:
                value, end = self.value(s, end, n)
            except _NoValue as err:
                raise JSONDecodeError('Expecting value', s, err.pos) from None
            values.append(value)
            end = _skip_ws(s, end, n)
            if end < n and s[end] == ']':
                return values, end + 1
            if end >= n or s[end] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end)
            end = _skip_ws(s, end + 1, n)


class JSONDecoder(object):
    """Simple JSON <https://json.org> decoder."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.memo = {}

    def decode(self, s, _w=None):
        n = len(s)
        obj, end = self.raw_decode(s, _skip_ws(s, 0, n))
        end = _skip_ws(s, end, n)
        if end != n:
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        if idx < 0:
            raise JSONDecodeError('Expecting value', s, idx)
        try:
            return _Scanner(self).value(s, idx, len(s))
        except _NoValue as err:
            raise JSONDecodeError('Expecting value', s, err.pos) from None
