def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            print("found", target, "at", i)
            break
    else:
        print(target, "not found")
find([1, 2, 3], 2)
find([1, 2, 3], 9)
find([], 1)
for x in []:
    print("never")
else:
    print("else on empty for")
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()
for i in range(3):
    pass
print("loop var after loop", i)
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    print(a + b + c)
for ch in "ab":
    for k in range(2):
        if k:
            continue
        print(ch, k)
