# weakref.finalize callbacks still alive at exit run then, newest first, unless
# their atexit attribute is false.
import weakref


class R:
    pass


keep = [R() for _ in range(3)]
f1 = weakref.finalize(keep[0], print, "at exit 1")
f2 = weakref.finalize(keep[1], print, "at exit 2")
f3 = weakref.finalize(keep[2], print, "not at exit")
f3.atexit = False
print("end of main", f1.alive, f3.atexit)
