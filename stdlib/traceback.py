"""traceback - extract, format and print stack traces and exceptions, in CPython
3.11's text format (including the ~~~^^^ position markers computed from co_positions)."""

import sys
import linecache

__all__ = ['extract_stack', 'extract_tb', 'format_exception', 'format_exception_only',
           'format_list', 'format_stack', 'format_tb', 'print_exc', 'format_exc',
           'print_exception', 'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException', 'walk_stack', 'walk_tb']

_RECURSIVE_CUTOFF = 3
_cause_message = ('\nThe above exception was the direct cause '
                  'of the following exception:\n\n')
_context_message = ('\nDuring handling of the above exception, '
                    'another exception occurred:\n\n')

_sentinel = object()


def _print_lines(lines, file):
    if file is None:
        file = sys.stderr
    for line in lines:
        print(line, file=file, end='')


def print_list(extracted_list, file=None):
    """Print the entries of an extract_tb()/extract_stack() list."""
    _print_lines(StackSummary.from_list(extracted_list).format(), file)


def format_list(extracted_list):
    """Strings ready for printing, one per entry of an extracted stack."""
    return StackSummary.from_list(extracted_list).format()


# ---------------------------------------------------------------------------
# Tracebacks
# ---------------------------------------------------------------------------

def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def extract_tb(tb, limit=None):
    """StackSummary of the frames of a traceback object."""
    return StackSummary._extract_from_extended_frame_gen(_walk_tb_with_full_positions(tb),
                                                         limit=limit)


def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError('Exception expected for value, %s found' % type(exc).__name__)
        return None, None
    return value, tb


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Print an exception with its traceback (and its chain) to file (stderr)."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    te.print(file=file, chain=chain)


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The lines print_exception() would print."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain))


def format_exception_only(exc, /, value=_sentinel):
    """The final 'Type: message' line(s) of an exception."""
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value), value, None, compact=True)
    return list(te.format_exception_only())


def _format_final_exc_line(etype, value):
    valuestr = _safe_string(value, 'exception')
    if value is None or not valuestr:
        return '%s\n' % etype
    return '%s: %s\n' % (etype, valuestr)


def _safe_string(value, what, func=str):
    try:
        return func(value)
    except BaseException:
        return '<%s %s() failed>' % (what, func.__name__)


def print_exc(limit=None, file=None, chain=True):
    """Print the exception being handled."""
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    """The text print_exc() would print."""
    return ''.join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, 'last_type'):
        raise ValueError('no last exception')
    print_exception(sys.last_type, sys.last_value, sys.last_traceback, limit, file, chain)


# ---------------------------------------------------------------------------
# Stacks
# ---------------------------------------------------------------------------

def print_stack(f=None, limit=None, file=None):
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def format_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def extract_stack(f=None, limit=None):
    """StackSummary of the calling frames, oldest first."""
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def clear_frames(tb):
    while tb is not None:
        try:
            tb.tb_frame.clear()
        except (RuntimeError, AttributeError):
            pass
        tb = tb.tb_next


class FrameSummary:
    """One frame of a stack: filename, lineno, name, line (and columns)."""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno', 'name', '_line',
                 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        if lookup_line:
            self.line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno and
                    self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return '<FrameSummary file {filename}, line {lineno} in {name}>'.format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def _original_line(self):
        self.line
        return self._line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()


def walk_stack(f):
    """(frame, lineno) from f outwards through f_back."""
    if f is None:
        f = sys._getframe().f_back.f_back.f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def walk_tb(tb):
    """(frame, lineno) for each entry of a traceback."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _get_code_position(code, lasti):
    if lasti < 0:
        return (None, None, None, None)
    index = lasti // 2
    for i, pos in enumerate(code.co_positions()):
        if i == index:
            return pos
    return (None, None, None, None)


def _walk_tb_with_full_positions(tb):
    while tb is not None:
        positions = _get_code_position(tb.tb_frame.f_code, tb.tb_lasti)
        if positions[0] is None:
            yield tb.tb_frame, (tb.tb_lineno,) + tuple(positions[1:])
        else:
            yield tb.tb_frame, positions
        tb = tb.tb_next


def _byte_offset_to_character_offset(s, offset):
    data = s.encode('utf-8')
    return len(data[:offset].decode('utf-8', errors='replace'))


class _Anchors:
    __slots__ = ('left_end_offset', 'right_start_offset', 'primary_char', 'secondary_char')

    def __init__(self, left, right, primary='~', secondary='^'):
        self.left_end_offset = left
        self.right_start_offset = right
        self.primary_char = primary
        self.secondary_char = secondary


def _caret_anchors(segment):
    """Where a binary operator or subscript sits inside the failing expression."""
    import ast
    try:
        tree = ast.parse(segment)
    except SyntaxError:
        return None
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Expr):
        return None
    expr = tree.body[0].value

    def chars(offset):
        return _byte_offset_to_character_offset(segment, offset)
    if isinstance(expr, ast.BinOp):
        op_start = chars(expr.left.end_col_offset)
        op_end = chars(expr.right.col_offset)
        between = segment[op_start:op_end]
        lead = len(between) - len(between.lstrip())
        left = expr.left.end_col_offset + lead
        right = left + 1
        if lead + 1 < len(between) and not between[lead + 1].isspace():
            right += 1
        return _Anchors(chars(left), chars(right))
    if isinstance(expr, ast.Subscript):
        return _Anchors(chars(expr.value.end_col_offset), chars(expr.slice.end_col_offset + 1))
    return None


class StackSummary(list):
    """A list of FrameSummary objects, ready to format."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        def extended():
            for f, lineno in frame_gen:
                yield f, (lineno, None, None, None)
        return klass._extract_from_extended_frame_gen(extended(), limit=limit,
                                                      lookup_lines=lookup_lines,
                                                      capture_locals=capture_locals)

    @classmethod
    def _extract_from_extended_frame_gen(klass, frame_gen, *, limit=None, lookup_lines=True,
                                         capture_locals=False):
        if limit is None:
            limit = getattr(sys, 'tracebacklimit', None)
            if limit is not None and limit < 0:
                limit = 0
        items = []
        if limit is not None and limit >= 0:
            if limit > 0:
                for item in frame_gen:
                    items.append(item)
                    if len(items) >= limit:
                        break
        else:
            items = list(frame_gen)
            if limit is not None:  # negative: the last -limit entries
                items = items[max(0, len(items) + limit):]
        result = klass()
        fnames = set()
        for f, (lineno, end_lineno, colno, end_colno) in items:
            co = f.f_code
            filename = co.co_filename
            fnames.add(filename)
            linecache.lazycache(filename, f.f_globals)
            f_locals = f.f_locals if capture_locals else None
            result.append(FrameSummary(filename, lineno, co.co_name, lookup_line=False,
                                       locals=f_locals, end_lineno=end_lineno, colno=colno,
                                       end_colno=end_colno))
        for filename in fnames:
            linecache.checkcache(filename)
        if lookup_lines:
            for f in result:
                f.line
        return result

    @classmethod
    def from_list(klass, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        """The text of one frame: the File line, the source line and its markers."""
        row = ['  File "%s", line %s, in %s\n' % (frame_summary.filename, frame_summary.lineno,
                                                  frame_summary.name)]
        if frame_summary.line:
            stripped = frame_summary.line.strip()
            row.append('    %s\n' % stripped)
            original = frame_summary._original_line
            stripped_chars = len(original) - len(frame_summary.line.lstrip())
            if frame_summary.colno is not None and frame_summary.end_colno is not None:
                start = _byte_offset_to_character_offset(original, frame_summary.colno) + 1
                end = _byte_offset_to_character_offset(original, frame_summary.end_colno) + 1
                anchors = None
                if frame_summary.lineno == frame_summary.end_lineno:
                    try:
                        anchors = _caret_anchors(original[start - 1:end - 1])
                    except Exception:
                        anchors = None
                else:
                    end = stripped_chars + len(stripped)
                if end - start < len(stripped) or (
                        anchors and anchors.right_start_offset - anchors.left_end_offset > 0):
                    row.append('    ')
                    row.append(' ' * (start - stripped_chars))
                    if anchors:
                        row.append(anchors.primary_char * anchors.left_end_offset)
                        row.append(anchors.secondary_char *
                                   (anchors.right_start_offset - anchors.left_end_offset))
                        row.append(anchors.primary_char *
                                   (end - start - anchors.right_start_offset))
                    else:
                        row.append('^' * (end - start))
                    row.append('\n')
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append('    %s = %s\n' % (name, value))
        return ''.join(row)

    def format(self):
        """One string per frame, with long runs of a repeated frame abbreviated."""
        result = []
        last = None
        count = 0
        for fs in self:
            text = self.format_frame_summary(fs)
            if text is None:
                continue
            key = (fs.filename, fs.lineno, fs.name)
            if last is None or key != last or None in key:
                if count > _RECURSIVE_CUTOFF:
                    n = count - _RECURSIVE_CUTOFF
                    result.append('  [Previous line repeated %d more time%s]\n' %
                                  (n, 's' if n > 1 else ''))
                last = key
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(text)
        if count > _RECURSIVE_CUTOFF:
            n = count - _RECURSIVE_CUTOFF
            result.append('  [Previous line repeated %d more time%s]\n' %
                          (n, 's' if n > 1 else ''))
        return result


# ---------------------------------------------------------------------------
# TracebackException
# ---------------------------------------------------------------------------

def _indent_lines(text, prefix):
    return ''.join([prefix + line for line in text.splitlines(True)])


class _PrintContext:
    def __init__(self):
        self.seen = set()
        self.exception_group_depth = 0
        self.need_close = False

    def indent(self):
        return ' ' * (2 * self.exception_group_depth)

    def emit(self, text_gen, margin_char=None):
        if margin_char is None:
            margin_char = '|'
        prefix = self.indent()
        if self.exception_group_depth:
            prefix += margin_char + ' '
        if isinstance(text_gen, str):
            yield _indent_lines(text_gen, prefix)
        else:
            for text in text_gen:
                yield _indent_lines(text, prefix)


class TracebackException:
    """An exception captured for later formatting: its stack, message, notes, cause,
    context and (for exception groups) sub-exceptions."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True,
                 capture_locals=False, compact=False, max_group_width=15, max_group_depth=10,
                 _seen=None):
        is_recursive_call = _seen is not None
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.max_group_width = max_group_width
        self.max_group_depth = max_group_depth
        self.stack = StackSummary._extract_from_extended_frame_gen(
            _walk_tb_with_full_positions(exc_traceback), limit=limit,
            lookup_lines=lookup_lines, capture_locals=capture_locals)
        self.exc_type = exc_type
        self._str = _safe_string(exc_value, 'exception')
        self.__notes__ = getattr(exc_value, '__notes__', None)
        if exc_type and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            end_lno = exc_value.end_lineno
            self.end_lineno = str(end_lno) if end_lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = exc_value.end_offset
            self.msg = exc_value.msg
        if lookup_lines:
            self._load_lines()
        self.__suppress_context__ = (exc_value.__suppress_context__
                                     if exc_value is not None else False)
        self.__cause__ = None
        self.__context__ = None
        self.exceptions = None
        # Build the chain breadth first (iteratively: chains can be long).
        queue = [(self, exc_value)]
        while queue:
            te, e = queue.pop()
            if e is not None and e.__cause__ is not None and id(e.__cause__) not in _seen:
                cause = TracebackException(type(e.__cause__), e.__cause__,
                                           e.__cause__.__traceback__, limit=limit,
                                           lookup_lines=lookup_lines,
                                           capture_locals=capture_locals,
                                           max_group_width=max_group_width,
                                           max_group_depth=max_group_depth, _seen=_seen)
            else:
                cause = None
            if compact:
                need_context = (cause is None and e is not None and not e.__suppress_context__)
            else:
                need_context = True
            if (e is not None and e.__context__ is not None and need_context and
                    id(e.__context__) not in _seen):
                context = TracebackException(type(e.__context__), e.__context__,
                                             e.__context__.__traceback__, limit=limit,
                                             lookup_lines=lookup_lines,
                                             capture_locals=capture_locals,
                                             max_group_width=max_group_width,
                                             max_group_depth=max_group_depth, _seen=_seen)
            else:
                context = None
            if e is not None and isinstance(e, BaseExceptionGroup):
                exceptions = []
                for exc in e.exceptions:
                    exceptions.append(TracebackException(
                        type(exc), exc, exc.__traceback__, limit=limit,
                        lookup_lines=lookup_lines, capture_locals=capture_locals,
                        max_group_width=max_group_width, max_group_depth=max_group_depth,
                        _seen=_seen))
            else:
                exceptions = None
            te.__cause__ = cause
            te.__context__ = context
            te.exceptions = exceptions
            if cause:
                queue.append((te.__cause__, e.__cause__))
            if context:
                queue.append((te.__context__, e.__context__))

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def _load_lines(self):
        for frame in self.stack:
            frame.line

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        """The 'Type: message' line(s), then the notes."""
        if self.exc_type is None:
            yield _format_final_exc_line(None, self._str)
            return
        stype = self.exc_type.__qualname__
        smod = self.exc_type.__module__
        if smod not in ('__main__', 'builtins'):
            if not isinstance(smod, str):
                smod = '<unknown>'
            stype = smod + '.' + stype
        if not issubclass(self.exc_type, SyntaxError):
            yield _format_final_exc_line(stype, self._str)
        else:
            yield from self._format_syntax_error(stype)
        if isinstance(self.__notes__, (list, tuple)):
            for note in self.__notes__:
                note = _safe_string(note, 'note')
                for line in note.split('\n'):
                    yield line + '\n'
        elif self.__notes__ is not None:
            yield _safe_string(self.__notes__, '__notes__', func=repr)

    def _format_syntax_error(self, stype):
        suffix = ''
        if self.lineno is not None:
            yield '  File "%s", line %s\n' % (self.filename or '<string>', self.lineno)
        elif self.filename is not None:
            suffix = ' (%s)' % self.filename
        text = self.text
        if text is not None:
            rtext = text.rstrip('\n')
            ltext = rtext.lstrip(' \n\f')
            spaces = len(rtext) - len(ltext)
            yield '    %s\n' % ltext
            if self.offset is not None:
                offset = self.offset
                end_offset = self.end_offset if self.end_offset not in (None, 0) else offset
                if offset == end_offset or end_offset == -1:
                    end_offset = offset + 1
                colno = offset - 1 - spaces
                end_colno = end_offset - 1 - spaces
                if colno >= 0:
                    caretspace = ''.join([c if c.isspace() else ' ' for c in ltext[:colno]])
                    yield '    %s%s\n' % (caretspace, '^' * (end_colno - colno))
        msg = self.msg or '<no detail available>'
        yield '%s: %s%s\n' % (stype, msg, suffix)

    def format(self, *, chain=True, _ctx=None):
        """The lines of the whole report: chained exceptions first, then this one."""
        if _ctx is None:
            _ctx = _PrintContext()
        output = []
        exc = self
        if chain:
            while exc:
                if exc.__cause__ is not None:
                    msg, nxt = _cause_message, exc.__cause__
                elif exc.__context__ is not None and not exc.__suppress_context__:
                    msg, nxt = _context_message, exc.__context__
                else:
                    msg, nxt = None, None
                output.append((msg, exc))
                exc = nxt
        else:
            output.append((None, exc))
        for msg, exc in reversed(output):
            if msg is not None:
                yield from _ctx.emit(msg)
            if exc.exceptions is None:
                if exc.stack:
                    yield from _ctx.emit('Traceback (most recent call last):\n')
                    yield from _ctx.emit(exc.stack.format())
                yield from _ctx.emit(exc.format_exception_only())
            elif _ctx.exception_group_depth > self.max_group_depth:
                yield from _ctx.emit('... (max_group_depth is %d)\n' % self.max_group_depth)
            else:
                top = _ctx.exception_group_depth == 0
                if top:
                    _ctx.exception_group_depth += 1
                if exc.stack:
                    yield from _ctx.emit('Exception Group Traceback (most recent call last):\n',
                                         margin_char='+' if top else None)
                    yield from _ctx.emit(exc.stack.format())
                yield from _ctx.emit(exc.format_exception_only())
                num = len(exc.exceptions)
                n = num if num <= self.max_group_width else self.max_group_width + 1
                _ctx.need_close = False
                for i in range(n):
                    last = i == n - 1
                    if last:
                        _ctx.need_close = True
                    truncated = i >= self.max_group_width
                    title = str(i + 1) if not truncated else '...'
                    yield (_ctx.indent() + ('+-' if i == 0 else '  ') +
                           '+---------------- %s ----------------\n' % title)
                    _ctx.exception_group_depth += 1
                    if not truncated:
                        yield from exc.exceptions[i].format(chain=chain, _ctx=_ctx)
                    else:
                        remaining = num - self.max_group_width
                        yield from _ctx.emit('and %d more exception%s\n' %
                                             (remaining, 's' if remaining > 1 else ''))
                    if last and _ctx.need_close:
                        yield _ctx.indent() + '+------------------------------------\n'
                        _ctx.need_close = False
                    _ctx.exception_group_depth -= 1
                if top:
                    _ctx.exception_group_depth = 0

    def print(self, *, file=None, chain=True):
        """Print the report to file (default sys.stderr)."""
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end='')
