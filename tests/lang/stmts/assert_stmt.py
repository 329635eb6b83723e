assert True
assert 1 == 1, "not printed"
try:
    assert False
except AssertionError as e:
    print(type(e).__name__, repr(e), e.args)
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print(type(e).__name__, e)
try:
    assert [], ["a", "list", "message"]
except AssertionError as e:
    print(e.args[0])
def check(n):
    assert n >= 0, f"negative: {n}"
    return n * 2
for n in (3, -1):
    try:
        print(check(n))
    except AssertionError as e:
        print("caught", e)
calls = []
def msg():
    calls.append(1)
    return "m"
assert True, msg()
print(len(calls))
