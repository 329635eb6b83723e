# gc.callbacks and DEBUG_SAVEALL.
import gc

log = []


def cb(phase, info):
    log.append((phase, sorted(info), info["generation"]))


gc.callbacks.append(cb)
gc.collect()
gc.collect(0)
gc.collect(1)
gc.callbacks.remove(cb)
gc.collect()
print(len(log))
for entry in log:
    print(entry)


def stop_cb(phase, info):
    if phase == "stop":
        seen.append(info["collected"] >= 1)


seen = []
gc.callbacks.append(stop_cb)
l = []
l.append(l)
del l
gc.collect()
gc.callbacks.remove(stop_cb)
print(seen)

gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
l = []
l.append(l)
lid = id(l)
del l
print(gc.collect() >= 1)
print(any(id(x) == lid for x in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
print(gc.garbage)


def bad_cb(phase, info):
    if phase == "start":
        calls.append(phase)


calls = []
gc.callbacks.append(bad_cb)
gc.collect()
gc.callbacks.clear()
print(calls)
