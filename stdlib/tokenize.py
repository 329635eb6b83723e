"""tokenize - lexical scanning of Python source, driven by Krait's own tokenizer.

generate_tokens(readline) reads str lines; tokenize(readline) reads bytes lines and
starts with an ENCODING token. Tokens are TokenInfo 5-tuples as in CPython 3.12."""

import _tokenize
import token
from token import *
from token import EXACT_TOKEN_TYPES

__all__ = token.__all__ + ["tokenize", "generate_tokens", "detect_encoding",
                           "untokenize", "TokenInfo", "TokenError", "open"]

_TYPES_AS_OP = frozenset(EXACT_TOKEN_TYPES.values())
# Krait's token numbers -> this module's (CPython 3.12's) numbers, by name
_FROM_KRAIT = [globals()[name] for name in _tokenize.tok_names]


class TokenInfo(tuple):
    """A token: (type, string, start, end, line)."""
    __slots__ = ()
    _fields = ('type', 'string', 'start', 'end', 'line')

    def __new__(cls, type, string, start, end, line):
        return tuple.__new__(cls, (type, string, start, end, line))

    @classmethod
    def _make(cls, iterable):
        return cls(*iterable)

    def _replace(self, **kw):
        return TokenInfo(*[kw.pop(f, v) for f, v in zip(self._fields, self)])

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    type = property(lambda self: self[0])
    string = property(lambda self: self[1])
    start = property(lambda self: self[2])
    end = property(lambda self: self[3])
    line = property(lambda self: self[4])

    def __repr__(self):
        annotated = '%d (%s)' % (self.type, tok_name[self.type])
        return ('TokenInfo(type=%s, string=%r, start=%r, end=%r, line=%r)' %
                (annotated, self.string, self.start, self.end, self.line))

    @property
    def exact_type(self):
        if self.type == OP and self.string in EXACT_TOKEN_TYPES:
            return EXACT_TOKEN_TYPES[self.string]
        return self.type


class TokenError(Exception):
    pass


class StopTokenizing(Exception):
    pass


def _read_all(readline):
    parts = []
    while True:
        try:
            line = readline()
        except StopIteration:
            break
        if not line:
            break
        parts.append(line)
    return parts


def _transform_msg(msg):
    if 'unterminated triple-quoted string literal' in msg:
        return 'EOF in multi-line string'
    if msg.startswith('unexpected EOF') or "was never closed" in msg:
        return 'EOF in multi-line statement'
    return msg


def _tokens_from_text(source, raw=None):
    """TokenInfo tuples for source (str), in tokenize's conventions. raw: the bytes it
    was decoded from, which Krait's tokenizer reads itself (BOM, coding cookie)."""
    it = _tokenize.TokenizerIter(source if raw is None else raw)
    last_line = source.count('\n') + (0 if source.endswith('\n') or not source else 1)
    try:
        for typ, string, start, end, line in it:
            typ = _FROM_KRAIT[typ]
            if typ == FSTRING_MIDDLE and ('{{' in string or '}}' in string) and '\n' not in string:
                # CPython 3.12 splits literal text at each doubled brace, keeping one
                row, col = start
                piece = ''
                i = 0
                while i < len(string):
                    c = string[i]
                    piece += c
                    if c in '{}' and string[i + 1:i + 2] == c:
                        yield TokenInfo(typ, piece, (row, col), (row, col + len(piece)), line)
                        col += len(piece) + 1
                        piece = ''
                        i += 2
                        continue
                    i += 1
                if piece:
                    yield TokenInfo(typ, piece, (row, col), end, line)
                continue
            if typ in _TYPES_AS_OP:
                typ = OP
            elif typ == NEWLINE or typ == NL:
                # the newline at the very end of a source without one is synthetic
                if start[0] > last_line or (start[0] == last_line and not source.endswith('\n')
                                            and string == '\n'):
                    string = ''
                    line = line[:-1] if line.endswith('\n') else line
            elif typ in (DEDENT, ENDMARKER):
                string = ''
            if line and not source.endswith('\n') and start[0] == last_line and line.endswith('\n'):
                line = line[:-1]
            if typ == ENDMARKER:
                line = ''
            yield TokenInfo(typ, string, start, end, line)
    except SyntaxError as e:
        if type(e) is not SyntaxError:
            raise
        raise TokenError(_transform_msg(e.msg), (e.lineno, e.offset)) from None


def generate_tokens(readline):
    """Tokenize the str lines that readline returns."""
    return _tokens_from_text(''.join(_read_all(readline)))


def _get_normal_name(orig_enc):
    enc = orig_enc[:12].lower().replace('_', '-')
    if enc == 'utf-8' or enc.startswith('utf-8-'):
        return 'utf-8'
    if enc in ('latin-1', 'iso-8859-1', 'iso-latin-1') or \
            enc.startswith(('latin-1-', 'iso-8859-1-', 'iso-latin-1-')):
        return 'iso-8859-1'
    return orig_enc


def _find_cookie(line):
    try:
        text = line.decode('utf-8')
    except UnicodeDecodeError:
        raise SyntaxError('invalid or missing encoding declaration')
    stripped = text.lstrip(' \t\f')
    if not stripped.startswith('#'):
        return None
    i = stripped.find('coding')
    if i < 0 or stripped[i + 6:i + 7] not in (':', '='):
        return None
    rest = stripped[i + 7:].lstrip(' \t')
    name = ''
    for c in rest:
        if c.isalnum() or c in '-_.':
            name += c
        else:
            break
    if not name:
        return None
    return _get_normal_name(name)


def detect_encoding(readline):
    """(encoding, [lines read]) from a BOM or PEP 263 cookie; default 'utf-8'."""
    bom_found = False
    consumed = []

    def read():
        try:
            return readline()
        except StopIteration:
            return b''

    first = read()
    if first.startswith(b'\xef\xbb\xbf'):
        bom_found = True
        first = first[3:]
    if not first:
        return ('utf-8-sig' if bom_found else 'utf-8'), []
    consumed.append(first)
    enc = _find_cookie(first)
    if enc:
        if bom_found and enc != 'utf-8':
            raise SyntaxError('encoding problem: utf-8')
        return (enc + '-sig' if bom_found and enc == 'utf-8' else enc), consumed
    if not first.strip().startswith(b'#') and first.strip():
        return ('utf-8-sig' if bom_found else 'utf-8'), consumed
    second = read()
    if not second:
        return ('utf-8-sig' if bom_found else 'utf-8'), consumed
    consumed.append(second)
    enc = _find_cookie(second)
    if enc:
        return (enc + '-sig' if bom_found and enc == 'utf-8' else enc), consumed
    return ('utf-8-sig' if bom_found else 'utf-8'), consumed


def tokenize(readline):
    """Tokenize the bytes lines that readline returns; the first token is ENCODING."""
    encoding, consumed = detect_encoding(readline)
    data = b''.join(consumed + _read_all(readline))
    yield TokenInfo(ENCODING, 'utf-8' if encoding == 'utf-8-sig' else encoding,
                    (0, 0), (0, 0), '')
    text = data.decode(encoding)
    if text.startswith('\ufeff'):
        text = text[1:]
    yield from _tokens_from_text(text, data)


def open(filename):
    """Open a Python source file as text, in the encoding it declares."""
    import io
    buffer = io.open(filename, 'rb')
    try:
        encoding, lines = detect_encoding(buffer.readline)
        buffer.seek(0)
        text = io.TextIOWrapper(buffer, encoding, line_buffering=True)
        text.mode = 'r'
        return text
    except BaseException:
        buffer.close()
        raise


def untokenize(iterable):
    """Source text from tokens: exact when positions are given, roughly otherwise."""
    out = []
    prev_row, prev_col = 1, 0
    encoding = None
    indents = []
    compat = False
    startline = False
    prevstring = False
    for tok in iterable:
        if len(tok) == 2:
            compat = True
        typ, string = tok[0], tok[1]
        if typ == ENCODING:
            encoding = string
            continue
        if typ == ENDMARKER:
            break
        if compat:
            if typ == INDENT:
                indents.append(string)
                continue
            if typ == DEDENT:
                if indents:
                    indents.pop()
                continue
            if typ in (NEWLINE, NL):
                startline = True
                out.append(string)
                continue
            if startline and indents:
                out.append(indents[-1])
            startline = False
            if typ in (NAME, NUMBER):
                string += ' '
            if typ == STRING:
                if prevstring:
                    string = ' ' + string
                prevstring = True
            else:
                prevstring = False
            if typ == FSTRING_MIDDLE:
                string = string.replace('{', '{{').replace('}', '}}')
            out.append(string)
            continue
        start, end = tok[2], tok[3]
        if typ == INDENT:
            indents.append(string)
            continue
        if typ == DEDENT:
            if indents:
                indents.pop()
            prev_row, prev_col = end
            continue
        if typ in (NEWLINE, NL):
            startline = True
        elif startline and indents:
            indent = indents[-1]
            if start[1] >= len(indent):
                out.append(indent)
                prev_col = len(indent)
            startline = False
        if typ == FSTRING_MIDDLE and ('{' in string or '}' in string):
            string = string.replace('{', '{{').replace('}', '}}')
            last = string.splitlines()[-1] if string else ''
            end = (end[0], end[1] + last.count('{{') + last.count('}}'))
        row, col = start
        if row > prev_row:
            out.append('\\\n' * (row - prev_row))
            prev_col = 0
        if col > prev_col:
            out.append(' ' * (col - prev_col))
        out.append(string)
        prev_row, prev_col = end
        if typ in (NEWLINE, NL):
            prev_row += 1
            prev_col = 0
    result = ''.join(out)
    if encoding is not None:
        result = result.encode(encoding)
    return result


def main():
    import sys
    args = sys.argv[1:]
    if args:
        with __builtins__['open'](args[0], 'rb') if isinstance(__builtins__, dict) else \
                __import__('builtins').open(args[0], 'rb') as f:
            tokens = list(tokenize(f.readline))
    else:
        tokens = list(generate_tokens(sys.stdin.readline))
    for t in tokens:
        tok_type = t.type
        print('%d,%d-%d,%d:' % (t.start + t.end), ' ' * 0, end='')
        print('%-15s%-15r' % (tok_name[tok_type], t.string))


if __name__ == '__main__':
    main()
