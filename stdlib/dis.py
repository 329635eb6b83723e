"""dis - disassembler of Krait bytecode.

The layout follows CPython's dis (line numbers, byte offsets, `>>` jump targets,
argument meanings in parentheses); the instructions are Krait's own (see opcode.py)."""

import sys
import _opcode
from opcode import (opname, opmap, cmp_op, hasarg, hasconst, hasname, hasjrel, hasjabs,
                    haslocal, hasfree, hascompare, hasexc, stack_effect, HAVE_ARGUMENT,
                    EXTENDED_ARG, _inline_cache_entries, _nb_ops, _intrinsic_1_descs,
                    _intrinsic_2_descs)

__all__ = ["code_info", "dis", "disassemble", "distb", "disco", "findlinestarts",
           "findlabels", "show_code", "get_instructions", "Instruction", "Bytecode",
           "Positions", "opname", "opmap", "cmp_op", "hasarg", "hasconst", "hasname",
           "hasjrel", "hasjabs", "haslocal", "hasfree", "hascompare", "stack_effect",
           "HAVE_ARGUMENT", "EXTENDED_ARG"]

_OPNAME_WIDTH = 20
_OPARG_WIDTH = 5

_JUMP_BACKWARD = {opmap['JUMP_BACKWARD'], opmap['JUMP_BACKWARD_NO_INTERRUPT']}
_CONST_SET = set(hasconst)
_NAME_SET = set(hasname)
_JUMP_SET = set(hasjrel)
_LOCAL_SET = set(haslocal) | set(hasfree)
_COMPARE_SET = set(hascompare)
_ARG_SET = set(hasarg)

COMPILER_FLAG_NAMES = {
    1: "OPTIMIZED", 2: "NEWLOCALS", 4: "VARARGS", 8: "VARKEYWORDS", 16: "NESTED",
    32: "GENERATOR", 64: "NOFREE", 128: "COROUTINE", 256: "ITERABLE_COROUTINE",
    512: "ASYNC_GENERATOR",
}


def _record_type(name, fields, doc):
    """A small named-tuple class (dis must not depend on collections)."""
    def __new__(cls, *args, **kwargs):
        values = list(args)
        for f in fields[len(values):]:
            if f not in kwargs:
                raise TypeError('%s() missing argument %r' % (name, f))
            values.append(kwargs.pop(f))
        if kwargs or len(values) != len(fields):
            raise TypeError('%s() takes %d arguments' % (name, len(fields)))
        return tuple.__new__(cls, values)

    def __repr__(self):
        return name + '(' + ', '.join(['%s=%r' % (f, v) for f, v in zip(fields, self)]) + ')'

    def _replace(self, **kw):
        return type(self)(*[kw.pop(f, v) for f, v in zip(fields, self)])

    def _asdict(self):
        return dict(zip(fields, self))

    ns = {'__new__': __new__, '__repr__': __repr__, '_replace': _replace,
          '_asdict': _asdict, '_fields': tuple(fields), '__slots__': (), '__doc__': doc,
          '__module__': 'dis', '__getnewargs__': lambda self: tuple(self)}
    for i, f in enumerate(fields):
        ns[f] = property(lambda self, i=i: self[i])
    ns['_make'] = classmethod(lambda cls, it: cls(*it))
    return type(name, (tuple,), ns)


Positions = _record_type('Positions', ['lineno', 'end_lineno', 'col_offset', 'end_col_offset'],
                         'Source positions of an instruction.')
_ExceptionTableEntry = _record_type('_ExceptionTableEntry',
                                    ['start', 'end', 'target', 'depth', 'lasti'],
                                    'One entry of a code object\'s exception table.')
_InstructionBase = _record_type(
    '_InstructionBase',
    ['opname', 'opcode', 'arg', 'argval', 'argrepr', 'offset', 'starts_line',
     'is_jump_target', 'positions'],
    'Details for a bytecode operation.')


class Instruction(_InstructionBase):
    """Details for a bytecode operation: opname, opcode, arg, argval, argrepr, offset,
    starts_line, is_jump_target, positions."""
    __slots__ = ()

    def __repr__(self):
        return 'Instruction(' + ', '.join(
            ['%s=%r' % (f, v) for f, v in zip(self._fields, self)]) + ')'

    def _disassemble(self, lineno_width=3, mark_as_current=False, offset_width=4):
        fields = []
        if lineno_width:
            if self.starts_line is not None:
                fields.append(str(self.starts_line).rjust(lineno_width))
            else:
                fields.append(' ' * lineno_width)
        fields.append('-->' if mark_as_current else '   ')
        fields.append('>>' if self.is_jump_target else '  ')
        fields.append(repr(self.offset).rjust(offset_width))
        fields.append(self.opname.ljust(_OPNAME_WIDTH))
        if self.arg is not None:
            fields.append(repr(self.arg).rjust(_OPARG_WIDTH))
            if self.argrepr:
                fields.append('(' + self.argrepr + ')')
        return ' '.join(fields).rstrip()


Instruction._make = classmethod(lambda cls, it: cls(*it))

# ---------------------------------------------------------------------------
# Getting at code objects
# ---------------------------------------------------------------------------


def _get_code_object(x):
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    elif hasattr(x, 'gi_code'):
        x = x.gi_code
    elif hasattr(x, 'ag_code'):
        x = x.ag_code
    elif hasattr(x, 'cr_code'):
        x = x.cr_code
    if isinstance(x, str):
        x = _try_compile(x, '<disassembly>')
    if hasattr(x, 'co_code'):
        return x
    raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def _try_compile(source, name):
    try:
        return compile(source, name, 'eval')
    except SyntaxError:
        pass
    return compile(source, name, 'exec')


def _localsplus_names(co):
    try:
        return _opcode._code_details(co)[0]
    except TypeError:
        cells = [c for c in co.co_cellvars if c not in co.co_varnames]
        return tuple(co.co_varnames) + tuple(cells) + tuple(co.co_freevars)


def _exception_entries(co):
    try:
        return [_ExceptionTableEntry(*e) for e in _opcode._code_details(co)[1]]
    except TypeError:
        return []


def findlinestarts(code):
    """(offset, lineno) for each instruction that starts a new source line."""
    last = None
    for start, end, line in code.co_lines():
        if line is not None and line != last:
            last = line
            yield start, line


def _unpack(code):
    """(offset, op, arg-with-EXTENDED_ARG) for each instruction, skipping caches."""
    ext = 0
    i = 0
    n = len(code)
    while i + 1 < n:
        op = code[i]
        arg = code[i + 1] | ext
        ext = (arg << 8) if op == EXTENDED_ARG else 0
        yield i, op, arg
        i += 2 + 2 * _inline_cache_entries[op]


def _jump_target(offset, op, arg):
    after = offset // 2 + 1 + _inline_cache_entries[op]
    return 2 * (after - arg if op in _JUMP_BACKWARD else after + arg)


def findlabels(code):
    """Byte offsets that are jump targets."""
    labels = []
    for offset, op, arg in _unpack(code):
        if op in _JUMP_SET:
            t = _jump_target(offset, op, arg)
            if t not in labels:
                labels.append(t)
    return labels


_FORMAT_CONV = ('', 'str', 'repr', 'ascii')
_MAKE_FUNCTION_FLAGS = ('defaults', 'kwdefaults', 'annotations', 'closure')


def _arg_info(co, offset, op, arg, names, varnames):
    """(argval, argrepr) of one instruction."""
    if op not in _ARG_SET:
        return None, ''
    name = opname[op]
    if op in _CONST_SET:
        v = co.co_consts[arg] if 0 <= arg < len(co.co_consts) else arg
        return v, repr(v)
    if op in _NAME_SET:
        if name in ('LOAD_GLOBAL',):
            v = names[arg >> 1]
            return v, ('NULL + ' + v) if arg & 1 else v
        if name == 'LOAD_ATTR':
            v = names[arg >> 1]
            return v, ('NULL|self + ' + v) if arg & 1 else v
        if name == 'LOAD_SUPER_ATTR':
            v = names[arg >> 2]
            return v, ('NULL|self + ' + v) if arg & 1 else v
        v = names[arg]
        return v, v
    if op in _JUMP_SET:
        t = _jump_target(offset, op, arg)
        return t, 'to ' + str(t)
    if op in _LOCAL_SET:
        v = varnames[arg] if 0 <= arg < len(varnames) else arg
        return v, str(v)
    if op in _COMPARE_SET:
        v = cmp_op[arg >> 4] if (arg >> 4) < len(cmp_op) else arg
        return v, str(v)
    if name == 'BINARY_OP':
        return arg, _nb_ops[arg][1] if 0 <= arg < len(_nb_ops) else ''
    if name == 'FORMAT_VALUE':
        conv = _FORMAT_CONV[arg & 3]
        spec = arg & 4
        text = conv + (', ' if conv and spec else '') + ('with format' if spec else '')
        return (conv or None, bool(spec)), text
    if name == 'MAKE_FUNCTION':
        flags = [f for i, f in enumerate(_MAKE_FUNCTION_FLAGS) if arg & (1 << i)]
        return arg, ', '.join(flags)
    if name == 'CALL_INTRINSIC_1':
        return arg, _intrinsic_1_descs[arg] if arg < len(_intrinsic_1_descs) else ''
    if name == 'CALL_INTRINSIC_2':
        return arg, _intrinsic_2_descs[arg] if arg < len(_intrinsic_2_descs) else ''
    return arg, ''


def _get_instructions_bytes(co, first_line=None):
    code = co.co_code
    names = co.co_names
    varnames = _localsplus_names(co)
    linestarts = dict(findlinestarts(co))
    labels = set(findlabels(code))
    for e in _exception_entries(co):
        labels.add(e.target)
    line_offset = 0 if first_line is None else first_line - co.co_firstlineno
    try:
        positions = list(co.co_positions())
    except Exception:
        positions = []
    for offset, op, arg in _unpack(code):
        argval, argrepr = _arg_info(co, offset, op, arg, names, varnames)
        starts = linestarts.get(offset)
        if starts is not None:
            starts += line_offset
        pos = positions[offset // 2] if offset // 2 < len(positions) else (None,) * 4
        yield Instruction(opname[op], op, arg if op in _ARG_SET else None, argval, argrepr,
                          offset, starts, offset in labels, Positions(*pos))


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """Iterator over the instructions of a function, method, code object or source."""
    co = _get_code_object(x)
    return _get_instructions_bytes(co, first_line)


# ---------------------------------------------------------------------------
# Printing
# ---------------------------------------------------------------------------

def _widths(co):
    maxline = 0
    for start, end, line in co.co_lines():
        if line is not None and line > maxline:
            maxline = line
    lineno_width = len(str(maxline)) if maxline >= 1000 else 3
    n = len(co.co_code)
    offset_width = len(str(n)) if n >= 10000 else 4
    return lineno_width, offset_width


def _print_instructions(co, lasti=-1, file=None, first_line=None):
    lineno_width, offset_width = _widths(co)
    for instr in _get_instructions_bytes(co, first_line):
        if instr.starts_line is not None and instr.offset > 0:
            print(file=file)
        print(instr._disassemble(lineno_width, instr.offset == lasti, offset_width), file=file)
    entries = _exception_entries(co)
    if entries:
        print('ExceptionTable:', file=file)
        for e in entries:
            print('  %d to %d -> %d [%d]%s' % (e.start, e.end - 2, e.target, e.depth,
                                               ' lasti' if e.lasti else ''), file=file)


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Disassemble one code object."""
    _print_instructions(co, lasti, file)


disco = disassemble


def _disassemble_recursive(co, *, file=None, depth=None):
    disassemble(co, file=file)
    if depth is None or depth > 0:
        if depth is not None:
            depth -= 1
        for x in co.co_consts:
            if hasattr(x, 'co_code'):
                print(file=file)
                print('Disassembly of %r:' % (x,), file=file)
                _disassemble_recursive(x, file=file, depth=depth)


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble classes, methods, functions, generators, code objects or source."""
    if x is None:
        distb(file=file)
        return
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    elif hasattr(x, 'gi_code'):
        x = x.gi_code
    elif hasattr(x, 'ag_code'):
        x = x.ag_code
    elif hasattr(x, 'cr_code'):
        x = x.cr_code
    if hasattr(x, '__dict__') and not hasattr(x, 'co_code'):
        for name, x1 in sorted(x.__dict__.items()):
            if _has_code(x1):
                print('Disassembly of %s:' % name, file=file)
                try:
                    dis(x1, file=file, depth=depth)
                except TypeError as msg:
                    print('Sorry:', msg, file=file)
                print(file=file)
    elif hasattr(x, 'co_code'):
        _disassemble_recursive(x, file=file, depth=depth)
    elif isinstance(x, str):
        _disassemble_recursive(_try_compile(x, '<dis>'), file=file, depth=depth)
    else:
        raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def _has_code(x):
    if isinstance(x, (classmethod, staticmethod)):
        return True
    if isinstance(x, type):
        return True
    return hasattr(x, '__code__') or hasattr(x, 'co_code') or (
        hasattr(x, '__func__') and hasattr(x.__func__, '__code__'))


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a traceback (default: the last one)."""
    if tb is None:
        try:
            tb = sys.last_exc.__traceback__ if hasattr(sys, 'last_exc') else sys.last_traceback
        except AttributeError:
            raise RuntimeError('no last traceback to disassemble') from None
        while tb.tb_next:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=file)


def pretty_flags(flags):
    names = []
    for i in range(32):
        flag = 1 << i
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ', '.join(names)


def _format_code_info(co):
    lines = ['Name:              %s' % co.co_name,
             'Filename:          %s' % co.co_filename,
             'Argument count:    %s' % co.co_argcount,
             'Positional-only arguments: %s' % co.co_posonlyargcount,
             'Kw-only arguments: %s' % co.co_kwonlyargcount,
             'Number of locals:  %s' % co.co_nlocals,
             'Stack size:        %s' % co.co_stacksize,
             'Flags:             %s' % pretty_flags(co.co_flags)]
    if co.co_consts:
        lines.append('Constants:')
        for i, c in enumerate(co.co_consts):
            lines.append('%4d: %r' % (i, c))
    for title, seq in (('Names:', co.co_names), ('Variable names:', co.co_varnames),
                       ('Free variables:', co.co_freevars), ('Cell variables:', co.co_cellvars)):
        if seq:
            lines.append(title)
            for i, n in enumerate(seq):
                lines.append('%4d: %s' % (i, n))
    return '\n'.join(lines)


def code_info(x):
    """Formatted details of a function, method, code object or source."""
    return _format_code_info(_get_code_object(x))


def show_code(co, *, file=None):
    """Print code_info(co)."""
    print(code_info(co), file=file)


class Bytecode:
    """The bytecode of a function, method, code object or source, iterable as
    Instruction tuples."""

    def __init__(self, x, *, first_line=None, current_offset=None, show_caches=False,
                 adaptive=False):
        self.codeobj = co = _get_code_object(x)
        if first_line is None:
            self.first_line = co.co_firstlineno
            self._line_offset = 0
        else:
            self.first_line = first_line
            self._line_offset = first_line - co.co_firstlineno
        self._original_object = x
        self.current_offset = current_offset
        self.show_caches = show_caches
        self.adaptive = adaptive
        self.exception_entries = _exception_entries(co)

    def __iter__(self):
        return _get_instructions_bytes(self.codeobj,
                                       self.first_line if self._line_offset else None)

    def __repr__(self):
        return '%s(%r)' % (self.__class__.__name__, self._original_object)

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        while tb.tb_next:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti)

    def info(self):
        return _format_code_info(self.codeobj)

    def dis(self):
        import io
        out = io.StringIO()
        _print_instructions(self.codeobj, -1 if self.current_offset is None
                            else self.current_offset, out,
                            self.first_line if self._line_offset else None)
        return out.getvalue()


def main():
    import argparse
    parser = argparse.ArgumentParser()
    parser.add_argument('infile', nargs='?', default='-')
    args = parser.parse_args()
    if args.infile == '-':
        name = '<stdin>'
        source = sys.stdin.buffer.read()
    else:
        name = args.infile
        with open(args.infile, 'rb') as f:
            source = f.read()
    dis(compile(source, name, 'exec'))


if __name__ == '__main__':
    main()
