"""re - regular expressions (Krait's implementation of the standard module).

Patterns are translated to PCRE2 syntax by re._parser and matched by the C module
_re_pcre2; this file holds the Python-level API: module functions, Pattern, Match,
the flags and the compiled-pattern cache."""

import _re_pcre2
from . import _parser
from ._parser import error

__all__ = [
    'match', 'fullmatch', 'search', 'sub', 'subn', 'split', 'findall', 'finditer',
    'compile', 'purge', 'template', 'escape', 'error', 'Pattern', 'Match', 'A', 'I', 'L',
    'M', 'S', 'X', 'U', 'ASCII', 'IGNORECASE', 'LOCALE', 'MULTILINE', 'DOTALL', 'VERBOSE',
    'UNICODE', 'NOFLAG', 'RegexFlag',
]

__version__ = '2.2.1'

_MAXSIZE = 9223372036854775807

# -- flags ---------------------------------------------------------------------

# (name, value) in the order the enum defines them (used by repr(RegexFlag))
_FLAG_NAMES = [
    ('ASCII', 256), ('IGNORECASE', 2), ('LOCALE', 4), ('UNICODE', 32), ('MULTILINE', 8),
    ('DOTALL', 16), ('VERBOSE', 64), ('TEMPLATE', 1), ('DEBUG', 128),
]
_ALL_FLAGS = 511


class _FlagType(type):
    def __repr__(cls):
        return "<flag %r>" % cls.__name__


class RegexFlag(int, metaclass=_FlagType):
    """The flags of re, an int-valued flag type (re.IGNORECASE | re.MULTILINE ...)."""

    def __new__(cls, value=0):
        return int.__new__(cls, value)

    @property
    def value(self):
        return int(self)

    @property
    def name(self):
        v = int(self)
        if v == 0:
            return 'NOFLAG'
        parts = [n for n, bit in _FLAG_NAMES if v & bit]
        return '|'.join(parts) if parts else None

    def __repr__(self):
        v = int(self)
        if v == 0:
            return 're.NOFLAG'
        parts = ['re.' + n for n, bit in _FLAG_NAMES if v & bit]
        rest = v & ~_ALL_FLAGS
        if rest:
            parts.append(hex(rest))
        return '|'.join(parts)

    __str__ = __repr__

    def __format__(self, spec):
        return format(str(self), spec)

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) | int(other))

    __ror__ = __or__

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) & int(other))

    __rand__ = __and__

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) ^ int(other))

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & _ALL_FLAGS)

    def __iter__(self):
        v = int(self)
        for n, bit in sorted(_FLAG_NAMES, key=lambda p: p[1]):
            if v & bit:
                yield RegexFlag(bit)

    def __reduce__(self):
        return RegexFlag, (int(self),)


RegexFlag.__module__ = 're'
NOFLAG = RegexFlag(0)
ASCII = A = RegexFlag(256)
IGNORECASE = I = RegexFlag(2)
LOCALE = L = RegexFlag(4)
UNICODE = U = RegexFlag(32)
MULTILINE = M = RegexFlag(8)
DOTALL = S = RegexFlag(16)
VERBOSE = X = RegexFlag(64)
TEMPLATE = T = RegexFlag(1)
DEBUG = RegexFlag(128)
for _n, _v in _FLAG_NAMES + [('NOFLAG', 0)]:
    setattr(RegexFlag, _n, RegexFlag(_v))
del _n, _v

# C-level order used by Pattern.__repr__
_REPR_FLAGS = [
    ('re.TEMPLATE', 1), ('re.IGNORECASE', 2), ('re.LOCALE', 4), ('re.MULTILINE', 8),
    ('re.DOTALL', 16), ('re.UNICODE', 32), ('re.VERBOSE', 64), ('re.DEBUG', 128),
    ('re.ASCII', 256),
]

_mappingproxy = type(type.__dict__)


def _empty(string):
    return string[:0]


# -- Pattern -------------------------------------------------------------------

class Pattern:
    """A compiled regular expression."""
    __slots__ = ('pattern', 'flags', 'groups', '_groupindex', '_code', '_parents',
                 '_names', '__weakref__')

    def __init__(self, pattern, flags, code, groupindex, parents):
        self.pattern = pattern
        self.flags = flags
        self._code = code
        self.groups = code.groups
        self._groupindex = groupindex
        self._parents = parents
        names = {}
        for k, v in groupindex.items():
            names[v] = k
        self._names = names

    @property
    def groupindex(self):
        return _mappingproxy(dict(self._groupindex))

    def __repr__(self):
        flags = self.flags
        if isinstance(self.pattern, str) and (flags & (4 | 32 | 256)) == 32:
            flags &= ~32
        r = repr(self.pattern)
        if len(r) > 200:
            r = r[:200]
        parts = []
        for n, bit in _REPR_FLAGS:
            if flags & bit:
                parts.append(n)
                flags &= ~bit
        if flags:
            parts.append(hex(flags))
        if parts:
            return 're.compile(%s, %s)' % (r, '|'.join(parts))
        return 're.compile(%s)' % r

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self.pattern == other.pattern and self.flags == other.flags and
                type(self.pattern) is type(other.pattern))

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return _compile, (self.pattern, self.flags)

    def _match(self, string, pos, endpos, mode):
        spans = self._code.search(string, pos, endpos, mode)
        if spans is None:
            return None
        return Match(self, string, spans, pos, endpos)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        """Scan through string looking for a match, returning a Match or None."""
        spans = self._code.search(string, pos, endpos, 0)
        if spans is None:
            return None
        return Match(self, string, spans, pos, endpos)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        """Matches zero or more characters at the beginning of the string."""
        spans = self._code.search(string, pos, endpos, 1)
        if spans is None:
            return None
        return Match(self, string, spans, pos, endpos)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        """Matches against all of the string."""
        spans = self._code.search(string, pos, endpos, 2)
        if spans is None:
            return None
        return Match(self, string, spans, pos, endpos)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        """Return a list of all non-overlapping matches of pattern in string."""
        found = self._code.scan(string, pos, endpos, 0)
        ngroups = self.groups
        out = []
        if ngroups == 0:
            for sp in found:
                out.append(string[sp[0]:sp[1]])
        elif ngroups == 1:
            empty = _empty(string)
            for sp in found:
                s = sp[2]
                out.append(string[s:sp[3]] if s >= 0 else empty)
        else:
            empty = _empty(string)
            for sp in found:
                t = []
                for g in range(1, ngroups + 1):
                    s = sp[2 * g]
                    t.append(string[s:sp[2 * g + 1]] if s >= 0 else empty)
                out.append(tuple(t))
        return out

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        """Return an iterator over all non-overlapping matches."""
        found = self._code.scan(string, pos, endpos, 0)
        return iter([Match(self, string, sp, pos, endpos) for sp in found])

    def split(self, string, maxsplit=0):
        """Split string by the occurrences of pattern."""
        if maxsplit < 0:
            return [string[:]]
        found = self._code.scan(string, 0, _MAXSIZE, maxsplit)
        ngroups = self.groups
        out = []
        last = 0
        for sp in found:
            out.append(string[last:sp[0]])
            for g in range(1, ngroups + 1):
                s = sp[2 * g]
                out.append(string[s:sp[2 * g + 1]] if s >= 0 else None)
            last = sp[1]
        out.append(string[last:])
        return out

    def sub(self, repl, string, count=0):
        """Return the string obtained by replacing the leftmost non-overlapping
        occurrences of pattern in string by repl."""
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        """Like sub() but returns (new_string, number_of_subs_made)."""
        return self._subx(repl, string, count)

    def _subx(self, repl, string, count):
        if count < 0:
            found = []
        else:
            found = self._code.scan(string, 0, _MAXSIZE, count)
        if callable(repl):
            filt = repl
            template = None
        else:
            filt = None
            template = _compile_template(self, repl)
        if not found:
            return string[:], 0
        pieces = []
        last = 0
        empty = _empty(string)
        for sp in found:
            pieces.append(string[last:sp[0]])
            if filt is not None:
                r = filt(Match(self, string, sp, 0, _MAXSIZE))
                if r:
                    pieces.append(r)
            elif len(template) == 1 and not isinstance(template[0], int):
                pieces.append(template[0])
            else:
                for t in template:
                    if isinstance(t, int):
                        s = sp[2 * t]
                        if s >= 0:
                            pieces.append(string[s:sp[2 * t + 1]])
                    else:
                        pieces.append(t)
            last = sp[1]
        pieces.append(string[last:])
        return empty.join(pieces), len(found)

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        return _Scanner(self, string, pos, endpos)


class _Scanner:
    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._string = string
        self._pos = pos
        self._endpos = endpos
        self._empty_at = -1

    def _step(self, mode):
        if self._pos > len(self._string):
            return None
        m = self.pattern._match(self._string, self._pos, self._endpos, mode)
        if m is None:
            return None
        if m.end() == m.start():
            self._pos = m.end() + 1
        else:
            self._pos = m.end()
        return m

    def match(self):
        return self._step(1)

    def search(self):
        return self._step(0)


_template_cache = {}


def _compile_template(pattern, repl):
    key = (pattern, repl)
    t = _template_cache.get(key)
    if t is None:
        if isinstance(repl, str):
            if '\\' not in repl:
                t = [repl]
            else:
                t = _parser.parse_template(repl, pattern._groupindex, pattern.groups)
        elif isinstance(repl, (bytes, bytearray)):
            repl = bytes(repl)
            if b'\\' not in repl:
                t = [repl]
            else:
                t = _parser.parse_template(repl, pattern._groupindex, pattern.groups)
        else:
            raise TypeError('expected str or bytes-like object, got %r'
                            % type(repl).__name__)
        if len(_template_cache) >= 512:
            _template_cache.clear()
        _template_cache[key] = t
    return t


# -- Match ---------------------------------------------------------------------

class Match:
    """The result of a successful match."""
    __slots__ = ('re', 'string', 'pos', 'endpos', '_spans')

    def __init__(self, pattern, string, spans, pos, endpos):
        self.re = pattern
        self.string = string
        n = len(string)
        if pos < 0:
            pos = 0
        elif pos > n:
            pos = n
        if endpos < 0:
            endpos = 0
        elif endpos > n:
            endpos = n
        self.pos = pos
        self.endpos = endpos
        self._spans = spans

    def _index(self, g):
        if isinstance(g, int) or hasattr(type(g), '__index__') and not isinstance(g, str):
            try:
                i = g.__index__()
            except (AttributeError, TypeError):
                raise IndexError('no such group') from None
            if 0 <= i <= self.re.groups:
                return i
            raise IndexError('no such group')
        if isinstance(g, (str, bytes)):
            i = self.re._groupindex.get(g)
            if i is not None:
                return i
        raise IndexError('no such group')

    def _get(self, i, default=None):
        s = self._spans[2 * i]
        if s < 0:
            return default
        return self.string[s:self._spans[2 * i + 1]]

    def group(self, *args):
        """Return one or more subgroups of the match."""
        if not args:
            return self.string[self._spans[0]:self._spans[1]]
        if len(args) == 1:
            return self._get(self._index(args[0]))
        return tuple([self._get(self._index(a)) for a in args])

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        """Return a tuple containing all the subgroups of the match."""
        return tuple([self._get(i, default) for i in range(1, self.re.groups + 1)])

    def groupdict(self, default=None):
        """Return a dictionary containing all the named subgroups of the match."""
        return {name: self._get(i, default) for name, i in self.re._groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    @property
    def regs(self):
        sp = self._spans
        return tuple([(sp[2 * i], sp[2 * i + 1]) for i in range(self.re.groups + 1)])

    @property
    def lastindex(self):
        sp = self._spans
        ngroups = self.re.groups
        best = None
        best_end = -1
        for g in range(ngroups, 0, -1):
            if sp[2 * g] >= 0 and sp[2 * g + 1] > best_end:
                best = g
                best_end = sp[2 * g + 1]
        if best is None:
            return None
        # the group closed last: among groups ending at best_end, an enclosing group
        # closes after the groups inside it
        parents = self.re._parents
        g = best
        while True:
            p = parents[g]
            if p and sp[2 * p] >= 0 and sp[2 * p + 1] == best_end:
                g = p
            else:
                break
        return g

    @property
    def lastgroup(self):
        i = self.lastindex
        if i is None:
            return None
        return self.re._names.get(i)

    def expand(self, template):
        """Return the string obtained by doing backslash substitution on template."""
        t = _compile_template(self.re, template)
        empty = _empty(self.string)
        out = []
        for item in t:
            if isinstance(item, int):
                v = self._get(item)
                if v is not None:
                    out.append(v)
            else:
                out.append(item)
        if isinstance(empty, str):
            return ''.join(out)
        return b''.join(out)

    def __repr__(self):
        return '<re.Match object; span=(%d, %d), match=%r>' % (
            self._spans[0], self._spans[1], self.group(0))

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


Pattern.__module__ = 're'
Match.__module__ = 're'

# -- module functions ----------------------------------------------------------

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    try:
        return _cache[type(pattern), pattern, flags]
    except KeyError:
        pass
    except TypeError:
        pass
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError('first argument must be string or compiled pattern')
    if flags & _parser.SRE_FLAG_TEMPLATE:
        import warnings
        warnings.warn('The re.TEMPLATE/re.T flag is deprecated as it is an undocumented '
                      'flag without an obvious purpose. Don\'t use it.', DeprecationWarning)
    _parser._check_flags(pattern, flags)
    text, opts, final_flags, groupindex, parents = _parser.translate(pattern, flags)
    try:
        code = _re_pcre2.compile(text, opts)
    except ValueError as exc:
        msg = exc.args[0] if exc.args else 'invalid pattern'
        if 'lookbehind' in msg:
            raise error('look-behind requires fixed-width pattern') from None
        raise error(msg, pattern, None) from None
    p = Pattern(pattern, final_flags, code, groupindex, parents)
    if not (flags & _parser.SRE_FLAG_DEBUG):
        if len(_cache) >= _MAXCACHE:
            try:
                del _cache[next(iter(_cache))]
            except (StopIteration, RuntimeError, KeyError):
                pass
        _cache[type(pattern), pattern, flags] = p
    return p


def compile(pattern, flags=0):
    """Compile a regular expression pattern, returning a Pattern object."""
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string obtained by replacing the leftmost non-overlapping
    occurrences of the pattern in string by the replacement repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Like sub(), but returns (new_string, number_of_subs_made)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the source string by the occurrences of the pattern."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the string."""
    return _compile(pattern, flags).finditer(string)


def purge():
    """Clear the regular expression caches."""
    _cache.clear()
    _template_cache.clear()


def template(pattern, flags=0):
    """Compile a template pattern, returning a Pattern object (deprecated)."""
    return _compile(pattern, flags | T)


_special_chars_map = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return pattern.translate(_special_chars_map)
    pattern = str(pattern, 'latin1')
    return pattern.translate(_special_chars_map).encode('latin1')
