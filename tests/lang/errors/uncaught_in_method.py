class Stack:
    def __init__(self):
        self.items = []

    def push(self, x):
        self.items.append(x)

    def pop(self):
        if not self.items:
            raise IndexError("pop from empty Stack")
        return self.items.pop()

    @classmethod
    def from_list(cls, values):
        s = cls()
        for v in values:
            s.push(v)
        return s

s = Stack.from_list([1, 2])
print(s.pop(), s.pop())
s.pop()
