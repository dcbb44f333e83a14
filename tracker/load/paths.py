"""Which files to read, and reading one once it holds still.

``input_files`` turns paths, folders (recursive) and globs into file paths in a stable
order; a symbolic link found in a folder (or by a glob) that leads out of it comes back as a
:class:`RefusedPath` unless ``follow_links``. ``read_settled`` reads a file that is not
being written (issue 16: a file being written was stored half, then whole a second time).
``tracker.load.reader`` re-exports what callers use.
"""

from __future__ import annotations

import errno
import glob
import itertools
import os
import stat
import time
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath

from tracker.errors import IngestError, UsageError
from tracker.load import limits
from tracker.load.limits import MB

SUPPORTED_EXTENSIONS: frozenset[str] = frozenset(
    {".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv", ".zip"}
)


def iter_input_files(paths: Sequence[str], *, follow_links: bool = False) -> Iterator[Path]:
    """Files named by paths, folders (recursive) and globs, in a stable order.

    Folders and globs give only supported, non-hidden files (sorted); a file named
    explicitly is given as is (the loader reports an unsupported type). Raises UsageError,
    before anything is yielded, when a path matches nothing. A symbolic link found in a
    folder (or by a glob) that leads out of it is a :class:`RefusedPath` unless
    ``follow_links``: a link must not turn a readable secret into an article.
    """
    return iter([Path(found) for found in input_files(paths, follow_links=follow_links)])


class RefusedPath(str):
    """A path ``input_files`` found but will not read; ``reason`` says why and what to do."""

    reason: str

    def __new__(cls, path: str, reason: str) -> RefusedPath:
        refused = super().__new__(cls, path)
        refused.reason = reason
        return refused


def input_files(paths: Sequence[str], *, follow_links: bool = False) -> list[str]:
    """iter_input_files as strings (``str(path)`` of each), without a Path per file."""
    found: list[str] = []
    seen: set[str] = set()
    for raw in paths:
        matched = _expand(raw, follow_links)
        if not matched:
            kinds = ", ".join(sorted(SUPPORTED_EXTENSIONS))
            raise UsageError(f"{raw}: no such file, or no supported files in it ({kinds})")
        for path in matched:
            if path not in seen:  # the strings are normalised (str of a Path): same as Paths
                seen.add(path)
                found.append(path)
    return found


def _expand(raw: str, follow_links: bool) -> list[str]:
    path = _path_str(raw)
    mode = _stat_mode(path)
    if stat.S_ISREG(mode):
        return [path]  # named by the user: read even when it is a link
    if stat.S_ISDIR(mode):
        return _folder_files(path, follow_links)
    if glob.has_magic(raw):
        root = _glob_root(path)
        out: list[str] = []
        for hit in sorted(glob.glob(path, recursive=True)):
            p = Path(hit)
            if p.is_dir():
                if follow_links or not p.is_symlink():
                    out.extend(_folder_files(str(p), follow_links))
            elif p.is_file() and _wanted(p.name):
                out.append(_link_checked(str(p), root, follow_links))
        return out
    return []


def _glob_root(pattern: str) -> str:
    """The folder a glob searches: its leading parts without wildcards."""
    parts = Path(pattern).parts
    plain = [p for p in itertools.takewhile(lambda p: not glob.has_magic(p), parts)]
    return str(Path(*plain)) if plain else "."


def _link_checked(path: str, root: str, follow_links: bool) -> str:
    """``path``, or a RefusedPath when it is a symbolic link leading out of ``root``."""
    if follow_links or not os.path.islink(path):
        return path
    target = os.path.realpath(path)
    inside = os.path.realpath(root)
    try:
        if os.path.commonpath([target, inside]) == inside:
            return path
    except ValueError:  # different drives (Windows)
        pass
    return RefusedPath(
        path,
        f"symbolic link to a file outside {root}; not followed (pass --follow-links to "
        "read files that links lead to)",
    )


def _path_str(raw: str) -> str:
    """``str(Path(raw).expanduser())``, without a Path when ``raw`` is already in that form
    (no ``~`` to expand, no empty or ``.`` part for Path to drop)."""
    if (
        raw
        and raw[0] != "~"
        and "//" not in raw
        and "/./" not in raw
        and not raw.startswith("./")
        and not raw.endswith(("/", "/."))
    ):
        return raw
    return str(Path(raw).expanduser())


def _stat_mode(path: str) -> int:
    """The st_mode of ``path`` (symlinks followed), 0 where Path.is_file() says False."""
    try:
        return os.stat(path).st_mode
    except OSError as error:
        if error.errno not in _NO_SUCH_PATH:
            raise  # as Path.is_file: a permission error is not "no such file"
        return 0
    except ValueError:  # a NUL in the name
        return 0


_NO_SUCH_PATH = frozenset((errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP))


def _folder_files(folder: str, follow_links: bool = False) -> list[str]:
    """What ``Path(folder).rglob("*")`` gives that is a file, wanted and under no hidden
    folder, as ``str`` of each Path, sorted as Paths sort (by parts): one os.scandir per
    folder. Like rglob, symlinked folders are not entered (with ``follow_links`` they are,
    once each) and unreadable ones are skipped; a linked file that leads out of ``folder``
    is a RefusedPath unless ``follow_links``."""
    found: list[tuple[tuple[str, ...], str]] = []
    prefix = "" if folder == "." else folder if folder.endswith("/") else folder + "/"
    stack: list[tuple[str, tuple[str, ...]]] = [(prefix, ())]
    entered = {os.path.realpath(folder)}  # linked folders followed once (no loops)
    while stack:
        where, parts = stack.pop()
        try:
            with os.scandir(where or ".") as entries:
                listed = list(entries)
        except PermissionError:
            continue
        for entry in listed:
            name = entry.name
            if name.startswith("."):
                continue  # hidden, or under a hidden folder
            if _is_dir(entry) or (follow_links and _is_linked_dir(entry, entered)):
                stack.append((where + name + "/", (*parts, name)))
            elif file_suffix(name).lower() in SUPPORTED_EXTENSIONS and _is_file(entry):
                path = where + name
                if entry.is_symlink():
                    path = _link_checked(path, folder, follow_links)
                found.append(((*parts, name), path))
    found.sort(key=lambda item: item[0])
    return [path for _, path in found]


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _is_linked_dir(entry: os.DirEntry[str], entered: set[str]) -> bool:
    """A symbolic link to a folder not entered yet (it is then marked entered)."""
    try:
        if not (entry.is_symlink() and entry.is_dir()):
            return False
    except OSError:
        return False
    target = os.path.realpath(entry.path)
    if target in entered:
        return False
    entered.add(target)
    return True


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()  # follows a symlink, as Path.is_file does
    except OSError:
        return False


def _wanted(filename: str) -> bool:
    return not filename.startswith(".") and file_suffix(filename).lower() in SUPPORTED_EXTENSIONS


def file_suffix(filename: str) -> str:
    """PurePosixPath(filename).suffix of a name without "/" (a folder entry)."""
    if not filename or filename == "." or "/" in filename:
        return PurePosixPath(filename).suffix
    dot = filename.rfind(".")
    return filename[dot:] if 0 < dot < len(filename) - 1 else ""


def file_size_problem(size: int) -> str | None:
    """The message for a file over MAX_FILE_BYTES, or None when its size is fine."""
    if size <= limits.MAX_FILE_BYTES:
        return None
    return f"file is {size / MB:.0f} MB, over the {limits.MAX_FILE_BYTES // MB} MB limit; split it"


FRESH_S = 1.0  # a file modified this recently may still be being written: watch it first
SETTLE_CHECK_S = 0.1  # ... for this long between two looks at its size and mtime
SETTLE_MAX_S = 3.0  # a file still changing after this is refused ("still being written")
STILL_WRITTEN = (
    "the file changed while it was being read (is it still being written?); ingest it "
    "again once it is complete"
)


def read_settled(path: str) -> bytes | IngestError:
    """The bytes of a file that did not change while it was read, else an IngestError.

    A file modified within FRESH_S is watched until its size and mtime hold still for
    SETTLE_CHECK_S (at most SETTLE_MAX_S); then it is read and checked again against what
    the open file descriptor says, so a half-written file is refused, never stored as one
    article and then stored whole as a second. A file over the size limit is refused from
    its size, without reading it.
    """
    try:
        before = os.stat(path)
        if too_big := file_size_problem(before.st_size):
            return IngestError(path, too_big)  # a huge file never sits in memory
        deadline = time.monotonic() + SETTLE_MAX_S
        while time.time() - before.st_mtime < FRESH_S:
            time.sleep(SETTLE_CHECK_S)
            now = os.stat(path)
            if _same_version(now, before):
                break
            if time.monotonic() > deadline:
                return IngestError(path, STILL_WRITTEN)
            before = now
        with open(path, "rb") as file:
            data = file.read()
            after = os.fstat(file.fileno())
    except OSError as error:
        return IngestError(path, f"cannot read file: {error.strerror or error}")
    if not _same_version(after, before) or len(data) != after.st_size:
        return IngestError(path, STILL_WRITTEN)
    return data


def _same_version(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_size, a.st_mtime_ns, a.st_ino) == (b.st_size, b.st_mtime_ns, b.st_ino)
