"""Worker processes end when the process that started them dies.

A ``ProcessPoolExecutor`` worker (or the HTML parser's worker) blocks on its task queue; if
the parent is SIGKILLed nobody closes that queue, and the worker waits forever holding its
memory (two ~100 MB scorers after a killed ``tracker ingest``). :func:`exit_with_parent`,
called first thing in a worker, starts a daemon thread that watches the parent process id:
when the parent is gone the worker is re-parented (``os.getppid()`` changes) and exits at
once with ``os._exit``. Polling, not ``PR_SET_PDEATHSIG``: that signal follows the parent
*thread* that forked, and a pool forks from whichever thread submits first.
"""

from __future__ import annotations

import os
import threading

POLL_S = 0.2  # how often a worker looks for its parent


def exit_with_parent(poll: float = POLL_S) -> None:
    """Exit this process (status 1) soon after its parent dies. Safe to call twice."""
    global _WATCHING
    if os.getpid() == _WATCHING:  # (a forked child inherits the flag, not the thread)
        return
    _WATCHING = os.getpid()
    parent = os.getppid()
    stop = threading.Event()

    def watch() -> None:
        while not stop.wait(poll):
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="tracker-exit-with-parent", daemon=True).start()


_WATCHING = 0  # the pid of the process that started its watch thread
