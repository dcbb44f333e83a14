"""Zip files: members read in memory, never extracted.

Nested zips and unsafe member names (``..``, absolute, drive letters) are refused per
member; the unpacked size is bounded by the header sums and again while reading (a header
may lie). Each member is handed back to the loader's dispatch (``read_member``).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath

from tracker.errors import IngestError
from tracker.load import limits
from tracker.load.documents import Draft
from tracker.load.limits import MB


def read_zip(
    name: str,
    data: bytes,
    *,
    supported: frozenset[str],
    read_member: Callable[[str, bytes], Iterator[Draft | IngestError]],
) -> Iterator[Draft | IngestError]:
    """Drafts of the zip's members with a ``supported`` extension, each read by
    ``read_member(origin, content)``; every problem is yielded as an IngestError."""
    opened = _open_members(name, data)
    if isinstance(opened, IngestError):
        yield opened
        return
    archive, files = opened
    limit = f"{limits.MAX_ZIP_UNPACKED_BYTES // MB} MB"
    budget = limits.MAX_ZIP_UNPACKED_BYTES
    read_any = False
    for member in files:
        origin = f"{name}/{member.filename}"
        ext = PurePosixPath(member.filename).suffix.lower()
        unsafe = _unsafe_member(member.filename)
        if unsafe:
            yield IngestError(origin, f"unsafe member name ({unsafe}); skipped")
            continue
        if ext not in supported:
            continue  # as in a folder: other files (images, PDFs) are skipped
        read_any = True
        if ext == ".zip":
            yield IngestError(origin, "nested zip files are not read; unzip it first")
            continue
        try:
            content = _read_member(archive, member, min(budget, limits.MAX_FILE_BYTES) + 1)
        except Exception as error:  # encrypted, corrupt, unsupported compression...
            yield IngestError(origin, f"could not unpack this member ({error})")
            continue
        budget -= len(content)
        if budget < 0:
            yield IngestError(name, f"zip unpacks to more than {limit} (limit {limit}); split it")
            return
        if len(content) > limits.MAX_FILE_BYTES:
            yield IngestError(
                origin,
                f"unpacks to more than {limits.MAX_FILE_BYTES // MB} MB, over the limit; split it",
            )
            continue
        yield from read_member(origin, content)
    if not read_any:
        kinds = ", ".join(sorted(supported - {".zip"}))
        yield IngestError(name, f"zip has no supported files ({kinds})")


def _open_members(
    name: str, data: bytes
) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]] | IngestError:
    """The archive and its file members, or why the whole zip is refused (unreadable, too
    many files, declared sizes over the unpacked limit)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except Exception as error:  # BadZipFile, NotImplementedError (unknown version), ...
        return IngestError(name, f"not a readable zip file ({type(error).__name__}: {error})")
    # not ZipInfo.is_dir(): it fails on an empty member name (found by the fuzzer)
    files = [m for m in members if not m.filename.endswith("/") and not _hidden_member(m.filename)]
    if len(files) > limits.MAX_RECORDS_PER_FILE:
        return IngestError(
            name, f"zip has more than {limits.MAX_RECORDS_PER_FILE:,} files; split it"
        )
    declared = sum(m.file_size for m in files)
    if declared > limits.MAX_ZIP_UNPACKED_BYTES:
        limit = f"{limits.MAX_ZIP_UNPACKED_BYTES // MB} MB"
        return IngestError(
            name, f"zip unpacks to more than {declared // MB} MB (limit {limit}); split it"
        )
    return archive, files


def _read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, cap: int) -> bytes:
    """At most ``cap`` bytes of the member, read in chunks (its header may lie)."""
    chunks: list[bytes] = []
    total = 0
    with archive.open(member) as stream:
        while total < cap:
            chunk = stream.read(min(limits.ZIP_READ_CHUNK, cap - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    return b"".join(chunks)


def _hidden_member(filename: str) -> bool:
    parts = filename.replace("\\", "/").split("/")
    return parts[0] == "__MACOSX" or any(p.startswith(".") and p not in (".", "..") for p in parts)


def _unsafe_member(filename: str) -> str | None:
    path = filename.replace("\\", "/")
    if not path.strip():
        return "empty name"
    if path.startswith("/"):
        return "absolute path"
    if re.match(r"[A-Za-z]:", path):
        return "drive letter"
    if ".." in path.split("/"):
        return "'..' in the path"
    return None
