# a small expression evaluator: tokenizer, recursive-descent parser, evaluator
import sys
class Tok:
    __slots__ = ("kind", "val")
    def __init__(self, kind, val): self.kind, self.val = kind, val
    def __repr__(self): return f"Tok({self.kind!r}, {self.val!r})"
def tokenize(s):
    i = 0
    while i < len(s):
        ch = s[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(s) and s[j].isdigit():
                j += 1
            yield Tok("num", int(s[i:j])); i = j
        elif ch.isalpha():
            j = i
            while j < len(s) and s[j].isalnum(): j += 1
            yield Tok("name", s[i:j]); i = j
        elif ch in "+-*/()=":
            yield Tok("op", ch); i += 1
        else:
            raise SyntaxError(f"bad char {ch!r} at {i}")
class Parser:
    def __init__(self, toks):
        self.toks = list(toks); self.pos = 0
    def peek(self):
        return self.toks[self.pos] if self.pos < len(self.toks) else None
    def take(self, val=None):
        t = self.peek()
        if t is None or (val is not None and t.val != val):
            raise ValueError(f"expected {val}, got {t}")
        self.pos += 1
        return t
    def expr(self):
        node = self.term()
        while (t := self.peek()) and t.val in ("+", "-"):
            self.take(); node = (t.val, node, self.term())
        return node
    def term(self):
        node = self.atom()
        while (t := self.peek()) and t.val in ("*", "/"):
            self.take(); node = (t.val, node, self.atom())
        return node
    def atom(self):
        t = self.take()
        match t:
            case Tok(kind="num", val=v): return v
            case Tok(kind="name", val=n): return ("var", n)
            case Tok(val="("):
                e = self.expr(); self.take(")"); return e
            case Tok(val="-"): return ("neg", self.atom())
            case _: raise ValueError(f"unexpected {t}")
def evaluate(node, env):
    match node:
        case int(): return node
        case ("var", name):
            try: return env[name]
            except KeyError: raise NameError(name) from None
        case ("neg", x): return -evaluate(x, env)
        case (op, a, b):
            a, b = evaluate(a, env), evaluate(b, env)
            return {"+": a + b, "-": a - b, "*": a * b, "/": a // b if b else 0}[op]
env = {"x": 7, "y": 3}
for src in ["1 + 2 * 3", "(1 + 2) * 3", "x * y - -4", "z + 1", "2 $ 3", "(1 + "]:
    try:
        print(src, "=", evaluate(Parser(tokenize(src)).expr(), env))
    except (NameError, ValueError, SyntaxError) as e:
        print(src, "->", type(e).__name__, e)
def pipeline(n):
    nums = (i for i in range(n))
    sq = (x * x for x in nums if x % 2)
    return sum(sq), max(range(n), key=lambda v: -abs(v - n // 2))
print(pipeline(20))
words = "the quick brown fox jumps over the lazy dog the end".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print(sys.version_info[0] >= 3)
