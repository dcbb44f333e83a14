"""Measuring helpers: a subprocess with its tree's RSS sampled, medians, the machine."""

from __future__ import annotations

import contextlib
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

RSS_INTERVAL_S = 0.05  # the brief: sample every 50 ms
ROOT = Path(__file__).resolve().parent.parent  # the repository


@dataclass
class Sampled:
    """A finished child: its JSON result (last stdout line), wall time and peak tree RSS."""

    returncode: int
    result: dict
    wall_s: float
    peak_rss: int  # bytes: the largest sum of RSS over the process and all its descendants
    peak_processes: int
    log: str
    peak_main_rss: int = 0  # bytes: the largest RSS of the child process alone
    cpu_s: float = 0.0  # user+sys of the child and every descendant it waited for
    load_before: float = 0.0  # 1-minute load average when it started (others' work = noise)

    @property
    def peak_rss_mb(self) -> float:
        return self.peak_rss / 2**20


CHILDREN_REFRESH_S = 0.5  # listing descendants walks /proc: do it 2x a second, not 20x


def tree_rss(
    proc: psutil.Process, members: list[psutil.Process] | None = None
) -> tuple[int, int, int]:
    """Sum of RSS of a process and its descendants (shared pages counted in each: an
    over-estimate for forked workers, which is the safe side for a memory target), the
    number of processes, and the RSS of the process itself. ``members``: the tree as last
    listed (default: list it now)."""
    total, count, own = 0, 0, 0
    if members is None:
        try:
            members = [proc, *proc.children(recursive=True)]
        except psutil.NoSuchProcess:
            return 0, 0, 0
    for member in members:
        try:
            rss = member.memory_info().rss
        except psutil.NoSuchProcess:
            continue
        total += rss
        count += 1
        if member.pid == proc.pid:
            own = rss
    return total, count, own


def run_sampled(
    args: list[str], log_path: Path, *, env: dict[str, str] | None = None, timeout: float = 7200
) -> Sampled:
    """Run ``python args...`` from the repository root, sampling its tree RSS every 50 ms."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    out_path = log_path.with_suffix(".out")
    child_env = {**os.environ, **(env or {})}
    child_env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT), child_env.get("PYTHONPATH", "")) if p
    )
    peak, peak_n, peak_main = 0, 0, 0
    load_before = os.getloadavg()[0]
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(out_path, "wb") as out, open(log_path, "wb") as err:
        popen = subprocess.Popen(
            [sys.executable, *args], stdout=out, stderr=err, cwd=ROOT, env=child_env
        )
        proc = psutil.Process(popen.pid)
        members: list[psutil.Process] = [proc]
        listed = 0.0
        while popen.poll() is None:
            if time.perf_counter() - listed > CHILDREN_REFRESH_S:
                with contextlib.suppress(psutil.NoSuchProcess):
                    members = [proc, *proc.children(recursive=True)]
                listed = time.perf_counter()
            rss, n, own = tree_rss(proc, members)
            if rss > peak:
                peak, peak_n = rss, n
            peak_main = max(peak_main, own)
            if time.perf_counter() - start > timeout:
                popen.kill()
                break
            time.sleep(RSS_INTERVAL_S)
        popen.wait()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime)
    lines = out_path.read_text(errors="replace").strip().splitlines()
    try:
        result = json.loads(lines[-1]) if lines else {}
    except json.JSONDecodeError:
        result = {}
    log = log_path.read_text(errors="replace")
    return Sampled(popen.returncode, result, wall, peak, peak_n, log, peak_main, cpu, load_before)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def machine() -> dict[str, object]:
    """What the figures were measured on."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import duckdb

    info: dict[str, object] = {
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "cpu": cpu,
        "ram_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "platform": platform.platform(),
    }
    for name in ("vaderSentiment", "pandas", "pyarrow", "streamlit", "plotly"):
        try:
            from importlib.metadata import version

            info[name] = version(name)
        except Exception:  # not installed: fine, it is only a label
            info[name] = None
    return info
