"""Text extraction with a hard bound on time and memory: a separate process with resource limits.

An upload can be small and still expand into something huge (a 159 KB DOCX unpacking to 40 MB of
XML cost 42 s and 0.9 GB in the parsers). Rather than trust every parser to stop, extraction runs
in a child process whose address space and CPU time the kernel limits (setrlimit); anything that
reaches a limit, or does not answer in time, is recorded as "too large to read" and the worker
moves on. Children fork from a fork server that has only Django and the readers loaded
(resources.services.bounded_child), so the allowance is what a child really adds. A DOCX whose
XML parts declare more than MAX_XML_BYTES is refused before any parsing.

The most recent results are remembered by content hash, so a caller that has just extracted a file
(the bulk import's personal-data check) hands the text to the document instead of extracting again.
"""

import hashlib
import io
import multiprocessing
import os
import resource
import zipfile
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any

from django.conf import settings

from resources.services.extraction import TOO_LARGE, ExtractionResult, extract_text

# Every real guidance document's text and markup fit easily; a bomb's do not.
MAX_XML_BYTES = 16 * 1024 * 1024
_REMEMBERED = 64  # a bulk import checks every row before writing any
_NEAR_LIMIT = 32 * 1024 * 1024


@dataclass(frozen=True)
class Limits:
    memory_bytes: int  # more address space than the parent had at the fork
    cpu_seconds: int
    wait_seconds: int  # a child that neither finishes nor uses CPU (blocked) is killed after this


@dataclass(frozen=True)
class Usage:
    """What the child used: CPU seconds and its peak resident memory above what it started with."""

    cpu_seconds: float
    peak_memory_bytes: int


def limits() -> Limits:
    return Limits(
        memory_bytes=int(getattr(settings, "EXTRACTION_MEMORY_MB", 384)) * 1024 * 1024,
        cpu_seconds=int(getattr(settings, "EXTRACTION_CPU_SECONDS", 20)),
        wait_seconds=int(getattr(settings, "EXTRACTION_WAIT_SECONDS", 120)),
    )


_memo: "OrderedDict[str, ExtractionResult]" = OrderedDict()


def remembered(content_hash: str) -> ExtractionResult | None:
    """The result of extracting a file with this SHA-1 in this process just now, if any."""
    return _memo.get(content_hash)


def extract_text_bounded(file_obj: IO[bytes], extension: str) -> ExtractionResult:
    """extract_text, in a child process held to ``limits()``; never raises for anything in the file."""
    limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    data = file_obj.read(limit + 1)
    if len(data) > limit:
        return ExtractionResult(error=f"{TOO_LARGE}: over {limit // (1024 * 1024)} MB")
    result = _precheck(data, extension) or run_bounded(data, extension, limits())[0]
    content_hash = hashlib.sha1(data).hexdigest()  # noqa: S324 - Wagtail's own file_hash is SHA-1
    _memo[content_hash] = result
    while len(_memo) > _REMEMBERED:
        _memo.popitem(last=False)
    return result


def _precheck(data: bytes, extension: str) -> ExtractionResult | None:
    if extension.lower().lstrip(".") != "docx":
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            declared = sum(m.file_size for m in archive.infolist() if m.filename.lower().endswith((".xml", ".rels")))
    except (zipfile.BadZipFile, OSError, ValueError):
        return None  # extract_text records it as unreadable
    if declared > MAX_XML_BYTES:
        return ExtractionResult(error=f"{TOO_LARGE}: its text unpacks to over {MAX_XML_BYTES // (1024 * 1024)} MB")
    return None


Reader = Callable[[IO[bytes], str], ExtractionResult]


def _context() -> Any:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["resources.services.bounded_child"])
    return context


def run_bounded(
    data: bytes, extension: str, bounds: Limits, reader: Reader = extract_text
) -> tuple[ExtractionResult, Usage | None]:
    """Extract in a child held to ``bounds``; (result, what the child used, None if it was killed).

    ``reader`` must be importable by name (a module-level function): the child is a fresh fork.
    """
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, data, extension, bounds, reader), daemon=True)
    child.start()
    sender.close()
    payload: Any = None
    try:
        if receiver.poll(bounds.wait_seconds):
            payload = receiver.recv()
    except (EOFError, OSError):
        payload = None  # killed by a limit before it could answer
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
    if payload is None:
        return ExtractionResult(error=f"{TOO_LARGE}: it took too long or too much memory to read"), None
    fields, usage = payload
    return ExtractionResult(**fields), usage


def _child(sender: Any, data: bytes, extension: str, bounds: Limits, reader: Reader) -> None:
    started_rss = _resident_bytes()
    address_limit = _address_space_bytes() + bounds.memory_bytes
    resource.setrlimit(resource.RLIMIT_AS, (address_limit, address_limit))
    resource.setrlimit(resource.RLIMIT_CPU, (bounds.cpu_seconds, bounds.cpu_seconds + 1))
    try:
        result = reader(io.BytesIO(data), extension)
    except MemoryError:
        result = ExtractionResult(error="MemoryError")
    # A parser refused memory says so in its own way (MemoryError, lxml's "Memory allocation
    # failed" as a syntax error): a failure at the edge of the allowance is size, not damage.
    if result.error and _status_kb("VmPeak") * 1024 >= address_limit - _NEAR_LIMIT:
        result = ExtractionResult(error=f"{TOO_LARGE}: it needs more than {bounds.memory_bytes // 2**20} MB to read")
    usage = resource.getrusage(resource.RUSAGE_SELF)
    # The high-water mark starts at the resident size at the fork, so the difference is the reading's.
    measured = Usage(
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        peak_memory_bytes=max(_status_kb("VmHWM") * 1024 - started_rss, 0),
    )
    fields = {"text": result.text, "page_count": result.page_count, "error": result.error, "metadata": result.metadata}
    sender.send((fields, measured))
    sender.close()
    os._exit(0)  # skip the parent's atexit handlers and inherited connections


def _status_kb(key: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def _address_space_bytes() -> int:
    return _status_kb("VmSize") * 1024


def _resident_bytes() -> int:
    return _status_kb("VmRSS") * 1024
