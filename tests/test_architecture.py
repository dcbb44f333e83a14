"""The house's shape, checked: the folder tree is the pipeline, no import circles, small
modules and functions, streamlit and SQL each in one place (docs/CONTRACTS.md, "Layout")."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "tracker"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
# A longer function is allowed where a comment on its `def` line (or the line above) starts
# with "# long:" and says why.
LONG_REASON = re.compile(r"#\s*long:")
STAGES = ("load", "coding", "store", "index", "present", "evaluate", "cli", "ui", "data")


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Module -> the project modules it imports (at any depth of the file: lazy imports
    inside functions count too, since they close a circle at run time all the same)."""
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [
                    f"{node.module}.{alias.name}"
                    if f"{node.module}.{alias.name}" in modules
                    else node.module
                    for alias in node.names
                ]
            else:
                continue
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def import_circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    circles.append(sorted(component))
    return circles


def test_the_circle_finder_finds_a_circle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert import_circles(graph) == [["a", "b", "c"]]
    assert import_circles({"a": {"b"}, "b": set()}) == []


def test_no_module_reaches_itself_through_its_imports():
    assert import_circles(import_graph(MODULES)) == []


def test_the_folder_tree_is_the_pipeline():
    for stage in STAGES:
        assert (PACKAGE / stage).is_dir(), stage
    top_level = {p.stem for p in PACKAGE.glob("*.py")}
    # shared types, errors, settings, the one ingest front door, the demo corpus, and the
    # worker-process lifeline that ingest's pool and the loader's HTML worker share
    shared = {"models", "errors", "config", "ingest", "demo", "lifeline"}
    assert top_level <= {"__init__", "__main__", *shared}


@pytest.mark.parametrize("name", sorted(MODULES))
def test_modules_stay_small(name):
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_MODULE_LINES, f"{name} has {lines} lines (at most {MAX_MODULE_LINES})"


def long_functions(source: str) -> list[str]:
    """Functions over MAX_FUNCTION_LINES lines without a "# long:" reason beside them."""
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        length = node.end_lineno - node.lineno + 1
        first = min([node.lineno] + [d.lineno for d in node.decorator_list])
        beside = " ".join(lines[max(first - 2, 0) : node.body[0].lineno])
        if length > MAX_FUNCTION_LINES and not LONG_REASON.search(beside):
            found.append(f"{node.name} ({length} lines)")
    return found


def test_long_function_rule_reads_the_reason():
    body = "\n".join(f"    x = {i}" for i in range(70))
    assert long_functions(f"def f():\n{body}\n") == ["f (71 lines)"]
    assert long_functions(f"# long: one table of cases\ndef f():\n{body}\n") == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_functions_stay_short_or_say_why(name):
    assert long_functions(MODULES[name].read_text(encoding="utf-8")) == []


def test_only_the_ui_imports_streamlit():
    for name, path in MODULES.items():
        if not name.startswith("tracker.ui"):
            source = path.read_text(encoding="utf-8")
            assert not re.search(r"^\s*(import|from) streamlit", source, re.M), name


def test_sql_lives_in_the_store():
    statement = re.compile(r"\b(SELECT\s.+\sFROM|INSERT\s+INTO|CREATE\s+TABLE|DELETE\s+FROM)\b")
    for name, path in MODULES.items():
        if name.startswith("tracker.store"):
            continue
        source = path.read_text(encoding="utf-8")
        assert not statement.search(source), f"SQL outside tracker/store/: {name}"
