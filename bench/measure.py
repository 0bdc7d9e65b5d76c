"""Run a command as a cold process: wall time, peak memory of its process tree, output.

CPU time is that of the process and every child it waited for (pool workers).
Peak memory is the largest sum of resident memory over the process and its
children (a process pool counts whole), sampled every few milliseconds from
/proc; where /proc is missing, the peak of the process alone from wait4.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

_SAMPLE = 0.005  # seconds between memory samples


@dataclass
class Measured:
    seconds: float
    cpu: float  # user + system seconds of the process and the children it waited for
    peak_mb: float
    returncode: int
    stdout: str
    stderr: str


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            out += [int(c) for c in task.read_text().split()]
        except OSError:
            pass
    return out


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree_rss_kb(pid: int) -> int:
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        total += _rss_kb(current)
        stack += _children(current)
    return total


def run(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Measured:
    proc_fs = Path("/proc/self/status").exists()
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd)
    peak = 0
    out_chunks: list[bytes] = []
    err_chunks: list[bytes] = []
    # read output in threads so a chatty process never blocks on a full pipe
    readers = [threading.Thread(target=lambda s=s, c=c: c.append(s.read()), daemon=True)
               for s, c in ((process.stdout, out_chunks), (process.stderr, err_chunks))]
    for reader in readers:
        reader.start()
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:  # reaped here, so its CPU time (workers included) is known
            process.returncode = os.waitstatus_to_exitcode(status)
            break
        if proc_fs:
            peak = max(peak, _tree_rss_kb(process.pid))
        time.sleep(_SAMPLE)
    seconds = time.perf_counter() - started
    for reader in readers:
        reader.join()
    if not proc_fs or peak == 0:
        peak = usage.ru_maxrss  # KB on Linux: the process alone
    return Measured(seconds, usage.ru_utime + usage.ru_stime, peak / 1024, process.returncode, b"".join(out_chunks).decode(), b"".join(err_chunks).decode())


if __name__ == "__main__":
    print(run(sys.argv[1:]))
