"""Progress bars for management commands, so long imports and loads show they are alive."""

from collections.abc import Callable, Iterable
from typing import Any, TextIO

from tqdm import tqdm

# Below this many items a bar is noise.
MIN_ITEMS_FOR_BAR = 50

# What long-running services take: wrap(items, description, total) yields the items.
Progress = Callable[[Iterable[Any], str, int], Iterable[Any]]


def no_progress(items: Iterable[Any], description: str, total: int) -> Iterable[Any]:
    return items


def progress_bar(stream: TextIO, verbosity: int = 1) -> Progress:
    """Return a Progress callable that wraps iterables in a tqdm bar written to `stream`."""

    def wrap(items: Iterable[Any], description: str, total: int) -> Iterable[Any]:
        if verbosity < 1 or total < MIN_ITEMS_FOR_BAR:
            return items
        # Django's OutputWrapper adds a newline (and colour) to every write, which breaks tqdm's
        # in-place redraw, so the bar writes to the underlying stream.
        return tqdm(items, desc=description, total=total, file=getattr(stream, "_out", stream), unit="row", leave=False)

    return wrap
