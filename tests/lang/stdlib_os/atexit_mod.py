# atexit: registration, unregistration, explicit runs, and run at exit
import atexit


def hello(name, punct="!"):
    print("goodbye", name + punct)


def never():
    print("never printed")


print(atexit.register(hello, "world") is hello)
atexit.register(hello, "kw", punct="?")
atexit.register(never)
atexit.register(never)
print(atexit._ncallbacks())
atexit.unregister(never)
print(atexit._ncallbacks())
atexit._clear()
print(atexit._ncallbacks())


@atexit.register
def last():
    print("registered last, runs first")


atexit.register(hello, "first registered")
atexit.register(print, "run", "explicitly")
atexit._run_exitfuncs()
print(atexit._ncallbacks())
atexit.register(hello, "at exit")
atexit.register(lambda: print("lambda at exit"))
try:
    atexit.register(3)
except TypeError as e:
    print("TypeError:", e)
print("end of script")
