"""json.encoder - JSONEncoder for Krait.

Encodes by appending chunks to a list (one pass, no generators); iterencode()
yields the same chunks, so dump() and dumps() produce CPython's text."""

__all__ = ['JSONEncoder']

INFINITY = float('inf')

_ESCAPE_DCT = {
    '\\': '\\\\',
    '"': '\\"',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
}
for _i in range(0x20):
    _ESCAPE_DCT.setdefault(chr(_i), '\\u{0:04x}'.format(_i))
del _i


def _needs_escape(s):
    return '"' in s or '\\' in s or not s.isprintable()


def py_encode_basestring(s):
    """Return a JSON representation of a Python string."""
    if not _needs_escape(s):
        return '"' + s + '"'
    out = []
    for c in s:
        if c <= '\x1f' or c == '"' or c == '\\':
            out.append(_ESCAPE_DCT[c])
        else:
            out.append(c)
    return '"' + ''.join(out) + '"'


def py_encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string."""
    if s.isascii() and not _needs_escape(s):
        return '"' + s + '"'
    out = []
    for c in s:
        if ' ' <= c <= '~':
            if c == '"' or c == '\\':
                out.append(_ESCAPE_DCT[c])
            else:
                out.append(c)
            continue
        e = _ESCAPE_DCT.get(c)
        if e is not None:
            out.append(e)
            continue
        n = ord(c)
        if n < 0x10000:
            out.append('\\u{0:04x}'.format(n))
        else:
            n -= 0x10000
            s1 = 0xd800 | ((n >> 10) & 0x3ff)
            s2 = 0xdc00 | (n & 0x3ff)
            out.append('\\u{0:04x}\\u{1:04x}'.format(s1, s2))
    return '"' + ''.join(out) + '"'


encode_basestring = py_encode_basestring
encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder(object):
    """Extensible JSON <https://json.org> encoder for Python data structures."""
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None,
                 default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        return ''.join(self._chunks(o))

    def iterencode(self, o, _one_shot=False):
        return iter(self._chunks(o))

    def _chunks(self, o):
        out = []
        _Encoding(self).value(o, out, 0)
        return out


class _Encoding:
    """One encode call: the encoder's options and the circular-reference markers."""

    def __init__(self, enc):
        self.markers = {} if enc.check_circular else None
        self.strenc = encode_basestring_ascii if enc.ensure_ascii else encode_basestring
        indent = enc.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        self.item_sep = enc.item_separator
        self.key_sep = enc.key_separator
        self.sort_keys = enc.sort_keys
        self.skipkeys = enc.skipkeys
        self.allow_nan = enc.allow_nan
        self.default = enc.default

    def floatstr(self, o):
        if o != o:
            text = 'NaN'
        elif o == INFINITY:
            text = 'Infinity'
        elif o == -INFINITY:
            text = '-Infinity'
        else:
            return float.__repr__(o)
        if not self.allow_nan:
            raise ValueError('Out of range float values are not JSON compliant')
        return text

    def mark(self, o):
        if self.markers is not None:
            markerid = id(o)
            if markerid in self.markers:
                raise ValueError('Circular reference detected')
            self.markers[markerid] = o

    def unmark(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    def value(self, o, out, level):
        if isinstance(o, str):
            out.append(self.strenc(o))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(self.floatstr(o))
        elif isinstance(o, (list, tuple)):
            self.array(o, out, level)
        elif isinstance(o, dict):
            self.obj(o, out, level)
        else:
            self.mark(o)
            o2 = self.default(o)
            self.value(o2, out, level)
            self.unmark(o)

    def array(self, lst, out, level):
        if not lst:
            out.append('[]')
            return
        self.mark(lst)
        if self.indent is not None:
            level += 1
            newline_indent = '\n' + self.indent * level
            sep = self.item_sep + newline_indent
            out.append('[' + newline_indent)
        else:
            newline_indent = None
            sep = self.item_sep
            out.append('[')
        first = True
        for v in lst:
            if first:
                first = False
            else:
                out.append(sep)
            self.value(v, out, level)
        if newline_indent is not None:
            level -= 1
            out.append('\n' + self.indent * level)
        out.append(']')
        self.unmark(lst)

    def obj(self, dct, out, level):
        if not dct:
            out.append('{}')
            return
        self.mark(dct)
        if self.indent is not None:
            level += 1
            newline_indent = '\n' + self.indent * level
            sep = self.item_sep + newline_indent
            out.append('{' + newline_indent)
        else:
            newline_indent = None
            sep = self.item_sep
            out.append('{')
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        first = True
        for key, v in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = self.floatstr(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif self.skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, '
                                f'not {key.__class__.__name__}')
            if first:
                first = False
            else:
                out.append(sep)
            out.append(self.strenc(key))
            out.append(self.key_sep)
            self.value(v, out, level)
        if newline_indent is not None:
            level -= 1
            out.append('\n' + self.indent * level)
        out.append('}')
        self.unmark(dct)
