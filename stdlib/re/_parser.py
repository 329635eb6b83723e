"""re._parser - reads Python regular-expression syntax and writes PCRE2 syntax.

The parser follows the rules of CPython's sre_parse (what is accepted, the error
messages and their positions) and emits an equivalent PCRE2 pattern: named groups
become numbered groups, \\Z becomes \\z, escapes become \\x{..}, verbose-mode text is
dropped, and flags that PCRE2 lacks (x, a, u, L) are applied while translating."""

# Flag values, identical to CPython's.
SRE_FLAG_TEMPLATE = 1
SRE_FLAG_IGNORECASE = 2
SRE_FLAG_LOCALE = 4
SRE_FLAG_MULTILINE = 8
SRE_FLAG_DOTALL = 16
SRE_FLAG_UNICODE = 32
SRE_FLAG_VERBOSE = 64
SRE_FLAG_DEBUG = 128
SRE_FLAG_ASCII = 256

FLAGS = {
    'i': SRE_FLAG_IGNORECASE, 'L': SRE_FLAG_LOCALE, 'm': SRE_FLAG_MULTILINE,
    's': SRE_FLAG_DOTALL, 'x': SRE_FLAG_VERBOSE, 'a': SRE_FLAG_ASCII,
    't': SRE_FLAG_TEMPLATE, 'u': SRE_FLAG_UNICODE,
}
TYPE_FLAGS = SRE_FLAG_ASCII | SRE_FLAG_LOCALE | SRE_FLAG_UNICODE
GLOBAL_FLAGS = SRE_FLAG_DEBUG | SRE_FLAG_TEMPLATE

# Option bits of the _re_pcre2 engine.
OPT_CASELESS = 1
OPT_MULTILINE = 2
OPT_DOTALL = 4
OPT_UTF = 8
OPT_UCP = 16

MAXREPEAT = 4294967295
MAXGROUPS = 1073741823
PCRE2_MAXREPEAT = 65535

DIGITS = '0123456789'
OCTDIGITS = '01234567'
HEXDIGITS = '0123456789abcdefABCDEF'
ASCIILETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
WHITESPACE = ' \t\n\r\v\f'
SPECIAL_CHARS = '.\\[{()*+?^$|'
REPEAT_CHARS = '*+?{'

ESCAPES = {
    '\\a': 7, '\\b': 8, '\\f': 12, '\\n': 10, '\\r': 13, '\\t': 9, '\\v': 11, '\\\\': 92,
}
CATEGORIES = 'dDsSwW'
AT_ESCAPES = 'AbBZ'


class error(Exception):
    """Exception raised for invalid regular expressions.

    Attributes: msg, pattern, pos, lineno, colno."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            newline = '\n' if isinstance(pattern, str) else b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        Exception.__init__(self, msg)


error.__module__ = 're'


class _Source:
    """The pattern as a stream of tokens: one character, or a backslash and the
    character after it."""

    def __init__(self, string, orig):
        self.string = string
        self.orig = orig
        self.istext = isinstance(orig, str)
        self.index = 0
        self.next = None
        self._advance()

    def _advance(self):
        i = self.index
        s = self.string
        if i >= len(s):
            self.next = None
            return
        c = s[i]
        if c == '\\':
            if i + 1 >= len(s):
                raise error('bad escape (end of pattern)', self.orig, len(s) - 1)
            c = s[i:i + 2]
        self.index = i + len(c)
        self.next = c

    def match(self, c):
        if c == self.next:
            self._advance()
            return True
        return False

    def get(self):
        this = self.next
        self._advance()
        return this

    def getwhile(self, n, charset):
        result = ''
        for _ in range(n):
            c = self.next
            if c is None or c not in charset:
                break
            result += c
            self._advance()
        return result

    def getuntil(self, terminator, name):
        result = ''
        while True:
            c = self.next
            self._advance()
            if c is None:
                if not result:
                    raise self.error('missing ' + name)
                raise self.error('missing %s, unterminated name' % terminator, len(result))
            if c == terminator:
                if not result:
                    raise self.error('missing ' + name, 1)
                break
            result += c
        return result

    def tell(self):
        return self.index - len(self.next or '')

    def seek(self, index):
        self.index = index
        self._advance()

    def error(self, msg, offset=0):
        return error(msg, self.orig, self.tell() - offset)


class _Item:
    """One element of a sequence: its PCRE2 text and width; `kind` tells the repeat
    logic what it is ('at' cannot be repeated, 'rep' is already repeated)."""
    __slots__ = ('text', 'lo', 'hi', 'kind')

    def __init__(self, text, lo, hi, kind='atom'):
        self.text = text
        self.lo = lo
        self.hi = hi
        self.kind = kind


class _State:
    def __init__(self, flags, istext):
        self.flags = flags
        self.istext = istext
        self.groupdict = {}
        self.groupwidths = [None]  # group 0
        self.parents = [0]
        self.open = []
        self.lookbehindgroups = None
        self.grouprefpos = {}

    @property
    def groups(self):
        return len(self.groupwidths)

    def opengroup(self, name=None):
        gid = self.groups
        self.groupwidths.append(None)
        self.parents.append(self.open[-1] if self.open else 0)
        if self.groups > MAXGROUPS:
            raise error('too many groups')
        if name is not None:
            ogid = self.groupdict.get(name, None)
            if ogid is not None:
                raise error('redefinition of group name %r as group %d; was group %d'
                            % (name, gid, ogid))
            self.groupdict[name] = gid
        self.open.append(gid)
        return gid

    def closegroup(self, gid, lo, hi):
        self.groupwidths[gid] = (lo, hi)
        self.open.remove(gid)

    def checkgroup(self, gid):
        return gid < self.groups and self.groupwidths[gid] is not None

    def checklookbehindgroup(self, gid, source):
        if self.lookbehindgroups is not None:
            if not self.checkgroup(gid):
                raise source.error('cannot refer to an open group')
            if gid >= self.lookbehindgroups:
                raise source.error('cannot refer to group defined in the same '
                                   'lookbehind subpattern')


def _hexlit(c):
    return '\\x{%x}' % c


def _lit(c):
    """PCRE2 text matching the code point c literally (inside or outside a class)."""
    if c < 128:
        ch = chr(c)
        if ch.isalnum():
            return ch
        if ' ' <= ch <= '~':
            return '\\' + ch
    return _hexlit(c)


def _addw(a, b):
    s = a + b
    return MAXREPEAT if s > MAXREPEAT else s


def _mulw(a, b):
    s = a * b
    return MAXREPEAT if s > MAXREPEAT else s


class _Translator:
    def __init__(self, source, state, ucp):
        self.source = source
        self.state = state
        self.ucp = ucp  # compiled with PCRE2_UCP: \d \w \s \b are Unicode natively

    # -- categories -------------------------------------------------------------

    def category(self, letter, ascii_mode, in_class):
        """PCRE2 text for \\d \\D \\s \\S \\w \\W in the current mode."""
        if not self.state.istext or ascii_mode == (not self.ucp):
            # the engine's own classes already have the right meaning
            if self.ucp and letter == 's':
                # Python's str \\s also has \\x1c-\\x1f and \\x85
                body = '\\s\\x{1c}-\\x{1f}\\x{85}'
                return body if in_class else '[' + body + ']'
            if self.ucp and letter == 'S' and not in_class:
                return '[^\\s\\x{1c}-\\x{1f}\\x{85}]'
            return '\\' + letter
        if ascii_mode:
            body = {'d': '0-9', 'w': 'a-zA-Z0-9_', 's': ' \\t\\n\\r\\f\\v'}[letter.lower()]
        else:
            body = {'d': '\\p{Nd}', 'w': '\\p{L}\\p{N}_',
                    's': '\\s\\x{1c}-\\x{1f}\\x{85}'}[letter.lower()]
        if letter.islower():
            return body if in_class else '[' + body + ']'
        if in_class:
            return '\\' + letter  # closest available inside a set
        return '[^' + body + ']'

    # -- escapes ----------------------------------------------------------------

    def _escape_common(self, escape, in_class):
        """\\x \\u \\U \\N escapes: returns the code point, or None if not one."""
        source = self.source
        c = escape[1:2]
        if c == 'x':
            escape += source.getwhile(2, HEXDIGITS)
            if len(escape) != 4:
                raise source.error('incomplete escape %s' % escape, len(escape))
            return int(escape[2:], 16)
        if c == 'u' and source.istext:
            escape += source.getwhile(4, HEXDIGITS)
            if len(escape) != 6:
                raise source.error('incomplete escape %s' % escape, len(escape))
            return int(escape[2:], 16)
        if c == 'U' and source.istext:
            escape += source.getwhile(8, HEXDIGITS)
            if len(escape) != 10:
                raise source.error('incomplete escape %s' % escape, len(escape))
            v = int(escape[2:], 16)
            if v > 0x10FFFF:
                raise source.error('bad escape %s' % escape, len(escape))
            return v
        if c == 'N' and source.istext:
            if not source.match('{'):
                raise source.error('missing {')
            charname = source.getuntil('}', 'character name')
            try:
                import unicodedata
                return ord(unicodedata.lookup(charname))
            except (KeyError, ImportError, ValueError):
                raise source.error('undefined character name %r' % charname,
                                   len(charname) + len(r'\N{}')) from None
        return None

    def class_escape(self, escape, ascii_mode):
        """Returns ('lit', codepoint) or ('cat', text)."""
        source = self.source
        if escape in ESCAPES:
            return 'lit', ESCAPES[escape]
        c = escape[1:2]
        if c in CATEGORIES:
            return 'cat', self.category(c, ascii_mode, True)
        v = self._escape_common(escape, True)
        if v is not None:
            return 'lit', v
        if c in OCTDIGITS:
            escape += source.getwhile(2, OCTDIGITS)
            v = int(escape[1:], 8)
            if v > 0o377:
                raise source.error('octal escape value %s outside of range 0-0o377' % escape,
                                   len(escape))
            return 'lit', v
        if c in DIGITS or c in ASCIILETTERS:
            raise source.error('bad escape %s' % escape, len(escape))
        return 'lit', ord(c)

    def escape(self, escape, ascii_mode):
        """An escape outside a set: returns an _Item."""
        source = self.source
        state = self.state
        c = escape[1:2]
        if c in AT_ESCAPES:
            if c == 'Z':
                return _Item('\\z', 0, 0, 'at')
            return _Item('\\' + c, 0, 0, 'at')
        if c in CATEGORIES:
            return _Item(self.category(c, ascii_mode, False), 1, 1)
        if escape in ESCAPES:
            return _Item(_lit(ESCAPES[escape]), 1, 1)
        v = self._escape_common(escape, False)
        if v is not None:
            return _Item(_lit(v), 1, 1)
        if c == '0':
            escape += source.getwhile(2, OCTDIGITS)
            return _Item(_lit(int(escape[1:], 8)), 1, 1)
        if c in DIGITS:
            if source.next is not None and source.next in DIGITS:
                escape += source.get()
                if (escape[1] in OCTDIGITS and escape[2] in OCTDIGITS and
                        source.next is not None and source.next in OCTDIGITS):
                    escape += source.get()
                    v = int(escape[1:], 8)
                    if v > 0o377:
                        raise source.error('octal escape value %s outside of range 0-0o377'
                                           % escape, len(escape))
                    return _Item(_lit(v), 1, 1)
            group = int(escape[1:])
            if group < state.groups:
                if not state.checkgroup(group):
                    raise source.error('cannot refer to an open group', len(escape))
                state.checklookbehindgroup(group, source)
                lo, hi = state.groupwidths[group]
                return _Item('\\g{%d}' % group, lo, hi)
            raise source.error('invalid group reference %d' % group, len(escape) - 1)
        if c in ASCIILETTERS:
            raise source.error('bad escape %s' % escape, len(escape))
        return _Item(_lit(ord(c)), 1, 1)

    # -- sets -------------------------------------------------------------------

    def charset(self, ascii_mode):
        source = self.source
        here = source.tell() - 1
        parts = []
        negate = source.match('^')
        first = True
        while True:
            this = source.get()
            if this is None:
                raise source.error('unterminated character set', source.tell() - here)
            if this == ']' and not first:
                break
            first = False
            if this[0] == '\\':
                code1 = self.class_escape(this, ascii_mode)
            else:
                code1 = ('lit', ord(this))
            if source.match('-'):
                that = source.get()
                if that is None:
                    raise source.error('unterminated character set', source.tell() - here)
                if that == ']':
                    parts.append(code1[1] if code1[0] == 'cat' else _lit(code1[1]))
                    parts.append('\\-')
                    break
                if that[0] == '\\':
                    code2 = self.class_escape(that, ascii_mode)
                else:
                    code2 = ('lit', ord(that))
                if code1[0] != 'lit' or code2[0] != 'lit' or code2[1] < code1[1]:
                    raise source.error('bad character range %s-%s' % (this, that),
                                       len(this) + 1 + len(that))
                parts.append(_lit(code1[1]) + '-' + _lit(code2[1]))
            else:
                parts.append(code1[1] if code1[0] == 'cat' else _lit(code1[1]))
        return '[' + ('^' if negate else '') + ''.join(parts) + ']'

    # -- sequences --------------------------------------------------------------

    def parse_sub(self, verbose, ascii_mode, nested):
        """Alternatives separated by '|': returns (text, lo, hi)."""
        source = self.source
        texts = []
        lo = MAXREPEAT
        hi = 0
        while True:
            t, l, h = self.parse_seq(verbose, ascii_mode, nested + 1,
                                     not nested and not texts)
            texts.append(t)
            lo = min(lo, l)
            hi = max(hi, h)
            if not source.match('|'):
                break
        return '|'.join(texts), lo, hi

    def parse_seq(self, verbose, ascii_mode, nested, first=False):
        source = self.source
        state = self.state
        items = []
        while True:
            this = source.next
            if this is None:
                break
            if this in '|)':
                break
            source.get()
            if verbose:
                if this in WHITESPACE:
                    continue
                if this == '#':
                    while True:
                        this = source.get()
                        if this is None or this == '\n':
                            break
                    continue
            if this[0] == '\\':
                items.append(self.escape(this, ascii_mode))
            elif this not in SPECIAL_CHARS:
                items.append(_Item(_lit(ord(this)), 1, 1))
            elif this == '[':
                items.append(_Item(self.charset(ascii_mode), 1, 1))
            elif this in REPEAT_CHARS:
                here = source.tell()
                if this == '?':
                    rmin, rmax = 0, 1
                elif this == '*':
                    rmin, rmax = 0, MAXREPEAT
                elif this == '+':
                    rmin, rmax = 1, MAXREPEAT
                else:
                    if source.next == '}':
                        items.append(_Item(_lit(ord(this)), 1, 1))
                        continue
                    rmin, rmax = 0, MAXREPEAT
                    lo = hi = ''
                    while source.next is not None and source.next in DIGITS:
                        lo += source.get()
                    if source.match(','):
                        while source.next is not None and source.next in DIGITS:
                            hi += source.get()
                    else:
                        hi = lo
                    if not source.match('}'):
                        items.append(_Item(_lit(ord(this)), 1, 1))
                        source.seek(here)
                        continue
                    if lo:
                        rmin = int(lo)
                        if rmin >= MAXREPEAT:
                            raise OverflowError('the repetition number is too large')
                    if hi:
                        rmax = int(hi)
                        if rmax >= MAXREPEAT:
                            raise OverflowError('the repetition number is too large')
                        if rmax < rmin:
                            raise source.error('min repeat greater than max repeat',
                                               source.tell() - here)
                if not items or items[-1].kind == 'at':
                    raise source.error('nothing to repeat', source.tell() - here + len(this))
                item = items[-1]
                if item.kind == 'rep':
                    raise source.error('multiple repeat', source.tell() - here + len(this))
                if rmin > PCRE2_MAXREPEAT or (rmax != MAXREPEAT and rmax > PCRE2_MAXREPEAT):
                    raise source.error('repetition count above %d is not supported'
                                       % PCRE2_MAXREPEAT, source.tell() - here + len(this))
                if this != '{':
                    q = this
                elif rmax == MAXREPEAT:
                    q = '{%d,}' % rmin
                elif rmin == rmax:
                    q = '{%d}' % rmin
                else:
                    q = '{%d,%d}' % (rmin, rmax)
                if source.match('?'):
                    q += '?'
                elif source.match('+'):
                    q += '+'
                item.text += q
                item.lo = _mulw(item.lo, rmin)
                item.hi = _mulw(item.hi, rmax) if item.hi else 0
                item.kind = 'rep'
            elif this == '.':
                items.append(_Item('.', 1, 1))
            elif this == '(':
                item = self.group(verbose, ascii_mode, nested, first and not items)
                if item is not None:
                    if isinstance(item, tuple):
                        # scoped verbose/ascii changes from a global flag group
                        verbose, ascii_mode = item
                        continue
                    items.append(item)
            elif this == '^':
                items.append(_Item('^', 0, 0, 'at'))
            elif this == '$':
                items.append(_Item('$', 0, 0, 'at'))
            else:
                raise AssertionError('unsupported special character %r' % (this,))
        lo = hi = 0
        for it in items:
            lo = _addw(lo, it.lo)
            hi = _addw(hi, it.hi)
        return ''.join(it.text for it in items), lo, hi

    def group(self, verbose, ascii_mode, nested, first):
        """Everything after '('. Returns an _Item, None (comment), or a
        (verbose, ascii_mode) pair after global inline flags."""
        source = self.source
        state = self.state
        start = source.tell() - 1
        capture = True
        name = None
        add_flags = del_flags = 0
        prefix = '('
        if source.match('?'):
            char = source.get()
            if char is None:
                raise source.error('unexpected end of pattern')
            if char == 'P':
                if source.match('<'):
                    name = source.getuntil('>', 'group name')
                    if not name.isidentifier():
                        raise source.error('bad character in group name %r' % name,
                                           len(name) + 1)
                elif source.match('='):
                    name = source.getuntil(')', 'group name')
                    if not name.isidentifier():
                        raise source.error('bad character in group name %r' % name,
                                           len(name) + 1)
                    gid = state.groupdict.get(name)
                    if gid is None:
                        raise source.error('unknown group name %r' % name, len(name) + 1)
                    if not state.checkgroup(gid):
                        raise source.error('cannot refer to an open group', len(name) + 1)
                    state.checklookbehindgroup(gid, source)
                    lo, hi = state.groupwidths[gid]
                    return _Item('\\g{%d}' % gid, lo, hi)
                else:
                    char = source.get()
                    if char is None:
                        raise source.error('unexpected end of pattern')
                    raise source.error('unknown extension ?P' + char, len(char) + 2)
            elif char == ':':
                capture = False
                prefix = '(?:'
            elif char == '#':
                while True:
                    if source.next is None:
                        raise source.error('missing ), unterminated comment',
                                           source.tell() - start)
                    if source.get() == ')':
                        break
                return None
            elif char in '=!<':
                if char == '<':
                    char = source.get()
                    if char is None:
                        raise source.error('unexpected end of pattern')
                    if char not in '=!':
                        raise source.error('unknown extension ?<' + char, len(char) + 2)
                    behind = True
                    prefix = '(?<' + char
                else:
                    behind = False
                    prefix = '(?' + char
                saved = state.lookbehindgroups
                if behind and saved is None:
                    state.lookbehindgroups = state.groups
                text, lo, hi = self.parse_sub(verbose, ascii_mode, nested + 1)
                if behind:
                    if saved is None:
                        state.lookbehindgroups = None
                    if lo != hi:
                        raise error('look-behind requires fixed-width pattern')
                if not source.match(')'):
                    raise source.error('missing ), unterminated subpattern',
                                       source.tell() - start)
                return _Item(prefix + text + ')', 0, 0)
            elif char == '(':
                condname = source.getuntil(')', 'group name')
                if condname.isidentifier():
                    condgroup = state.groupdict.get(condname)
                    if condgroup is None:
                        raise source.error('unknown group name %r' % condname,
                                           len(condname) + 1)
                else:
                    try:
                        condgroup = int(condname)
                        if condgroup < 0:
                            raise ValueError
                    except ValueError:
                        raise source.error('bad character in group name %r' % condname,
                                           len(condname) + 1) from None
                    if not condgroup:
                        raise source.error('bad group number', len(condname) + 1)
                    if condgroup >= MAXGROUPS:
                        raise source.error('invalid group reference %d' % condgroup,
                                           len(condname) + 1)
                    if condgroup not in state.grouprefpos:
                        state.grouprefpos[condgroup] = source.tell() - len(condname) - 1
                state.checklookbehindgroup(condgroup, source)
                yes, ylo, yhi = self.parse_seq(verbose, ascii_mode, nested + 1)
                if source.match('|'):
                    no, nlo, nhi = self.parse_seq(verbose, ascii_mode, nested + 1)
                    if source.next == '|':
                        raise source.error('conditional backref with more than two branches')
                    text = '(?(%d)%s|%s)' % (condgroup, yes, no)
                else:
                    nlo = nhi = 0
                    text = '(?(%d)%s)' % (condgroup, yes)
                if not source.match(')'):
                    raise source.error('missing ), unterminated subpattern',
                                       source.tell() - start)
                return _Item(text, min(ylo, nlo), max(yhi, nhi))
            elif char == '>':
                capture = False
                prefix = '(?>'
            elif char in FLAGS or char == '-':
                flags = self.parse_flags(char)
                if flags is None:  # global flags
                    if not first or nested != 1:
                        raise error('global flags not at the start of the expression',
                                    source.orig, start)
                    verbose = bool(state.flags & SRE_FLAG_VERBOSE)
                    ascii_mode = bool(state.flags & SRE_FLAG_ASCII) or not state.istext
                    return (verbose, ascii_mode)
                add_flags, del_flags = flags
                capture = False
                on = ''.join(ch for ch in 'ims' if add_flags & FLAGS[ch])
                off = ''.join(ch for ch in 'ims' if del_flags & FLAGS[ch])
                prefix = '(?' + on + ('-' + off if off else '') + ':'
            else:
                raise source.error('unknown extension ?' + char, len(char) + 1)

        if capture:
            try:
                gid = state.opengroup(name)
            except error as err:
                raise source.error(err.msg, len(name) + 1) from None
        sub_verbose = verbose
        sub_ascii = ascii_mode
        if add_flags & SRE_FLAG_VERBOSE:
            sub_verbose = True
        if del_flags & SRE_FLAG_VERBOSE:
            sub_verbose = False
        if add_flags & SRE_FLAG_ASCII:
            sub_ascii = True
        if add_flags & SRE_FLAG_UNICODE:
            sub_ascii = False
        text, lo, hi = self.parse_sub(sub_verbose, sub_ascii, nested + 1)
        if not source.match(')'):
            raise source.error('missing ), unterminated subpattern', source.tell() - start)
        if capture:
            state.closegroup(gid, lo, hi)
        return _Item(prefix + text + ')', lo, hi)

    def parse_flags(self, char):
        source = self.source
        state = self.state
        add_flags = 0
        del_flags = 0
        if char != '-':
            while True:
                flag = FLAGS[char]
                if source.istext:
                    if char == 'L':
                        raise source.error("bad inline flags: cannot use 'L' flag with "
                                           "a str pattern")
                else:
                    if char == 'u':
                        raise source.error("bad inline flags: cannot use 'u' flag with "
                                           "a bytes pattern")
                add_flags |= flag
                if (flag & TYPE_FLAGS) and (add_flags & TYPE_FLAGS) != flag:
                    raise source.error("bad inline flags: flags 'a', 'u' and 'L' are "
                                       "incompatible")
                char = source.get()
                if char is None:
                    raise source.error('missing -, : or )')
                if char in ')-:':
                    break
                if char not in FLAGS:
                    msg = 'unknown flag' if char.isalpha() else 'missing -, : or )'
                    raise source.error(msg, len(char))
        if char == ')':
            state.flags |= add_flags
            return None
        if add_flags & GLOBAL_FLAGS:
            raise source.error('bad inline flags: cannot turn on global flag', 1)
        if char == '-':
            char = source.get()
            if char is None:
                raise source.error('missing flag')
            if char not in FLAGS:
                msg = 'unknown flag' if char.isalpha() else 'missing flag'
                raise source.error(msg, len(char))
            while True:
                flag = FLAGS[char]
                if flag & TYPE_FLAGS:
                    msg = "bad inline flags: cannot turn off flags 'a', 'u' and 'L'"
                    raise source.error(msg)
                del_flags |= flag
                char = source.get()
                if char is None:
                    raise source.error('missing :')
                if char == ':':
                    break
                if char not in FLAGS:
                    msg = 'unknown flag' if char.isalpha() else 'missing :'
                    raise source.error(msg, len(char))
        if del_flags & GLOBAL_FLAGS:
            raise source.error('bad inline flags: cannot turn off global flag', 1)
        if add_flags & del_flags:
            raise source.error('bad inline flags: flag turned on and off', 1)
        return add_flags, del_flags


def _check_flags(pattern, flags):
    if isinstance(pattern, str):
        if flags & SRE_FLAG_LOCALE:
            raise ValueError('cannot use LOCALE flag with a str pattern')
        if not flags & SRE_FLAG_ASCII:
            flags |= SRE_FLAG_UNICODE
        elif flags & SRE_FLAG_UNICODE:
            raise ValueError('ASCII and UNICODE flags are incompatible')
    else:
        if flags & SRE_FLAG_UNICODE:
            raise ValueError('cannot use UNICODE flag with a bytes pattern')
        if flags & SRE_FLAG_LOCALE and flags & SRE_FLAG_ASCII:
            raise ValueError('ASCII and LOCALE flags are incompatible')
    return flags


def translate(pattern, flags):
    """Parses a Python pattern. Returns (pcre2_text, options, flags, groupindex,
    parents): the PCRE2 text (str), engine options, the pattern's final flags, the
    name -> group number map and each group's enclosing group (for lastindex)."""
    istext = isinstance(pattern, str)
    text = pattern if istext else pattern.decode('latin-1')
    state = _State(flags, istext)
    source = _Source(text, pattern)
    ascii_mode = bool(flags & SRE_FLAG_ASCII) or not istext
    ucp = istext and not (flags & SRE_FLAG_ASCII)
    tr = _Translator(source, state, ucp)
    out, lo, hi = tr.parse_sub(bool(flags & SRE_FLAG_VERBOSE), ascii_mode, 0)
    if source.next is not None:
        raise source.error('unbalanced parenthesis')
    for g in state.grouprefpos:
        if g >= state.groups:
            raise error('invalid group reference %d' % g, pattern, state.grouprefpos[g])
    flags = _check_flags(pattern, state.flags)
    if istext and (flags & SRE_FLAG_ASCII) and ucp:
        # (?a) at the start of a str pattern: \d \w \s become ASCII everywhere
        return translate(pattern, flags)
    opts = 0
    if flags & SRE_FLAG_IGNORECASE:
        opts |= OPT_CASELESS
    if flags & SRE_FLAG_MULTILINE:
        opts |= OPT_MULTILINE
    if flags & SRE_FLAG_DOTALL:
        opts |= OPT_DOTALL
    if istext:
        opts |= OPT_UTF
        if ucp:
            opts |= OPT_UCP
    return out, opts, flags, state.groupdict, state.parents


# -- replacement templates -----------------------------------------------------

def parse_template(source, groupindex, ngroups):
    """Parses a sub() replacement. Returns a list whose items are literal strings or
    group numbers (ints)."""
    istext = isinstance(source, str)
    text = source if istext else source.decode('latin-1')
    s = _Source(text, source)
    result = []
    literal = []

    def addgroup(index, pos):
        if index > ngroups:
            raise error('invalid group reference %d' % index, source, pos)
        if literal:
            result.append(''.join(literal))
            del literal[:]
        result.append(index)

    while True:
        this = s.get()
        if this is None:
            break
        if this[0] == '\\':
            c = this[1]
            if c == 'g':
                if not s.match('<'):
                    raise s.error('missing <')
                name = s.getuntil('>', 'group name')
                if name.isidentifier():
                    try:
                        index = groupindex[name]
                    except KeyError:
                        raise IndexError('unknown group name %r' % name) from None
                else:
                    try:
                        index = int(name)
                        if index < 0:
                            raise ValueError
                    except ValueError:
                        raise s.error('bad character in group name %r' % name,
                                      len(name) + 1) from None
                    if index >= MAXGROUPS:
                        raise s.error('invalid group reference %d' % index, len(name) + 1)
                addgroup(index, s.tell() - len(name) - 1)
            elif c == '0':
                if s.next is not None and s.next in OCTDIGITS:
                    this += s.get()
                    if s.next is not None and s.next in OCTDIGITS:
                        this += s.get()
                literal.append(chr(int(this[1:], 8) & 0xff))
            elif c in DIGITS:
                isoctal = False
                if s.next is not None and s.next in DIGITS:
                    this += s.get()
                    if (c in OCTDIGITS and this[2] in OCTDIGITS and
                            s.next is not None and s.next in OCTDIGITS):
                        this += s.get()
                        isoctal = True
                        v = int(this[1:], 8)
                        if v > 0o377:
                            raise s.error('octal escape value %s outside of range 0-0o377'
                                          % this, len(this))
                        literal.append(chr(v))
                if not isoctal:
                    addgroup(int(this[1:]), s.tell() - len(this) + 1)
            else:
                if this in ESCAPES:
                    literal.append(chr(ESCAPES[this]))
                elif c in ASCIILETTERS:
                    raise s.error('bad escape %s' % this, len(this))
                else:
                    literal.append(this)
        else:
            literal.append(this)
    if literal:
        result.append(''.join(literal))
    if not istext:
        result = [x.encode('latin-1') if isinstance(x, str) else x for x in result]
    return result
