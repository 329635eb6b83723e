"""Set handlers for asynchronous events (signals).

Re-exports the _signal C module; handlers written in Python run in the main
thread between bytecodes, as in CPython. Signal numbers are plain ints here
(CPython wraps them in the Signals/Handlers enums).
"""

from _signal import *
from _signal import default_int_handler, ItimerError, NSIG, SIG_DFL, SIG_IGN

Signals = int
Handlers = int
Sigmasks = int
