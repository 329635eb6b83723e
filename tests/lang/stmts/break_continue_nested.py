result = []
for i in range(5):
    if i == 1:
        continue
    for j in range(5):
        if j > i:
            break
        if (i + j) % 2:
            continue
        result.append((i, j))
print(result)
found = None
for row in range(4):
    for col in range(4):
        if row * col == 6:
            found = (row, col)
            break
    if found:
        break
print(found)
def first_negative(rows):
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v < 0:
                return r, c
    return None
print(first_negative([[1, 2], [3, -4], [-5]]), first_negative([[1]]))
n = 0
while True:
    n += 1
    try:
        if n == 2:
            continue
        if n == 4:
            break
    finally:
        print("finally", n)
print("end", n)
