def total(items):
    s = 0
    for i in items:
        s = s + i
    return s

print(total([1, 2, 3]))
print(total([1, "2"]))
