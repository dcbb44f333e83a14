"""tracker.load.reader's file finding: input_files/iter_input_files against pathlib's rules."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.load.paths import _folder_files, _path_str
from tracker.load.reader import (
    SUPPORTED_EXTENSIONS,
    _extension,
    input_files,
    iter_input_files,
)


def rglob_reference(folder: Path) -> list[Path]:
    """What the loader did with pathlib before it used os.scandir."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and not p.name.startswith(".")
        and p.suffix.lower() in SUPPORTED_EXTENSIONS
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def make_tree(root: Path) -> None:
    for rel in [
        "a.txt", "B.TXT", "a-b.md", "a/b.txt", "a/c/d.json", "a-c/x.csv", "a.b/y.jsonl",
        "z.pdf", ".hidden.txt", ".git/c.txt", "a/.cache/e.txt", "noext", "dot.", "x.tar.zip",
        "deep/er/still/f.htm", "sp ace/g.html", "..weird.txt",
    ]:  # fmt: skip
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    (root / "dir.txt").mkdir()  # a folder with a supported suffix is not a file
    (root / "linked").symlink_to(root / "a", target_is_directory=True)  # not entered
    (root / "link.txt").symlink_to(root / "a.txt")  # a symlink to a file is a file
    (root / "broken.txt").symlink_to(root / "missing.txt")


def test_folder_files_match_rglob(tmp_path):
    make_tree(tmp_path)
    expected = [str(p) for p in rglob_reference(tmp_path)]
    assert _folder_files(str(tmp_path)) == expected
    assert input_files([str(tmp_path)]) == expected
    assert list(iter_input_files([str(tmp_path) + "/"])) == rglob_reference(tmp_path)


def test_relative_folders_give_the_same_strings_as_paths(tmp_path, monkeypatch):
    make_tree(tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    for raw in ["in", "./in", "in/", "in//a", "in/./a", "in/a/.", "."]:
        expected = [str(p) for p in rglob_reference(Path(raw))]
        assert input_files([raw]) == expected, raw
    assert input_files(["./in/a.txt"]) == ["in/a.txt"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="a./~\\ ", max_size=12))
def test_path_str_is_str_of_path(raw):
    try:
        expected = str(Path(raw).expanduser())
    except RuntimeError:  # "~x": no such user; the loader raises it as pathlib does
        with pytest.raises(RuntimeError):
            _path_str(raw)
    else:
        assert _path_str(raw) == expected


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*"aT./\\ \x00", "txt", "TXT", "md"]), max_size=10).map("".join))
def test_extension_is_purepath_suffix(name):
    assert _extension(name) == PurePosixPath(name.replace("\\", "/")).suffix.lower()
