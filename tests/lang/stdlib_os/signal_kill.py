# handlers installed with signal.signal run when the process signals itself
# (through the eval loop's pending-signal check, not only from raise_signal)
import os
import signal
import time

got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
os.kill(os.getpid(), signal.SIGUSR1)
for i in range(1000):
    if got:
        break
print(got)
signal.signal(signal.SIGALRM, lambda s, f: got.append("alarm"))
signal.setitimer(signal.ITIMER_REAL, 0.01)
time.sleep(0.2)
for i in range(1000):
    pass
print(got)
print(signal.getitimer(signal.ITIMER_REAL))
