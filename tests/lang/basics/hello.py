print("hello, world")
print(1, 2, 3)
print(1, 2, 3, sep=", ", end=".\n")
print()
print("a", "b", sep="")
x = 10
y = 3
print(x + y, x - y, x * y, x / y, x // y, x % y, x ** y)
