data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
print([y for x in data if (y := x * 2) > 6])
print(y)
total = 0
print([total := total + x for x in data], total)
lines = ["a", "bb", "", "ccc"]
i = 0
while (line := lines[i]) != "":
    print("line", line)
    i += 1
print((z := 10) + z)
def f():
    if (k := 5):
        return k * 2
print(f())
print([(a, b) for a in range(3) if (b := a * a) % 2 == 0])
values = {"x": 1}
if (got := values.get("x")) is not None:
    print("got", got)
