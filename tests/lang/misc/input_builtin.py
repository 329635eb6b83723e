name = input()
print("Hello, " + name + "!")
age = int(input("Age? "))
print("Next year:", age + 1)
nums = [int(x) for x in input().split()]
print(sum(nums), max(nums))
print(repr(input()))
rest = []
while True:
    try:
        line = input()
    except EOFError as e:
        print("EOF reached", type(e).__name__, repr(str(e)))
        break
    rest.append(line)
print(rest)
