"""A non-editable install works: the wheel carries the package data (demo corpus, word lists,
rules), and the installed package runs `tracker demo`, `tracker pairs` and the dashboard's
first start from a folder that is not the checkout."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "tracker" / "data" / "samples"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built from the checkout with the installed setuptools (no network)."""
    out = tmp_path_factory.mktemp("wheel")
    source = tmp_path_factory.mktemp("source")  # a copy: building writes beside the sources
    shutil.copytree(
        REPO / "tracker", source / "tracker", ignore=shutil.ignore_patterns("__pycache__")
    )
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    code = f"from setuptools import build_meta; print(build_meta.build_wheel({str(out)!r}))"
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return out / done.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """The wheel installed into a folder of its own (dependencies come from this venv)."""
    target = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--target",
            str(target),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return target


def test_the_wheel_carries_the_demo_corpus_and_the_package_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for sample in [*sorted(SAMPLES.glob("*.txt")), SAMPLES / "README.md"]:
        assert f"tracker/data/samples/{sample.name}" in names, sample.name
    data = {n for n in names if n.startswith("tracker/data/") and "/samples/" not in n}
    for path in (REPO / "tracker" / "data").rglob("*"):
        relative = path.relative_to(REPO).as_posix()
        if path.is_file() and "samples" not in path.parts and path.suffix != ".pyc":
            assert relative in data, relative


def _run(installed: Path, cwd: Path, *args: str, env_db: Path) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(installed), "TRACKER_DB": str(env_db), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )


@pytest.mark.slow
def test_the_installed_package_runs_demo_pairs_and_the_dashboard(installed, tmp_path):
    db = tmp_path / "fresh.duckdb"
    where = _run(installed, tmp_path, "-c", "import tracker; print(tracker.__file__)", env_db=db)
    assert where.stdout.strip().startswith(str(installed)), where.stdout + where.stderr

    demo = _run(installed, tmp_path, "-m", "tracker", "demo", "--json", env_db=db)
    assert demo.returncode == 0, demo.stderr
    assert json.loads(demo.stdout)["added"] == len(list(SAMPLES.glob("*.txt")))

    pairs = _run(installed, tmp_path, "-m", "tracker", "pairs", "--format", "json", env_db=db)
    assert pairs.returncode == 0, pairs.stderr
    listed = {tuple(row["pair"].split("-")) for row in json.loads(pairs.stdout)}
    assert {("BLR", "USA"), ("RUS", "USA")} <= listed

    first_start = tmp_path / "first.duckdb"  # an empty database: the dashboard loads the demo
    app = (
        "from streamlit.testing.v1 import AppTest; "
        f"at = AppTest.from_file({str(REPO / 'dashboard.py')!r}, default_timeout=300).run(); "
        "assert not at.exception, at.exception; "
        "print(any('demo data' in m.value for m in [*at.markdown, *at.info, *at.caption]))"
    )
    started = _run(installed, tmp_path, "-c", app, env_db=first_start)
    assert started.returncode == 0, started.stderr[-3000:]
    assert started.stdout.strip().endswith("True"), started.stdout
