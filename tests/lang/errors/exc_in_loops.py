results = []
for v in ["1", "x", "3", None, "5"]:
    try:
        results.append(int(v))
    except ValueError:
        results.append("bad")
        continue
    except TypeError as e:
        results.append(type(e).__name__)
        break
    finally:
        results.append("f")
print(results)
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise ConnectionError("retry %d" % attempts)
        print("succeeded after", attempts)
        break
    except ConnectionError as e:
        print("failed:", e)
errors = []
for d in (2, 0, "z", 4):
    try:
        errors.append(12 / d)
    except (ZeroDivisionError, TypeError) as e:
        errors.append(type(e).__name__)
print(errors)
def gen():
    for i in range(5):
        try:
            yield 10 // (i - 2)
        except GeneratorExit:
            raise
print([x for x in gen() if False] if False else "skip")
total = 0
for i in range(5):
    try:
        total += 10 // (i - 2)
    except ZeroDivisionError:
        print("skip i =", i)
print(total)
try:
    for i in range(3):
        if i == 1:
            raise StopIteration("manual stop")
except StopIteration as e:
    print("caught", e)
