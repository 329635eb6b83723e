
class Aw:
    def __init__(self, v): self.v = v
    def __await__(self):
        x = yield ("await", self.v)
        return x
async def sub(v):
    r = await Aw(v)
    return r * 2
async def main():
    a = await sub(1)
    b = await sub(2)
    return a + b
def run(coro):
    val = None
    while True:
        try:
            req = coro.send(val)
            print("req", req)
            val = req[1] * 10
        except StopIteration as e:
            return e.value
print(run(main()))
class AIter:
    def __init__(self, n): self.i = 0; self.n = n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n: raise StopAsyncIteration
        self.i += 1
        return await Aw(self.i)
class ACM:
    async def __aenter__(self):
        print("aenter"); return "cm"
    async def __aexit__(self, *a):
        print("aexit", a[0]); return False
async def loop():
    out = []
    async for x in AIter(3):
        out.append(x)
    else:
        out.append("else")
    async with ACM() as c:
        out.append(c)
    lst = [y async for y in AIter(2)]
    out.append(lst)
    return out
print(run(loop()))
async def agen():
    for i in range(3):
        yield i
        await Aw(i)
async def useagen():
    return [v async for v in agen()]
print(run(useagen()))
async def ctx_break():
    for i in range(3):
        async with ACM():
            if i == 1:
                break
    return i
print(run(ctx_break()))
c = sub(5)
print(type(c).__name__)
c.close()
