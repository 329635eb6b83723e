# fork / waitpid / exit status macros / kill / exec
import os
import signal
import sys

print(type(os.getpid()).__name__, os.getpid() > 0, os.getppid() > 0, os.getpid() != os.getppid())
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    print("in child")
    sys.stdout.flush()
    os._exit(7)
wpid, status = os.waitpid(pid, 0)
print(wpid == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status),
      os.waitstatus_to_exitcode(status))

pid = os.fork()
if pid == 0:
    import time
    while True:
        pass
os.kill(pid, signal.SIGTERM)
wpid, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status) == signal.SIGTERM, os.WIFEXITED(status),
      os.waitstatus_to_exitcode(status))

r, w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.dup2(w, 1)
    os.execv("/bin/echo", ["echo", "hello", "from", "echo"])
    os._exit(99)
os.close(w)
out = b""
while True:
    b = os.read(r, 100)
    if not b:
        break
    out += b
os.close(r)
_, status = os.waitpid(pid, 0)
print(out, os.WEXITSTATUS(status))

pid = os.fork()
if pid == 0:
    os.execve("/bin/sh", ["sh", "-c", "exit $CODE"], {"CODE": "5"})
_, status = os.waitpid(pid, 0)
print(os.WEXITSTATUS(status))
print(os.system("exit 3") >> 8)
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError as e:
    print("ChildProcessError", e)
try:
    os.kill(2 ** 22 + 12345, 0)
except ProcessLookupError as e:
    print("ProcessLookupError", e)
try:
    os.execv("/nonexistent/prog", ["x"])
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
