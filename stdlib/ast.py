"""ast - the abstract syntax tree of Python programs.

The node classes come from the _ast C module (generated from Krait's frontend/ast.def);
this module adds parse(), dump(), literal_eval(), the visitors and unparse()."""

import _ast
from _ast import *

PyCF_ONLY_AST = _ast.PyCF_ONLY_AST
PyCF_TYPE_COMMENTS = _ast.PyCF_TYPE_COMMENTS
PyCF_ALLOW_TOP_LEVEL_AWAIT = _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT


def parse(source, filename='<unknown>', mode='exec', *,
          type_comments=False, feature_version=None):
    """Parse the source into an AST node (compile(..., PyCF_ONLY_AST))."""
    flags = PyCF_ONLY_AST
    if type_comments:
        flags |= PyCF_TYPE_COMMENTS
    if isinstance(filename, bytes):
        filename = filename.decode()
    elif not isinstance(filename, str):
        filename = filename.__fspath__()
    if isinstance(source, AST):
        return source
    return _ast._kr_parse(source, filename, mode, flags)


def literal_eval(node_or_string):
    """Evaluate a node or string holding only a Python literal or container display."""
    if isinstance(node_or_string, str):
        node_or_string = parse(node_or_string.lstrip(" \t"), mode='eval')
    if isinstance(node_or_string, Expression):
        node_or_string = node_or_string.body

    def malformed(node):
        msg = "malformed node or string"
        lno = getattr(node, 'lineno', None)
        if lno:
            msg += ' on line ' + str(lno)
        raise ValueError(msg + ': ' + repr(node))

    def number(node):
        if isinstance(node, Constant) and type(node.value) in (int, float, complex):
            return node.value
        malformed(node)

    def signed(node):
        if isinstance(node, UnaryOp) and isinstance(node.op, (UAdd, USub)):
            v = number(node.operand)
            return +v if isinstance(node.op, UAdd) else -v
        return number(node)

    def conv(node):
        if isinstance(node, Constant):
            return node.value
        if isinstance(node, Tuple):
            return tuple([conv(e) for e in node.elts])
        if isinstance(node, List):
            return [conv(e) for e in node.elts]
        if isinstance(node, Set):
            return set([conv(e) for e in node.elts])
        if (isinstance(node, Call) and isinstance(node.func, Name) and node.func.id == 'set'
                and node.args == [] and node.keywords == []):
            return set()
        if isinstance(node, Dict):
            if len(node.keys) != len(node.values):
                malformed(node)
            keys = [conv(k) for k in node.keys]
            values = [conv(v) for v in node.values]
            return dict(zip(keys, values))
        if isinstance(node, BinOp) and isinstance(node.op, (Add, Sub)):
            left = signed(node.left)
            right = number(node.right)
            if isinstance(left, (int, float)) and isinstance(right, complex):
                return left + right if isinstance(node.op, Add) else left - right
        return signed(node)

    return conv(node_or_string)


def dump(node, annotate_fields=True, include_attributes=False, *, indent=None):
    """Formatted dump of the tree in node, in CPython 3.12's format."""
    if indent is not None and not isinstance(indent, str):
        indent = ' ' * indent

    def fmt(node, level):
        if indent is not None:
            level += 1
            prefix = '\n' + indent * level
            sep = ',\n' + indent * level
        else:
            prefix = ''
            sep = ', '
        if isinstance(node, AST):
            cls = type(node)
            parts = []
            simple_all = True
            use_names = annotate_fields
            for name in node._fields:
                try:
                    value = getattr(node, name)
                except AttributeError:
                    use_names = True
                    continue
                if value is None and getattr(cls, name, ...) is None:
                    use_names = True
                    continue
                text, simple = fmt(value, level)
                simple_all = simple_all and simple
                parts.append(name + '=' + text if use_names else text)
            if include_attributes and node._attributes:
                for name in node._attributes:
                    try:
                        value = getattr(node, name)
                    except AttributeError:
                        continue
                    if value is None and getattr(cls, name, ...) is None:
                        continue
                    text, simple = fmt(value, level)
                    simple_all = simple_all and simple
                    parts.append(name + '=' + text)
            name = cls.__name__
            if simple_all and len(parts) <= 3:
                return name + '(' + ', '.join(parts) + ')', not parts
            return name + '(' + prefix + sep.join(parts) + ')', False
        if isinstance(node, list):
            if not node:
                return '[]', True
            return '[' + prefix + sep.join([fmt(x, level)[0] for x in node]) + ']', False
        return repr(node), True

    if not isinstance(node, AST):
        raise TypeError('expected AST, got %r' % node.__class__.__name__)
    return fmt(node, 0)[0]


def copy_location(new_node, old_node):
    """Copy the source location attributes of old_node to new_node."""
    for attr in ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'):
        if attr in old_node._attributes and attr in new_node._attributes:
            value = getattr(old_node, attr, None)
            if value is not None or (hasattr(old_node, attr) and attr.startswith('end_')):
                setattr(new_node, attr, value)
    return new_node


def fix_missing_locations(node):
    """Give every node lacking a location the location of its parent."""
    def fix(node, lineno, col_offset, end_lineno, end_col_offset):
        if 'lineno' in node._attributes:
            if not hasattr(node, 'lineno'):
                node.lineno = lineno
            else:
                lineno = node.lineno
        if 'end_lineno' in node._attributes:
            if getattr(node, 'end_lineno', None) is None:
                node.end_lineno = end_lineno
            else:
                end_lineno = node.end_lineno
        if 'col_offset' in node._attributes:
            if not hasattr(node, 'col_offset'):
                node.col_offset = col_offset
            else:
                col_offset = node.col_offset
        if 'end_col_offset' in node._attributes:
            if getattr(node, 'end_col_offset', None) is None:
                node.end_col_offset = end_col_offset
            else:
                end_col_offset = node.end_col_offset
        for child in iter_child_nodes(node):
            fix(child, lineno, col_offset, end_lineno, end_col_offset)
    fix(node, 1, 0, 1, 0)
    return node


def increment_lineno(node, n=1):
    """Add n to the line numbers of node and every node below it."""
    for child in walk(node):
        if isinstance(child, TypeIgnore):
            child.lineno = getattr(child, 'lineno', 0) + n
            continue
        if 'lineno' in child._attributes:
            child.lineno = getattr(child, 'lineno', 0) + n
        if 'end_lineno' in child._attributes and getattr(child, 'end_lineno', None) is not None:
            child.end_lineno = child.end_lineno + n
    return node


def iter_fields(node):
    """Yield (name, value) for each field of node that is set."""
    for name in node._fields:
        try:
            yield name, getattr(node, name)
        except AttributeError:
            pass


def iter_child_nodes(node):
    """Yield the direct child nodes of node."""
    for name, value in iter_fields(node):
        if isinstance(value, AST):
            yield value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, AST):
                    yield item


def get_docstring(node, clean=True):
    """The docstring of a function, class or module node, or None."""
    if not isinstance(node, (AsyncFunctionDef, FunctionDef, ClassDef, Module)):
        raise TypeError("%r can't have docstrings" % node.__class__.__name__)
    if not (node.body and isinstance(node.body[0], Expr)):
        return None
    value = node.body[0].value
    if not (isinstance(value, Constant) and isinstance(value.value, str)):
        return None
    text = value.value
    if clean:
        import inspect
        text = inspect.cleandoc(text)
    return text


def _split_lines_keepends(source):
    lines = []
    start = 0
    i = 0
    n = len(source)
    while i < n:
        c = source[i]
        if c == '\r':
            if i + 1 < n and source[i + 1] == '\n':
                i += 1
            lines.append(source[start:i + 1])
            start = i + 1
        elif c == '\n' or c == '\f':
            lines.append(source[start:i + 1])
            start = i + 1
        i += 1
    if start < n:
        lines.append(source[start:])
    return lines


def _pad_whitespace(source):
    return ''.join([c if c in '\f\t' else ' ' for c in source])


def get_source_segment(source, node, *, padded=False):
    """The source text that generated node, or None without locations."""
    try:
        if node.end_lineno is None or node.end_col_offset is None:
            return None
        lineno = node.lineno - 1
        end_lineno = node.end_lineno - 1
        col_offset = node.col_offset
        end_col_offset = node.end_col_offset
    except AttributeError:
        return None
    lines = _split_lines_keepends(source)
    if end_lineno == lineno:
        return lines[lineno].encode()[col_offset:end_col_offset].decode()
    padding = _pad_whitespace(lines[lineno].encode()[:col_offset].decode()) if padded else ''
    first = padding + lines[lineno].encode()[col_offset:].decode()
    last = lines[end_lineno].encode()[:end_col_offset].decode()
    middle = lines[lineno + 1:end_lineno]
    return ''.join([first] + middle + [last])


def walk(node):
    """Every node in the tree rooted at node (node included), breadth first."""
    todo = [node]
    i = 0
    while i < len(todo):
        cur = todo[i]
        i += 1
        todo.extend(iter_child_nodes(cur))
        yield cur


class NodeVisitor(object):
    """Walks the tree calling visit_<ClassName> for each node (generic_visit otherwise)."""

    def visit(self, node):
        method = 'visit_' + node.__class__.__name__
        visitor = getattr(self, method, self.generic_visit)
        return visitor(node)

    def generic_visit(self, node):
        for field, value in iter_fields(node):
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, AST):
                        self.visit(item)
            elif isinstance(value, AST):
                self.visit(value)


class NodeTransformer(NodeVisitor):
    """A NodeVisitor whose visit_ methods return replacement nodes (None deletes)."""

    def generic_visit(self, node):
        for field, old_value in iter_fields(node):
            if isinstance(old_value, list):
                new_values = []
                for value in old_value:
                    if isinstance(value, AST):
                        value = self.visit(value)
                        if value is None:
                            continue
                        elif not isinstance(value, AST):
                            new_values.extend(value)
                            continue
                    new_values.append(value)
                old_value[:] = new_values
            elif isinstance(old_value, AST):
                new_node = self.visit(old_value)
                if new_node is None:
                    delattr(node, field)
                else:
                    setattr(node, field, new_node)
        return node


# ---------------------------------------------------------------------------
# unparse
# ---------------------------------------------------------------------------

# Precedence levels, lowest binding first (BOR shares EXPR's level).
_P_NAMED_EXPR, _P_TUPLE, _P_YIELD, _P_TEST, _P_OR, _P_AND, _P_NOT, _P_CMP = range(1, 9)
_P_EXPR = _P_BOR = 9
_P_BXOR, _P_BAND, _P_SHIFT, _P_ARITH, _P_TERM, _P_FACTOR, _P_POWER, _P_AWAIT, _P_ATOM = \
    range(10, 19)


def _above(p):
    return p + 1 if p < _P_ATOM else p


_SINGLE_QUOTES = ("'", '"')
_MULTI_QUOTES = ('"""', "'''")
_ALL_QUOTES = _SINGLE_QUOTES + _MULTI_QUOTES
_INFSTR = '1e309'

_BINOP = {
    'Add': ('+', _P_ARITH), 'Sub': ('-', _P_ARITH), 'Mult': ('*', _P_TERM),
    'MatMult': ('@', _P_TERM), 'Div': ('/', _P_TERM), 'Mod': ('%', _P_TERM),
    'LShift': ('<<', _P_SHIFT), 'RShift': ('>>', _P_SHIFT), 'BitOr': ('|', _P_BOR),
    'BitXor': ('^', _P_BXOR), 'BitAnd': ('&', _P_BAND), 'FloorDiv': ('//', _P_TERM),
    'Pow': ('**', _P_POWER),
}
_UNOP = {'Invert': ('~', _P_FACTOR), 'Not': ('not', _P_NOT), 'UAdd': ('+', _P_FACTOR),
         'USub': ('-', _P_FACTOR)}
_CMPOP = {'Eq': '==', 'NotEq': '!=', 'Lt': '<', 'LtE': '<=', 'Gt': '>', 'GtE': '>=',
          'Is': 'is', 'IsNot': 'is not', 'In': 'in', 'NotIn': 'not in'}
_BOOLOP = {'And': ('and', _P_AND), 'Or': ('or', _P_OR)}


def _escape_char(c, special_ws):
    if c in '\n\t' and not special_ws:
        return c
    if c == '\\':
        return '\\\\'
    if c.isprintable():
        return c
    o = ord(c)
    if c == '\n':
        return '\\n'
    if c == '\t':
        return '\\t'
    if c == '\r':
        return '\\r'
    if o < 0x100:
        return '\\x%02x' % o
    if o < 0x10000:
        return '\\u%04x' % o
    return '\\U%08x' % o


def _str_literal(string, quote_types=_ALL_QUOTES, special_ws=False):
    """(escaped body, usable quotes) for writing string as a literal."""
    body = ''.join([_escape_char(c, special_ws) for c in string])
    quotes = list(quote_types)
    if '\n' in body:
        quotes = [q for q in quotes if q in _MULTI_QUOTES]
    quotes = [q for q in quotes if q not in body]
    if not quotes:
        r = repr(string)
        chosen = r[0]
        for q in quote_types:
            if r[0] in q:
                chosen = q
                break
        return r[1:-1], [chosen]
    if body:
        # prefer a quote that differs from the last character
        last = body[-1]
        quotes = [q for q in quotes if q[0] != last] + [q for q in quotes if q[0] == last]
        if quotes[0][0] == last:
            body = body[:-1] + '\\' + last
    return body, quotes


class _Delimit:
    def __init__(self, out, start, end, active=True):
        self.out, self.start, self.end, self.active = out, start, end, active

    def __enter__(self):
        if self.active:
            self.out.write(self.start)

    def __exit__(self, *exc):
        if self.active:
            self.out.write(self.end)
        return False


class _Block:
    def __init__(self, out, extra):
        self.out, self.extra = out, extra

    def __enter__(self):
        self.out.write(':')
        if self.extra:
            self.out.write(self.extra)
        self.out._indent += 1

    def __exit__(self, *exc):
        self.out._indent -= 1
        return False


class _Unparser(NodeVisitor):
    """Writes source text for a tree; one instance per unparse() call."""

    def __init__(self):
        self._source = []
        self._prec = {}
        self._type_ignores = {}
        self._indent = 0
        self._in_try_star = False

    # -- output helpers --
    def write(self, *texts):
        self._source.extend(texts)

    def maybe_newline(self):
        if self._source:
            self.write('\n')

    def fill(self, text=''):
        self.maybe_newline()
        self.write('    ' * self._indent + text)

    def interleave(self, sep, fn, items):
        first = True
        for x in items:
            if not first:
                self.write(sep)
            first = False
            fn(x)

    def items_view(self, fn, items):
        if len(items) == 1:
            fn(items[0])
            self.write(',')
        else:
            self.interleave(', ', fn, items)

    def block(self, extra=None):
        return _Block(self, extra)

    def delimit(self, start, end):
        return _Delimit(self, start, end)

    def delimit_if(self, start, end, cond):
        return _Delimit(self, start, end, cond)

    def require_parens(self, prec, node):
        return self.delimit_if('(', ')', self.get_precedence(node) > prec)

    def get_precedence(self, node):
        return self._prec.get(id(node), (_P_TEST, node))[0]

    def set_precedence(self, prec, *nodes):
        for n in nodes:
            self._prec[id(n)] = (prec, n)

    def type_comment(self, node):
        c = self._type_ignores.get(node.lineno) or node.type_comment
        if c is not None:
            return ' # type: ' + c
        return None

    def traverse(self, node):
        if isinstance(node, list):
            for item in node:
                self.traverse(item)
        else:
            NodeVisitor.visit(self, node)

    def visit(self, node):
        self._source = []
        self.traverse(node)
        return ''.join(self._source)

    # -- docstrings and bodies --
    def _docstring_node(self, node):
        if not isinstance(node, (AsyncFunctionDef, FunctionDef, ClassDef, Module)) or not node.body:
            return None
        first = node.body[0]
        if not isinstance(first, Expr):
            return None
        v = first.value
        if isinstance(v, Constant) and isinstance(v.value, str):
            return v
        return None

    def _body_with_docstring(self, node):
        doc = self._docstring_node(node)
        if doc is not None:
            self.fill()
            if doc.kind == 'u':
                self.write('u')
            body, quotes = _str_literal(doc.value, _MULTI_QUOTES)
            self.write(quotes[0] + body + quotes[0])
            self.traverse(node.body[1:])
        else:
            self.traverse(node.body)

    # -- modules --
    def visit_Module(self, node):
        self._type_ignores = {}
        for ig in node.type_ignores:
            self._type_ignores[ig.lineno] = 'ignore' + ig.tag
        self._body_with_docstring(node)
        self._type_ignores = {}

    def visit_Interactive(self, node):
        self.traverse(node.body)

    def visit_Expression(self, node):
        self.traverse(node.body)

    def visit_FunctionType(self, node):
        with self.delimit('(', ')'):
            self.interleave(', ', self.traverse, node.argtypes)
        self.write(' -> ')
        self.traverse(node.returns)

    # -- simple statements --
    def visit_Expr(self, node):
        self.fill()
        self.set_precedence(_P_YIELD, node.value)
        self.traverse(node.value)

    def visit_NamedExpr(self, node):
        with self.require_parens(_P_NAMED_EXPR, node):
            self.set_precedence(_P_ATOM, node.target, node.value)
            self.traverse(node.target)
            self.write(' := ')
            self.traverse(node.value)

    def visit_Import(self, node):
        self.fill('import ')
        self.interleave(', ', self.traverse, node.names)

    def visit_ImportFrom(self, node):
        self.fill('from ')
        self.write('.' * (node.level or 0))
        if node.module:
            self.write(node.module)
        self.write(' import ')
        self.interleave(', ', self.traverse, node.names)

    def visit_Assign(self, node):
        self.fill()
        for t in node.targets:
            self.set_precedence(_P_TUPLE, t)
            self.traverse(t)
            self.write(' = ')
        self.traverse(node.value)
        c = self.type_comment(node)
        if c:
            self.write(c)

    def visit_AugAssign(self, node):
        self.fill()
        self.traverse(node.target)
        self.write(' ' + _BINOP[node.op.__class__.__name__][0] + '= ')
        self.traverse(node.value)

    def visit_AnnAssign(self, node):
        self.fill()
        with self.delimit_if('(', ')', not node.simple and isinstance(node.target, Name)):
            self.traverse(node.target)
        self.write(': ')
        self.traverse(node.annotation)
        if node.value:
            self.write(' = ')
            self.traverse(node.value)

    def visit_Return(self, node):
        self.fill('return')
        if node.value:
            self.write(' ')
            self.traverse(node.value)

    def visit_Pass(self, node):
        self.fill('pass')

    def visit_Break(self, node):
        self.fill('break')

    def visit_Continue(self, node):
        self.fill('continue')

    def visit_Delete(self, node):
        self.fill('del ')
        self.interleave(', ', self.traverse, node.targets)

    def visit_Assert(self, node):
        self.fill('assert ')
        self.traverse(node.test)
        if node.msg:
            self.write(', ')
            self.traverse(node.msg)

    def visit_Global(self, node):
        self.fill('global ')
        self.interleave(', ', self.write, node.names)

    def visit_Nonlocal(self, node):
        self.fill('nonlocal ')
        self.interleave(', ', self.write, node.names)

    def visit_Await(self, node):
        with self.require_parens(_P_AWAIT, node):
            self.write('await')
            if node.value:
                self.write(' ')
                self.set_precedence(_P_ATOM, node.value)
                self.traverse(node.value)

    def visit_Yield(self, node):
        with self.require_parens(_P_YIELD, node):
            self.write('yield')
            if node.value:
                self.write(' ')
                self.set_precedence(_P_ATOM, node.value)
                self.traverse(node.value)

    def visit_YieldFrom(self, node):
        with self.require_parens(_P_YIELD, node):
            self.write('yield from ')
            if not node.value:
                raise ValueError("Node can't be used without a value attribute.")
            self.set_precedence(_P_ATOM, node.value)
            self.traverse(node.value)

    def visit_Raise(self, node):
        self.fill('raise')
        if not node.exc:
            if node.cause:
                raise ValueError("Node can't use cause without an exception.")
            return
        self.write(' ')
        self.traverse(node.exc)
        if node.cause:
            self.write(' from ')
            self.traverse(node.cause)

    # -- compound statements --
    def _try(self, node, star):
        self.fill('try')
        with self.block():
            self.traverse(node.body)
        saved = self._in_try_star
        self._in_try_star = star
        for h in node.handlers:
            self.traverse(h)
        self._in_try_star = saved
        if node.orelse:
            self.fill('else')
            with self.block():
                self.traverse(node.orelse)
        if node.finalbody:
            self.fill('finally')
            with self.block():
                self.traverse(node.finalbody)

    def visit_Try(self, node):
        self._try(node, False)

    def visit_TryStar(self, node):
        self._try(node, True)

    def visit_ExceptHandler(self, node):
        self.fill('except*' if self._in_try_star else 'except')
        if node.type:
            self.write(' ')
            self.traverse(node.type)
        if node.name:
            self.write(' as ')
            self.write(node.name)
        with self.block():
            self.traverse(node.body)

    def _type_params(self, params):
        if params:
            with self.delimit('[', ']'):
                self.interleave(', ', self.traverse, params)

    def visit_ClassDef(self, node):
        self.maybe_newline()
        for d in node.decorator_list:
            self.fill('@')
            self.traverse(d)
        self.fill('class ' + node.name)
        self._type_params(node.type_params)
        with self.delimit_if('(', ')', node.bases or node.keywords):
            self.interleave(', ', self.traverse, list(node.bases) + list(node.keywords))
        with self.block():
            self._body_with_docstring(node)

    def _function(self, node, keyword):
        self.maybe_newline()
        for d in node.decorator_list:
            self.fill('@')
            self.traverse(d)
        self.fill(keyword + ' ' + node.name)
        self._type_params(node.type_params)
        with self.delimit('(', ')'):
            self.traverse(node.args)
        if node.returns:
            self.write(' -> ')
            self.traverse(node.returns)
        with self.block(extra=self.type_comment(node)):
            self._body_with_docstring(node)

    def visit_FunctionDef(self, node):
        self._function(node, 'def')

    def visit_AsyncFunctionDef(self, node):
        self._function(node, 'async def')

    def visit_TypeVar(self, node):
        self.write(node.name)
        if node.bound:
            self.write(': ')
            self.traverse(node.bound)

    def visit_TypeVarTuple(self, node):
        self.write('*' + node.name)

    def visit_ParamSpec(self, node):
        self.write('**' + node.name)

    def visit_TypeAlias(self, node):
        self.fill('type ')
        self.traverse(node.name)
        self._type_params(node.type_params)
        self.write(' = ')
        self.traverse(node.value)

    def _for(self, node, keyword):
        self.fill(keyword + ' ')
        self.set_precedence(_P_TUPLE, node.target)
        self.traverse(node.target)
        self.write(' in ')
        self.traverse(node.iter)
        with self.block(extra=self.type_comment(node)):
            self.traverse(node.body)
        if node.orelse:
            self.fill('else')
            with self.block():
                self.traverse(node.orelse)

    def visit_For(self, node):
        self._for(node, 'for')

    def visit_AsyncFor(self, node):
        self._for(node, 'async for')

    def visit_If(self, node):
        self.fill('if ')
        self.traverse(node.test)
        with self.block():
            self.traverse(node.body)
        while node.orelse and len(node.orelse) == 1 and isinstance(node.orelse[0], If):
            node = node.orelse[0]
            self.fill('elif ')
            self.traverse(node.test)
            with self.block():
                self.traverse(node.body)
        if node.orelse:
            self.fill('else')
            with self.block():
                self.traverse(node.orelse)

    def visit_While(self, node):
        self.fill('while ')
        self.traverse(node.test)
        with self.block():
            self.traverse(node.body)
        if node.orelse:
            self.fill('else')
            with self.block():
                self.traverse(node.orelse)

    def _with(self, node, keyword):
        self.fill(keyword + ' ')
        self.interleave(', ', self.traverse, node.items)
        with self.block(extra=self.type_comment(node)):
            self.traverse(node.body)

    def visit_With(self, node):
        self._with(node, 'with')

    def visit_AsyncWith(self, node):
        self._with(node, 'async with')

    def visit_withitem(self, node):
        self.traverse(node.context_expr)
        if node.optional_vars:
            self.write(' as ')
            self.traverse(node.optional_vars)

    def visit_Match(self, node):
        self.fill('match ')
        self.traverse(node.subject)
        with self.block():
            for c in node.cases:
                self.traverse(c)

    def visit_match_case(self, node):
        self.fill('case ')
        self.traverse(node.pattern)
        if node.guard:
            self.write(' if ')
            self.traverse(node.guard)
        with self.block():
            self.traverse(node.body)

    # -- expressions --
    def visit_JoinedStr(self, node):
        self.write('f')
        parts = []
        for value in node.values:
            sub = _Unparser()
            sub._fstring_inner(value)
            parts.append((''.join(sub._source), isinstance(value, Constant)))
        quotes = list(_ALL_QUOTES)
        pieces = []
        use_repr = False
        for text, is_const in parts:
            if is_const:
                text, new_quotes = _str_literal(text, quotes, special_ws=True)
                if not [q for q in new_quotes if q in quotes]:
                    use_repr = True
                    break
                quotes = new_quotes
            elif '\n' in text:
                quotes = [q for q in quotes if q in _MULTI_QUOTES]
            pieces.append(text)
        if use_repr:
            quotes = ["'''"]
            pieces = []
            for text, is_const in parts:
                if is_const:
                    text = repr('"' + text)[2:-1]
                pieces.append(text)
        self.write(quotes[0] + ''.join(pieces) + quotes[0])

    def _fstring_inner(self, node, in_spec=False):
        if isinstance(node, JoinedStr):
            for v in node.values:
                self._fstring_inner(v, in_spec)
        elif isinstance(node, Constant) and isinstance(node.value, str):
            text = node.value.replace('{', '{{').replace('}', '}}')
            if in_spec:
                text = (text.replace('\\', '\\\\').replace("'", "\\'")
                        .replace('"', '\\"').replace('\n', '\\n'))
            self.write(text)
        elif isinstance(node, FormattedValue):
            self.visit_FormattedValue(node)
        else:
            raise ValueError('Unexpected node inside JoinedStr, %r' % (node,))

    def visit_FormattedValue(self, node):
        sub = _Unparser()
        sub.set_precedence(_above(_P_TEST), node.value)
        expr = sub.visit(node.value)
        self.write('{')
        if expr.startswith('{'):
            self.write(' ')
        self.write(expr)
        if node.conversion != -1:
            self.write('!' + chr(node.conversion))
        if node.format_spec:
            self.write(':')
            self._fstring_inner(node.format_spec, True)
        self.write('}')

    def visit_Name(self, node):
        self.write(node.id)

    def _write_constant(self, value):
        if isinstance(value, (float, complex)):
            self.write(repr(value).replace('inf', _INFSTR).replace('nan', '(' + _INFSTR + '-' + _INFSTR + ')'))
        else:
            self.write(repr(value))

    def visit_Constant(self, node):
        value = node.value
        if isinstance(value, tuple):
            with self.delimit('(', ')'):
                self.items_view(self._write_constant, value)
        elif value is ...:
            self.write('...')
        else:
            if node.kind == 'u':
                self.write('u')
            self._write_constant(value)

    def visit_List(self, node):
        with self.delimit('[', ']'):
            self.interleave(', ', self.traverse, node.elts)

    def _comp(self, node, start, end):
        with self.delimit(start, end):
            self.traverse(node.elt)
            for g in node.generators:
                self.traverse(g)

    def visit_ListComp(self, node):
        self._comp(node, '[', ']')

    def visit_GeneratorExp(self, node):
        self._comp(node, '(', ')')

    def visit_SetComp(self, node):
        self._comp(node, '{', '}')

    def visit_DictComp(self, node):
        with self.delimit('{', '}'):
            self.traverse(node.key)
            self.write(': ')
            self.traverse(node.value)
            for g in node.generators:
                self.traverse(g)

    def visit_comprehension(self, node):
        self.write(' async for ' if node.is_async else ' for ')
        self.set_precedence(_P_TUPLE, node.target)
        self.traverse(node.target)
        self.write(' in ')
        self.set_precedence(_above(_P_TEST), node.iter, *node.ifs)
        self.traverse(node.iter)
        for cond in node.ifs:
            self.write(' if ')
            self.traverse(cond)

    def visit_IfExp(self, node):
        with self.require_parens(_P_TEST, node):
            self.set_precedence(_above(_P_TEST), node.body, node.test)
            self.traverse(node.body)
            self.write(' if ')
            self.traverse(node.test)
            self.write(' else ')
            self.set_precedence(_P_TEST, node.orelse)
            self.traverse(node.orelse)

    def visit_Set(self, node):
        if node.elts:
            with self.delimit('{', '}'):
                self.interleave(', ', self.traverse, node.elts)
        else:
            self.write('{*()}')

    def visit_Dict(self, node):
        def item(pair):
            k, v = pair
            if k is None:
                self.write('**')
                self.set_precedence(_P_EXPR, v)
                self.traverse(v)
            else:
                self.traverse(k)
                self.write(': ')
                self.traverse(v)
        with self.delimit('{', '}'):
            self.interleave(', ', item, list(zip(node.keys, node.values)))

    def visit_Tuple(self, node):
        with self.delimit_if('(', ')', len(node.elts) == 0 or self.get_precedence(node) > _P_TUPLE):
            self.items_view(self.traverse, node.elts)

    def visit_UnaryOp(self, node):
        op, prec = _UNOP[node.op.__class__.__name__]
        with self.require_parens(prec, node):
            self.write(op)
            if prec != _P_FACTOR:
                self.write(' ')
            self.set_precedence(prec, node.operand)
            self.traverse(node.operand)

    def visit_BinOp(self, node):
        op, prec = _BINOP[node.op.__class__.__name__]
        with self.require_parens(prec, node):
            if op == '**':
                left, right = _above(prec), prec
            else:
                left, right = prec, _above(prec)
            self.set_precedence(left, node.left)
            self.traverse(node.left)
            self.write(' ' + op + ' ')
            self.set_precedence(right, node.right)
            self.traverse(node.right)

    def visit_Compare(self, node):
        with self.require_parens(_P_CMP, node):
            self.set_precedence(_above(_P_CMP), node.left, *node.comparators)
            self.traverse(node.left)
            for o, e in zip(node.ops, node.comparators):
                self.write(' ' + _CMPOP[o.__class__.__name__] + ' ')
                self.traverse(e)

    def visit_BoolOp(self, node):
        op, prec = _BOOLOP[node.op.__class__.__name__]
        level = [prec]

        def operand(v):
            level[0] = _above(level[0])
            self.set_precedence(level[0], v)
            self.traverse(v)
        with self.require_parens(prec, node):
            self.interleave(' ' + op + ' ', operand, node.values)

    def visit_Attribute(self, node):
        self.set_precedence(_P_ATOM, node.value)
        self.traverse(node.value)
        # `1 .real`: a space keeps the dot from joining the integer literal
        if isinstance(node.value, Constant) and isinstance(node.value.value, int):
            self.write(' ')
        self.write('.')
        self.write(node.attr)

    def visit_Call(self, node):
        self.set_precedence(_P_ATOM, node.func)
        self.traverse(node.func)
        with self.delimit('(', ')'):
            self.interleave(', ', self.traverse, list(node.args) + list(node.keywords))

    def visit_Subscript(self, node):
        self.set_precedence(_P_ATOM, node.value)
        self.traverse(node.value)
        with self.delimit('[', ']'):
            s = node.slice
            if isinstance(s, Tuple) and s.elts:
                self.items_view(self.traverse, s.elts)
            else:
                self.traverse(s)

    def visit_Starred(self, node):
        self.write('*')
        self.set_precedence(_P_EXPR, node.value)
        self.traverse(node.value)

    def visit_Slice(self, node):
        if node.lower:
            self.traverse(node.lower)
        self.write(':')
        if node.upper:
            self.traverse(node.upper)
        if node.step:
            self.write(':')
            self.traverse(node.step)

    def visit_arg(self, node):
        self.write(node.arg)
        if node.annotation:
            self.write(': ')
            self.traverse(node.annotation)

    def visit_arguments(self, node):
        first = True

        def sep():
            nonlocal first
            if first:
                first = False
            else:
                self.write(', ')
        positional = list(node.posonlyargs) + list(node.args)
        defaults = [None] * (len(positional) - len(node.defaults)) + list(node.defaults)
        n_posonly = len(node.posonlyargs)
        for i in range(len(positional)):
            sep()
            self.traverse(positional[i])
            if defaults[i]:
                self.write('=')
                self.traverse(defaults[i])
            if i + 1 == n_posonly:
                self.write(', /')
        if node.vararg or node.kwonlyargs:
            sep()
            self.write('*')
            if node.vararg:
                self.write(node.vararg.arg)
                if node.vararg.annotation:
                    self.write(': ')
                    self.traverse(node.vararg.annotation)
        for a, d in zip(node.kwonlyargs, node.kw_defaults):
            self.write(', ')
            self.traverse(a)
            if d:
                self.write('=')
                self.traverse(d)
        if node.kwarg:
            sep()
            self.write('**' + node.kwarg.arg)
            if node.kwarg.annotation:
                self.write(': ')
                self.traverse(node.kwarg.annotation)

    def visit_keyword(self, node):
        if node.arg is None:
            self.write('**')
        else:
            self.write(node.arg)
            self.write('=')
        self.traverse(node.value)

    def visit_Lambda(self, node):
        with self.require_parens(_P_TEST, node):
            self.write('lambda')
            sub = _Unparser()
            args = sub.visit(node.args)
            if args:
                self.write(' ', args)
            self.write(': ')
            self.set_precedence(_P_TEST, node.body)
            self.traverse(node.body)

    def visit_alias(self, node):
        self.write(node.name)
        if node.asname:
            self.write(' as ' + node.asname)

    # -- patterns --
    def visit_MatchValue(self, node):
        self.traverse(node.value)

    def visit_MatchSingleton(self, node):
        self._write_constant(node.value)

    def visit_MatchSequence(self, node):
        with self.delimit('[', ']'):
            self.interleave(', ', self.traverse, node.patterns)

    def visit_MatchStar(self, node):
        self.write('*' + (node.name if node.name is not None else '_'))

    def visit_MatchMapping(self, node):
        def pair(kp):
            self.traverse(kp[0])
            self.write(': ')
            self.traverse(kp[1])
        with self.delimit('{', '}'):
            self.interleave(', ', pair, list(zip(node.keys, node.patterns)))
            if node.rest is not None:
                if node.keys:
                    self.write(', ')
                self.write('**' + node.rest)

    def visit_MatchClass(self, node):
        self.set_precedence(_P_ATOM, node.cls)
        self.traverse(node.cls)
        with self.delimit('(', ')'):
            self.interleave(', ', self.traverse, node.patterns)
            if node.kwd_attrs:
                if node.patterns:
                    self.write(', ')

                def kw(pair):
                    self.write(pair[0] + '=')
                    self.traverse(pair[1])
                self.interleave(', ', kw, list(zip(node.kwd_attrs, node.kwd_patterns)))

    def visit_MatchAs(self, node):
        if node.name is None:
            self.write('_')
        elif node.pattern is None:
            self.write(node.name)
        else:
            with self.require_parens(_P_TEST, node):
                self.set_precedence(_P_BOR, node.pattern)
                self.traverse(node.pattern)
                self.write(' as ' + node.name)

    def visit_MatchOr(self, node):
        with self.require_parens(_P_BOR, node):
            self.set_precedence(_above(_P_BOR), *node.patterns)
            self.interleave(' | ', self.traverse, node.patterns)


def unparse(ast_obj):
    """Turn an AST back into source code (CPython 3.12's formatting)."""
    return _Unparser().visit(ast_obj)


def main():
    import sys
    args = sys.argv[1:]
    filename = args[0] if args else '-'
    if filename == '-':
        source = sys.stdin.read()
        filename = '<stdin>'
    else:
        with open(filename) as f:
            source = f.read()
    print(dump(parse(source, filename), indent=3))


if __name__ == '__main__':
    main()
