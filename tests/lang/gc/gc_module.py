# The gc module's control functions and constants.
import gc

print(gc.isenabled(), gc.get_threshold())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
gc.set_threshold(500, 5)
print(gc.get_threshold())
gc.set_threshold(800)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(len(gc.get_count()), all(isinstance(c, int) and c >= 0 for c in gc.get_count()))
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug())
gc.set_debug(0)
print(gc.garbage, gc.callbacks)
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked(object()))


class A:
    pass


print(gc.is_tracked(A()), gc.is_tracked([1, [2]]))
for bad in (3, -1, 10):
    try:
        gc.collect(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    gc.get_objects(5)
except ValueError as e:
    print("ValueError:", e)
try:
    gc.set_threshold()
except TypeError as e:
    print("TypeError:", e)
try:
    gc.collect("x")
except TypeError as e:
    print("TypeError:", e)
print(isinstance(gc.collect(), int), gc.collect(0) >= 0, gc.collect(generation=1) >= 0)
stats = gc.get_stats()
print(len(stats), sorted(stats[0]), all(s["collections"] >= 0 for s in stats))
print(stats[2]["collections"] >= 1)
gc.collect()
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
