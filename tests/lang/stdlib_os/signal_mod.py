# signal: Python handlers, getsignal, raise_signal, SIG_IGN/SIG_DFL
import signal
import os

print(signal.SIGINT == 2, signal.SIGTERM == 15, signal.SIGUSR1 == 10, int(signal.SIG_DFL), int(signal.SIG_IGN))
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL)
got = []


def handler(signum, frame):
    got.append(signum)


old = signal.signal(signal.SIGUSR1, handler)
print(old == signal.SIG_DFL, signal.getsignal(signal.SIGUSR1) is handler)
signal.raise_signal(signal.SIGUSR1)
print(got)
signal.raise_signal(signal.SIGUSR1)
print(got)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
signal.raise_signal(signal.SIGUSR1)
print(got, signal.getsignal(signal.SIGUSR1) == signal.SIG_IGN)


class Stop(Exception):
    pass


def raising(signum, frame):
    raise Stop("from handler %d" % signum)


signal.signal(signal.SIGUSR2, raising)
try:
    signal.raise_signal(signal.SIGUSR2)
except Stop as e:
    print("caught", e)
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
for bad in [lambda: signal.signal(signal.SIGUSR1, 5), lambda: signal.signal(0, handler),
            lambda: signal.signal(1000, handler), lambda: signal.getsignal(-1),
            lambda: signal.signal(signal.SIGKILL, handler)]:
    try:
        bad()
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__ + ":", e)
print(signal.strsignal(signal.SIGTERM), signal.strsignal(signal.SIGINT))
print(signal.SIGUSR1 in signal.valid_signals(), signal.NSIG > 31)
print(signal.alarm(0))
