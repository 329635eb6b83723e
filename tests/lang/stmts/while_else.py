n = 0
while n < 5:
    n += 1
else:
    print("loop finished normally", n)
n = 0
while True:
    n += 1
    if n == 3:
        break
else:
    print("never printed")
print("broke at", n)
i = 10
while i:
    i -= 3
    if i < 0:
        print("went negative", i)
        break
while False:
    print("never")
else:
    print("else of empty while")
count = 0
while count < 10:
    count += 1
    if count % 2:
        continue
    print("even", count)
stack = [1, 2, 3]
while stack:
    print("pop", stack.pop())
