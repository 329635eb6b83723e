# A JSON-like parser and pretty printer written in plain Python.
class ParseError(Exception):
    def __init__(self, msg, pos):
        super().__init__("%s at position %d" % (msg, pos))
        self.pos = pos


class Parser:
    ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}

    def __init__(self, text):
        self.text = text
        self.i = 0

    def peek(self):
        self.skip_ws()
        return self.text[self.i] if self.i < len(self.text) else ""

    def skip_ws(self):
        while self.i < len(self.text) and self.text[self.i] in " \t\r\n":
            self.i += 1

    def expect(self, ch):
        if self.peek() != ch:
            raise ParseError("expected %r" % ch, self.i)
        self.i += 1

    def parse(self):
        value = self.value()
        if self.peek():
            raise ParseError("trailing data", self.i)
        return value

    def value(self):
        ch = self.peek()
        if ch == "{":
            return self.obj()
        if ch == "[":
            return self.arr()
        if ch == '"':
            return self.string()
        if ch == "-" or ch.isdigit():
            return self.number()
        for word, val in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.i):
                self.i += len(word)
                return val
        raise ParseError("unexpected %r" % (ch or "end of input"), self.i)

    def obj(self):
        self.expect("{")
        result = {}
        if self.peek() == "}":
            self.i += 1
            return result
        while True:
            if self.peek() != '"':
                raise ParseError("object keys must be strings", self.i)
            key = self.string()
            self.expect(":")
            result[key] = self.value()
            if self.peek() == ",":
                self.i += 1
                continue
            self.expect("}")
            return result

    def arr(self):
        self.expect("[")
        items = []
        if self.peek() == "]":
            self.i += 1
            return items
        while True:
            items.append(self.value())
            if self.peek() == ",":
                self.i += 1
                continue
            self.expect("]")
            return items

    def string(self):
        self.expect('"')
        out = []
        while True:
            if self.i >= len(self.text):
                raise ParseError("unterminated string", self.i)
            ch = self.text[self.i]
            self.i += 1
            if ch == '"':
                return "".join(out)
            if ch == "\\":
                esc = self.text[self.i]
                self.i += 1
                if esc == "u":
                    out.append(chr(int(self.text[self.i:self.i + 4], 16)))
                    self.i += 4
                elif esc in self.ESCAPES:
                    out.append(self.ESCAPES[esc])
                else:
                    raise ParseError("bad escape \\%s" % esc, self.i - 1)
            else:
                out.append(ch)

    def number(self):
        start = self.i
        if self.text[self.i] == "-":
            self.i += 1
        while self.i < len(self.text) and (self.text[self.i].isdigit() or self.text[self.i] in ".eE+-"):
            self.i += 1
        token = self.text[start:self.i]
        try:
            return int(token)
        except ValueError:
            try:
                return float(token)
            except ValueError:
                raise ParseError("bad number %r" % token, start) from None


def quote(s):
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) > 0x7e:
            out.append("\\u%04x" % ord(ch) if ord(ch) < 0x10000 else ch)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def dump(value, indent=2, level=0, sort_keys=False):
    pad = " " * (indent * (level + 1))
    end_pad = " " * (indent * level)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        if all(not isinstance(v, (list, dict)) for v in value) and len(value) <= 4:
            return "[" + ", ".join(dump(v) for v in value) + "]"
        inner = (",\n").join(pad + dump(v, indent, level + 1, sort_keys) for v in value)
        return "[\n" + inner + "\n" + end_pad + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        keys = sorted(value) if sort_keys else list(value)
        inner = ",\n".join(pad + quote(str(k)) + ": " + dump(value[k], indent, level + 1, sort_keys) for k in keys)
        return "{\n" + inner + "\n" + end_pad + "}"
    raise TypeError("cannot serialise %s" % type(value).__name__)


def stats(value, depth=0, acc=None):
    if acc is None:
        acc = {"max_depth": 0, "scalars": 0, "containers": 0}
    acc["max_depth"] = max(acc["max_depth"], depth)
    if isinstance(value, dict):
        acc["containers"] += 1
        for v in value.values():
            stats(v, depth + 1, acc)
    elif isinstance(value, list):
        acc["containers"] += 1
        for v in value:
            stats(v, depth + 1, acc)
    else:
        acc["scalars"] += 1
    return acc


doc = '''
{"name": "krait", "version": [0, 1, 2], "stable": false, "ratio": 0.75,
 "tags": ["fast", "small", "\\u00e9t\\u00e9"], "nested": {"empty": {}, "list": [], "deep": [[1, [2, [3]]]]},
 "quote": "she said \\"hi\\"\\n", "neg": -12, "exp": 1.5e3, "nothing": null,
 "people": [{"name": "ann", "age": 31}, {"age": 4, "name": "bo"}]}
'''
data = Parser(doc).parse()
print(data["name"], data["version"], data["tags"][2], data["quote"], data["exp"], data["nothing"])
print(dump(data))
print(dump(data, indent=1, sort_keys=True))
print(stats(data))
again = Parser(dump(data)).parse()
print(again == data, dump(again) == dump(data))
for bad in ['{"a" 1}', '[1, 2', '{1: 2}', '"abc', '[1] x', 'nul', '', '"bad \\q"', '-']:
    try:
        Parser(bad).parse()
        print("parsed?!", bad)
    except ParseError as e:
        print(repr(bad), "->", e, e.pos)
try:
    dump({"s": {1, 2}})
except TypeError as e:
    print(type(e).__name__, e)
print(dump([1, "two", 3.0, None]), dump({"k": (1, 2)}), dump("tab\there"), dump([]), dump({}))
