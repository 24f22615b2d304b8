"""Every admin GET route in the URL configuration, with ids and names filled in, for crawling tests.

A new admin route (Wagtail's, a package's or ours) is crawled without anyone listing it: its
parameters are filled from the names below. A parameter nobody has named fails the test that
uses this module, so a route that cannot be filled is a decision, never a silent gap.
"""

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

# Routes not crawled, and why: they act on the session rather than show content.
SKIPPED = {
    "admin/logout/": "signs the crawler out",
    "admin/^.*/$": "Wagtail's catch-all 404",
    "admin/failwhale/": "raises on purpose, to test error reporting",
    "admin/test404/": "answers 404 on purpose",
    "admin/password_reset/confirm/<uidb64>/<token>/": "needs a token only an email carries",
}

_PARAM = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>|\(\?P<(?P<rname>\w+)>(?P<rx>[^)]*)\)")


@dataclass(frozen=True)
class Route:
    pattern: str
    params: tuple[str, ...]


def admin_routes() -> list[Route]:
    """Each admin route's pattern (as text) and the names of its parameters."""
    routes = []
    for pattern in _walk(get_resolver()):
        if not pattern.startswith(("admin/", "^admin")) or pattern in SKIPPED:
            continue
        names = tuple(m.group("name") or m.group("rname") for m in _PARAM.finditer(pattern))
        routes.append(Route(pattern, names))
    return routes


def _substitute(pattern: str, chosen: Iterator[str]) -> str:
    return _PARAM.sub(lambda _: next(chosen), pattern)


def _walk(resolver: URLResolver, prefix: str = "") -> Iterator[str]:
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def fill(route: Route, values: dict[str, list[str]]) -> Iterator[str]:
    """Every URL of ``route`` with each parameter replaced by each of its candidate values."""
    missing = [name for name in route.params if name not in values]
    if missing:
        raise KeyError(f"{route.pattern}: no values for {missing}")
    for combination in itertools.product(*(values[name] for name in route.params)):
        url = _substitute(route.pattern, iter(combination))
        # Regex routes (the revisions compare view) and the API router's include keep their anchors.
        yield "/" + url.replace("^", "").replace("$", "").replace("\\.", ".")
