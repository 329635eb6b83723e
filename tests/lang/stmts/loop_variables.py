funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])
funcs = []
for i in range(3):
    funcs.append(lambda i=i: i)
print([f() for f in funcs])
for i in range(5):
    if i == 2:
        break
print("after break", i)
lst = [1, 2, 3]
for x in lst:
    if x == 1:
        lst.append(4)
print(lst)
items = [1, 2, 3, 4]
for x in items:
    if x % 2 == 0:
        items.remove(x)
print(items)
d = {"a": 1}
for k, v in d.items():
    print(k, v)
for i, (k, v) in enumerate(sorted({"b": 2, "a": 1}.items())):
    print(i, k, v)
total = 0
for n in range(1, 11):
    total += n
print(total)
for ch in reversed("abc"):
    print(ch, end="")
print()
