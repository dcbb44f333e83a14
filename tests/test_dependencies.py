"""A fresh machine installs what the suite passed with: constraints.txt pins every
dependency (and .ci/run uses it); pyproject's license is an SPDX string (no setuptools
deprecation warning) and ruff, whose formatting changes between releases, is pinned."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].strip().lower().replace("_", "-")


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not NAME==VERSION"
            pins[name.lower().replace("_", "-")] = version
    return pins


def test_every_dependency_is_pinned_in_constraints():
    project = PYPROJECT["project"]
    wanted = list(project["dependencies"])
    for extra in ("test", "fuzz", "bench"):
        wanted += project["optional-dependencies"][extra]
    missing = sorted({_name(r) for r in wanted} - set(_pins()))
    assert not missing, f"not in constraints.txt (run scripts/lock_constraints.sh): {missing}"
    assert "tracker" not in _pins()  # the project itself is never pinned


def test_ci_installs_with_the_constraints():
    ci = (ROOT / ".ci" / "run").read_text()
    assert "-c constraints.txt -e '.[test,fuzz]'" in ci


def test_license_is_an_spdx_string_and_setuptools_is_new_enough():
    assert PYPROJECT["project"]["license"] == "MIT"
    (backend,) = PYPROJECT["build-system"]["requires"]
    assert re.fullmatch(r"setuptools>=(\d+)", backend.split("#")[0].strip())
    assert int(backend.split(">=")[1]) >= 77


def test_ruff_is_pinned_to_what_constraints_hold():
    (ruff,) = [
        r for r in PYPROJECT["project"]["optional-dependencies"]["test"] if _name(r) == "ruff"
    ]
    assert ruff == f"ruff=={_pins()['ruff']}"
