# Richards: Martin Richards' operating-system scheduler simulation (an idle task,
# a worker, two packet handlers and two devices exchanging packets).
# Checksum: packets queued and hold operations, which the algorithm fixes.
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
RUNS = max(1, int(50 * SCALE))
COUNT = 10000

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
BUFFER_SIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, queue):
        # appends self at the end of the queue starting at `queue`; returns the head
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, sched, ident, priority, queue, waiting, data):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.pending = queue is not None
        self.waiting = waiting
        self.holding = False
        self.data = data
        self.link = sched.tasks
        sched.tasks = self
        sched.table[ident] = self

    def blocked(self):
        return self.holding or (self.waiting and not self.pending)

    def take_packet(self):
        if self.waiting and self.pending:
            pkt = self.queue
            self.queue = pkt.link
            self.pending = self.queue is not None
            self.waiting = False
            return pkt
        return None

    def accept(self, from_task, pkt):
        # a packet arrives; returns the task that should run next
        if self.queue is None:
            self.queue = pkt
            self.pending = True
            if self.priority > from_task.priority:
                return self
        else:
            self.queue = pkt.append_to(self.queue)
        return from_task


class IdleTask(Task):
    def run(self, pkt):
        d = self.data
        d[1] -= 1
        if d[1] == 0:
            return self.sched.hold_self()
        if d[0] & 1 == 0:
            d[0] >>= 1
            return self.sched.release(DEVICE_A)
        d[0] = (d[0] >> 1) ^ 0xD008
        return self.sched.release(DEVICE_B)


class WorkerTask(Task):
    def run(self, pkt):
        if pkt is None:
            return self.sched.wait()
        d = self.data
        d[0] = HANDLER_B if d[0] == HANDLER_A else HANDLER_A
        pkt.ident = d[0]
        pkt.datum = 0
        for i in range(BUFFER_SIZE):
            d[1] += 1
            if d[1] > 26:
                d[1] = 1
            pkt.data[i] = 64 + d[1]
        return self.sched.queue_packet(pkt)


class HandlerTask(Task):
    def run(self, pkt):
        d = self.data  # [work queue, device queue]
        if pkt is not None:
            if pkt.kind == KIND_WORK:
                d[0] = pkt.append_to(d[0])
            else:
                d[1] = pkt.append_to(d[1])
        work = d[0]
        if work is None:
            return self.sched.wait()
        n = work.datum
        if n >= BUFFER_SIZE:
            d[0] = work.link
            return self.sched.queue_packet(work)
        dev = d[1]
        if dev is None:
            return self.sched.wait()
        d[1] = dev.link
        dev.datum = work.data[n]
        work.datum = n + 1
        return self.sched.queue_packet(dev)


class DeviceTask(Task):
    def run(self, pkt):
        d = self.data  # [held packet]
        if pkt is None:
            held = d[0]
            if held is None:
                return self.sched.wait()
            d[0] = None
            return self.sched.queue_packet(held)
        d[0] = pkt
        return self.sched.hold_self()


class Scheduler:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 6
        self.current = None
        self.queue_count = 0
        self.hold_count = 0

    def hold_self(self):
        self.hold_count += 1
        self.current.holding = True
        return self.current.link

    def release(self, ident):
        t = self.table[ident]
        t.holding = False
        if t.priority > self.current.priority:
            return t
        return self.current

    def wait(self):
        self.current.waiting = True
        return self.current

    def queue_packet(self, pkt):
        target = self.table[pkt.ident]
        self.queue_count += 1
        pkt.link = None
        pkt.ident = self.current.ident
        return target.accept(self.current, pkt)

    def schedule(self):
        t = self.tasks
        while t is not None:
            if t.blocked():
                t = t.link
            else:
                self.current = t
                t = t.run(t.take_packet())


def run_once():
    s = Scheduler()
    IdleTask(s, IDLE, 0, None, False, [1, COUNT])
    q = Packet(Packet(None, 0, KIND_WORK), 0, KIND_WORK)
    WorkerTask(s, WORKER, 1000, q, True, [HANDLER_A, 0])
    q = Packet(Packet(Packet(None, DEVICE_A, KIND_DEVICE), DEVICE_A, KIND_DEVICE), DEVICE_A,
               KIND_DEVICE)
    HandlerTask(s, HANDLER_A, 2000, q, True, [None, None])
    q = Packet(Packet(Packet(None, DEVICE_B, KIND_DEVICE), DEVICE_B, KIND_DEVICE), DEVICE_B,
               KIND_DEVICE)
    HandlerTask(s, HANDLER_B, 3000, q, True, [None, None])
    DeviceTask(s, DEVICE_A, 4000, None, True, [None])
    DeviceTask(s, DEVICE_B, 5000, None, True, [None])
    s.schedule()
    return s.queue_count, s.hold_count


def main():
    results = set()
    for _ in range(RUNS):
        results.add(run_once())
    for qc, hc in sorted(results):
        print("queued", qc, "held", hc)
    print("runs", RUNS)


main()
