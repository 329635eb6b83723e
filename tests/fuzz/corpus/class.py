class A(B, metaclass=M):
    x: int = 1
    async def g(self):
        async with a as b:
            await c
