def lengths(items):
    out = []
    for x in items:
        out.append(len(x))
    return out

print(lengths(["ab", [1, 2, 3]]))
print(lengths(["ok", 42]))
