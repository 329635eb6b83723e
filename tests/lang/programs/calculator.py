# A small expression language: tokenizer, recursive-descent parser to tuples,
# an evaluator with variables, functions and errors. Exercises classes, closures,
# generators, exceptions, string methods and formatting together.

class CalcError(Exception):
    pass


class Token:
    __slots__ = ("kind", "text", "pos")

    def __init__(self, kind, text, pos):
        self.kind = kind
        self.text = text
        self.pos = pos

    def __repr__(self):
        return f"Token({self.kind}, {self.text!r}, {self.pos})"


OPERATORS = {"+", "-", "*", "/", "%", "^", "(", ")", ",", "="}


def tokenize(src):
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            yield Token("num", src[i:j], i)
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            yield Token("name", src[i:j], i)
            i = j
        elif c in OPERATORS:
            yield Token("op", c, i)
            i += 1
        else:
            raise CalcError(f"unexpected character {c!r} at {i}")
    yield Token("end", "", len(src))


class Parser:
    def __init__(self, src):
        self.tokens = list(tokenize(src))
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos]

    def take(self, text=None):
        tok = self.tokens[self.pos]
        if text is not None and tok.text != text:
            raise CalcError(f"expected {text!r} at {tok.pos}, found {tok.text or 'end'!r}")
        self.pos += 1
        return tok

    def parse(self):
        if self.peek().kind == "name" and self.tokens[self.pos + 1].text == "=":
            name = self.take().text
            self.take("=")
            node = ("assign", name, self.expr())
        else:
            node = self.expr()
        if self.peek().kind != "end":
            raise CalcError(f"trailing input at {self.peek().pos}")
        return node

    def expr(self):
        node = self.term()
        while self.peek().text in ("+", "-"):
            op = self.take().text
            node = (op, node, self.term())
        return node

    def term(self):
        node = self.factor()
        while self.peek().text in ("*", "/", "%"):
            op = self.take().text
            node = (op, node, self.factor())
        return node

    def factor(self):
        if self.peek().text == "-":
            self.take()
            return ("neg", self.factor())
        base = self.atom()
        if self.peek().text == "^":
            self.take()
            return ("^", base, self.factor())
        return base

    def atom(self):
        tok = self.take()
        if tok.kind == "num":
            return ("num", float(tok.text) if "." in tok.text else int(tok.text))
        if tok.kind == "name":
            if self.peek().text == "(":
                self.take("(")
                args = []
                if self.peek().text != ")":
                    args.append(self.expr())
                    while self.peek().text == ",":
                        self.take()
                        args.append(self.expr())
                self.take(")")
                return ("call", tok.text, args)
            return ("var", tok.text)
        if tok.text == "(":
            node = self.expr()
            self.take(")")
            return node
        raise CalcError(f"unexpected {tok.text or 'end'!r} at {tok.pos}")


def make_env():
    env = {"pi": 3.141592653589793, "e": 2.718281828459045}
    calls = {"count": 0}

    def counted(fn):
        def wrapper(*args):
            calls["count"] += 1
            return fn(*args)
        wrapper.__name__ = fn.__name__
        return wrapper

    @counted
    def maximum(*args):
        if not args:
            raise CalcError("max() needs arguments")
        return max(args)

    @counted
    def absolute(x):
        return abs(x)

    @counted
    def fact(n):
        if n < 0 or n != int(n):
            raise CalcError("fact() needs a natural number")
        r = 1
        for i in range(2, int(n) + 1):
            r *= i
        return r

    funcs = {"max": maximum, "abs": absolute, "fact": fact}
    return env, funcs, calls


def evaluate(node, env, funcs):
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "var":
        try:
            return env[node[1]]
        except KeyError:
            raise CalcError(f"unknown variable {node[1]!r}") from None
    if kind == "assign":
        value = evaluate(node[2], env, funcs)
        env[node[1]] = value
        return value
    if kind == "neg":
        return -evaluate(node[1], env, funcs)
    if kind == "call":
        fn = funcs.get(node[1])
        if fn is None:
            raise CalcError(f"unknown function {node[1]}()")
        return fn(*[evaluate(a, env, funcs) for a in node[2]])
    left = evaluate(node[1], env, funcs)
    right = evaluate(node[2], env, funcs)
    if kind == "+":
        return left + right
    if kind == "-":
        return left - right
    if kind == "*":
        return left * right
    if kind == "/":
        if right == 0:
            raise CalcError("division by zero")
        return left / right
    if kind == "%":
        return left % right
    if kind == "^":
        return left ** right
    raise CalcError(f"bad node {kind}")


def show(node):
    kind = node[0]
    if kind == "num":
        return str(node[1])
    if kind == "var":
        return node[1]
    if kind == "assign":
        return f"{node[1]} := {show(node[2])}"
    if kind == "neg":
        return f"(-{show(node[1])})"
    if kind == "call":
        return f"{node[1]}({', '.join(show(a) for a in node[2])})"
    return f"({show(node[1])} {kind} {show(node[2])})"


PROGRAM = """
x = 6 * 7
y = x / 4 + 2 ^ 3 ^ 2
z = -x % 5
fact(20) / fact(18)
max(x, y, z, 100.5)
abs(-pi * 2)
w = (x + y) * (x - y)
unknown + 1
1 / (x - 42)
fact(3.5)
3 $ 4
(1 + 2
max()
2 ^ 100
nofunc(1)
"""

env, funcs, calls = make_env()
results = []
for lineno, line in enumerate(PROGRAM.strip().splitlines(), 1):
    try:
        tree = Parser(line).parse()
        value = evaluate(tree, env, funcs)
        results.append(value)
        if isinstance(value, float):
            print(f"{lineno:>2}: {show(tree):<40} = {value:.6g}")
        else:
            print(f"{lineno:>2}: {show(tree):<40} = {value}")
    except CalcError as err:
        print(f"{lineno:>2}: error: {err}")

print("variables:", {k: round(v, 3) if isinstance(v, float) else v for k, v in sorted(env.items())})
print("function calls:", calls["count"])
print("numeric results:", len(results), sum(r for r in results if isinstance(r, int)))
print([t.kind for t in tokenize("a1 = (2.5 + b)")])
print(list(tokenize("3 + 4"))[:2])
