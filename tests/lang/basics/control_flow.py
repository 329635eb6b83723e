total = 0
for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    total += i
else:
    print("not reached")
print("total", total)

n = 0
while n < 5:
    n += 1
else:
    print("while else", n)

for i in range(3):
    for j in range(3):
        if j == i:
            break
        print(i, j)

x = 5
if x > 10:
    print("big")
elif x > 3:
    print("medium")
else:
    print("small")

print("yes" if x else "no")
print(1 < 2 < 3, 1 < 2 > 3, 3 > 2 == 2)
print(not x, x and 0, x or 0, 0 or "", None or 7)
