try:
    {}["k"]
except KeyError as e:
    print(e.__traceback__ is not None, type(e.__traceback__).__name__)
    print(e.__traceback__.tb_lineno, e.__traceback__.tb_next)
try:
    [].missing_method()
except AttributeError as e:
    print(e.name, type(e.obj).__name__)
try:
    undefined_var
except NameError as e:
    print(e.name)
try:
    import sys
    sys.exit(7)
except SystemExit as e:
    print("SystemExit", e.code, repr(e))
try:
    raise StopIteration("payload")
except StopIteration as e:
    print(e.value)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)
try:
    open("/nonexistent_dir_krait/x.txt")
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
ex = ValueError("x")
ex.note_attr = "custom"
print(ex.note_attr)
ex.add_note("a note")
print(ex.__notes__)
