# JSON-like encode/decode written in pure Python (no json module): a recursive
# encoder with string escaping and a recursive-descent decoder, round-tripping a
# generated document many times.  Checksum: encoded length and a text checksum.
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
ROUNDS = max(1, int(400 * SCALE))

ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b",
           "\f": "\\f"}
UNESCAPES = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "t": "\t", "r": "\r", "b": "\b",
             "f": "\f"}


def encode_str(s):
    out = ['"']
    for ch in s:
        e = ESCAPES.get(ch)
        if e is not None:
            out.append(e)
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def encode(obj):
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    t = type(obj)
    if t is int:
        return str(obj)
    if t is float:
        return repr(obj)
    if t is str:
        return encode_str(obj)
    if t is list or t is tuple:
        return "[" + ", ".join(encode(v) for v in obj) + "]"
    if t is dict:
        return "{" + ", ".join(encode_str(k) + ": " + encode(v) for k, v in obj.items()) + "}"
    raise TypeError("cannot encode " + t.__name__)


class DecodeError(Exception):
    pass


class Decoder:
    def __init__(self, text):
        self.s = text
        self.i = 0

    def skip(self):
        s = self.s
        i = self.i
        while i < len(s) and s[i] in " \t\n\r":
            i += 1
        self.i = i

    def value(self):
        self.skip()
        ch = self.s[self.i]
        if ch == "{":
            return self.obj()
        if ch == "[":
            return self.arr()
        if ch == '"':
            return self.string()
        if self.s.startswith("null", self.i):
            self.i += 4
            return None
        if self.s.startswith("true", self.i):
            self.i += 4
            return True
        if self.s.startswith("false", self.i):
            self.i += 5
            return False
        return self.number()

    def obj(self):
        self.i += 1
        result = {}
        self.skip()
        if self.s[self.i] == "}":
            self.i += 1
            return result
        while True:
            self.skip()
            key = self.string()
            self.skip()
            if self.s[self.i] != ":":
                raise DecodeError("expected ':' at %d" % self.i)
            self.i += 1
            result[key] = self.value()
            self.skip()
            ch = self.s[self.i]
            self.i += 1
            if ch == "}":
                return result
            if ch != ",":
                raise DecodeError("expected ',' or '}' at %d" % self.i)

    def arr(self):
        self.i += 1
        result = []
        self.skip()
        if self.s[self.i] == "]":
            self.i += 1
            return result
        while True:
            result.append(self.value())
            self.skip()
            ch = self.s[self.i]
            self.i += 1
            if ch == "]":
                return result
            if ch != ",":
                raise DecodeError("expected ',' or ']' at %d" % self.i)

    def string(self):
        s = self.s
        i = self.i + 1
        parts = []
        start = i
        while True:
            ch = s[i]
            if ch == '"':
                parts.append(s[start:i])
                self.i = i + 1
                return "".join(parts)
            if ch == "\\":
                parts.append(s[start:i])
                esc = s[i + 1]
                if esc == "u":
                    parts.append(chr(int(s[i + 2:i + 6], 16)))
                    i += 6
                else:
                    parts.append(UNESCAPES[esc])
                    i += 2
                start = i
            else:
                i += 1

    def number(self):
        s = self.s
        start = i = self.i
        is_float = False
        while i < len(s) and s[i] in "+-0123456789.eE":
            if s[i] in ".eE":
                is_float = True
            i += 1
        self.i = i
        text = s[start:i]
        return float(text) if is_float else int(text)


def decode(text):
    d = Decoder(text)
    v = d.value()
    d.skip()
    if d.i != len(text):
        raise DecodeError("extra data at %d" % d.i)
    return v


def make_document(seed):
    x = seed
    items = []
    for i in range(120):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        items.append({
            "id": i,
            "name": "item-%d \"quoted\"\tand\\slashed" % x,
            "price": (x % 100000) / 100.0,
            "tags": ["t%d" % (x % 7), "t%d" % (x % 11), "\u00e9l\u00e8ve"],
            "active": x % 3 == 0,
            "parent": None if i % 5 else i // 5,
            "dims": {"w": x % 17, "h": x % 19, "ratio": (x % 17 + 1) / (x % 19 + 1)},
        })
    return {"version": 3, "title": "catalogue\nline two", "items": items, "empty": {}, "none": []}


def checksum(s):
    h = 0
    for ch in s:
        h = (h * 33 + ord(ch)) % 4294967291
    return h


def main():
    doc = make_document(7)
    text = encode(doc)
    for _ in range(ROUNDS):
        back = decode(text)
        if back != doc:
            raise DecodeError("round trip changed the document")
        text = encode(back)
    print("length", len(text))
    print("checksum", checksum(text))
    print("items", len(back["items"]), back["items"][7]["name"], back["items"][9]["dims"])


main()
