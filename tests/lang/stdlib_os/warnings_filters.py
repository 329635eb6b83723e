# warnings filters, registries, catch_warnings(record=True), error action
import warnings


def emit(msg, cat=UserWarning):
    warnings.warn(msg, cat)


with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    emit("a")
    emit("a")
    emit("b", RuntimeWarning)
    print(len(log), [str(w.message) for w in log], [w.category.__name__ for w in log])
    print(log[0].filename.endswith("warnings_filters.py"), log[0].lineno, type(log[0].message).__name__)
    print(str(log[0]).startswith("{message : UserWarning('a')"))

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("once")
    for i in range(3):
        emit("once msg")
    emit("other")
    print([str(w.message) for w in log])

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("default")
    for i in range(3):
        emit("default msg")
    print(len(log))

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("ignore")
    warnings.simplefilter("always", RuntimeWarning)
    emit("ignored")
    emit("kept", RuntimeWarning)
    print([str(w.message) for w in log])

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        emit("boom")
    except UserWarning as e:
        print("raised", type(e).__name__, e)
    warnings.filterwarnings("ignore", message="boo")
    emit("boom again")
    print("filtered by message")

with warnings.catch_warnings(record=True) as log:
    warnings.filterwarnings("always")
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    emit("dep", DeprecationWarning)
    emit("fut", FutureWarning)
    print([w.category.__name__ for w in log])
    print(warnings.filters[0][0], warnings.filters[0][2].__name__)

with warnings.catch_warnings(record=True, action="always") as log:
    emit("via action")
    print(len(log))

print(len(warnings.filters) >= 1, warnings.filters[0] == ('default', None, DeprecationWarning, '__main__', 0))
shown = []


def my_show(message, category, filename, lineno, file=None, line=None):
    shown.append((str(message), category.__name__))


with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.showwarning = my_show
    emit("custom")
print(shown, warnings.showwarning is not my_show)
print(warnings.formatwarning("msg", UserWarning, "f.py", 10, "src line"), end="")
print(repr(warnings.formatwarning("msg", RuntimeWarning, "nofile.py", 1)))
for bad in [lambda: warnings.warn("x", int), lambda: warnings.simplefilter("bogus"),
            lambda: warnings.warn("x", "notaclass")]:
    try:
        bad()
    except (TypeError, AssertionError) as e:
        print(type(e).__name__ + ":", e)
c = warnings.catch_warnings(record=True)
print(repr(c), repr(warnings.catch_warnings()))
