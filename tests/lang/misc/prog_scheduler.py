# An event scheduler with a hand-written binary heap, recurring events and cancellation.
class Heap:
    def __init__(self):
        self.items = []

    def __len__(self):
        return len(self.items)

    def push(self, item):
        a = self.items
        a.append(item)
        i = len(a) - 1
        while i > 0:
            parent = (i - 1) // 2
            if a[i] < a[parent]:
                a[i], a[parent] = a[parent], a[i]
                i = parent
            else:
                break

    def pop(self):
        a = self.items
        if not a:
            raise IndexError("pop from empty heap")
        top = a[0]
        last = a.pop()
        if a:
            a[0] = last
            i = 0
            n = len(a)
            while True:
                l, r = 2 * i + 1, 2 * i + 2
                smallest = i
                if l < n and a[l] < a[smallest]:
                    smallest = l
                if r < n and a[r] < a[smallest]:
                    smallest = r
                if smallest == i:
                    break
                a[i], a[smallest] = a[smallest], a[i]
                i = smallest
        return top

    def peek(self):
        return self.items[0] if self.items else None


class Event:
    _seq = 0

    def __init__(self, time, priority, name, action=None, every=None):
        Event._seq += 1
        self.seq = Event._seq
        self.time = time
        self.priority = priority
        self.name = name
        self.action = action
        self.every = every
        self.cancelled = False

    def key(self):
        return (self.time, -self.priority, self.seq)

    def __lt__(self, other):
        return self.key() < other.key()

    def __repr__(self):
        flags = " every %d" % self.every if self.every else ""
        flags += " (cancelled)" if self.cancelled else ""
        return "<%s t=%d p=%d%s>" % (self.name, self.time, self.priority, flags)


class Scheduler:
    def __init__(self):
        self.heap = Heap()
        self.now = 0
        self.by_name = {}
        self.trace = []

    def schedule(self, delay, name, priority=0, action=None, every=None):
        if delay < 0:
            raise ValueError("cannot schedule in the past: delay=%d" % delay)
        ev = Event(self.now + delay, priority, name, action, every)
        self.heap.push(ev)
        self.by_name.setdefault(name, []).append(ev)
        return ev

    def cancel(self, name):
        count = 0
        for ev in self.by_name.get(name, []):
            if not ev.cancelled:
                ev.cancelled = True
                count += 1
        return count

    def run(self, until):
        while len(self.heap) and self.heap.peek().time <= until:
            ev = self.heap.pop()
            if ev.cancelled:
                self.trace.append(("skip", ev.time, ev.name))
                continue
            self.now = ev.time
            self.trace.append(("run", ev.time, ev.name))
            result = None
            if ev.action is not None:
                try:
                    result = ev.action(self, ev)
                except Exception as e:
                    result = "error: %s: %s" % (type(e).__name__, e)
            print("t=%3d %-10s p=%d -> %s" % (self.now, ev.name, ev.priority, result))
            if ev.every and not ev.cancelled:
                nxt = self.schedule(ev.every, ev.name, ev.priority, ev.action, ev.every)
                self.by_name[ev.name] = [e for e in self.by_name[ev.name] if e is not ev]
        self.now = until


def tick_counter():
    count = 0
    def action(sched, ev):
        nonlocal count
        count += 1
        if count == 3:
            sched.schedule(1, "after-3rd", priority=5, action=lambda s, e: "spawned by tick")
        return "tick #%d" % count
    return action


def worker(name, steps):
    for i in range(steps):
        yield "%s step %d/%d" % (name, i + 1, steps)
    return "%s finished" % name


def drive(gen):
    def action(sched, ev):
        try:
            return next(gen)
        except StopIteration as stop:
            sched.cancel(ev.name)
            return stop.value
    return action


def failing(sched, ev):
    return {"a": 1}["missing"]


s = Scheduler()
s.schedule(5, "tick", action=tick_counter(), every=5)
s.schedule(0, "boot", priority=10, action=lambda sch, e: "booted at %d" % sch.now)
s.schedule(0, "low", priority=-1, action=lambda sch, e: "low priority")
s.schedule(0, "mid", priority=3)
s.schedule(7, "job", action=drive(worker("job", 3)), every=4)
s.schedule(12, "fail", action=failing)
s.schedule(13, "doomed", action=lambda sch, e: "should not run")
try:
    s.schedule(-1, "bad")
except ValueError as e:
    print(type(e).__name__, e)
print("pending:", len(s.heap), "next:", s.heap.peek())
s.run(10)
print("cancelled doomed:", s.cancel("doomed"), s.cancel("nope"))
s.run(30)
print("tick cancelled:", s.cancel("tick"))
s.run(40)
print("now:", s.now, "pending:", len(s.heap))
runs = [name for kind, t, name in s.trace if kind == "run"]
skips = [(t, name) for kind, t, name in s.trace if kind == "skip"]
print(runs)
print(skips)
counts = {}
for name in runs:
    counts[name] = counts.get(name, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
h = Heap()
for v in [5, 3, 9, 1, 1, 8, 2, 7]:
    h.push(v)
print([h.pop() for _ in range(len(h))])
try:
    h.pop()
except IndexError as e:
    print(type(e).__name__, e)
print(sorted([Event(3, 0, "c"), Event(1, 0, "a"), Event(1, 5, "b")]))
