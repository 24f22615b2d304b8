"""Serves anonymous visitors' pages from the cache without touching the database.

First in MIDDLEWARE, so a hit returns before any other middleware runs (no session, user or
site lookup: 0 SQL queries) and a miss is stored after every other middleware has added its
headers (security headers, CSP), which are the same for every anonymous visitor.
"""

import base64
import logging
import os
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import parse_http_date_safe

from caching import services

logger = logging.getLogger(__name__)


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not services.enabled():
            return self.get_response(request)
        if not services.cacheable_request(request):
            response = self.get_response(request)
            if request.COOKIES and "Cache-Control" not in response:
                # Possibly someone's own page: no shared cache in between may keep it.
                patch_cache_control(response, private=True)
            return response
        try:
            key = services.cache_key(request, services.page_generation(request))
            page = cache.get(key)
        except DisallowedHost:
            return self.get_response(request)  # Django answers 400 itself
        except Exception:
            # An unreachable cache slows the site down; it must not take it down.
            logger.exception("Page cache unavailable; serving uncached")
            return self.get_response(request)
        if page is not None:
            return self._replay(request, page)
        response = self.get_response(request)
        if services.cacheable_response(request, response):
            # Shared caches in front must ask again each time (purges reach only this cache),
            # and never hand an anonymous copy to someone with a session.
            patch_cache_control(response, no_cache=True)
            patch_vary_headers(response, ["Cookie"])
            try:
                cache.set(key, services.freeze(request, response), settings.CACHE_SECONDS)
            except Exception:
                logger.exception("Page cache unavailable; response not stored")
            response["X-Page-Cache"] = "miss"
        return response

    def _replay(self, request: HttpRequest, page: services.CachedPage) -> HttpResponseBase:
        response = services.replay(page, base64.b64encode(os.urandom(16)).decode("ascii"))
        etag, modified = response.get("ETag"), response.get("Last-Modified")
        if etag or modified:
            # Feeds and calendars carry validators (caching.conditional); HTML pages do not,
            # since a 304 would pair a browser's old body with a new CSP nonce.
            response = get_conditional_response(
                request,
                etag=etag,
                last_modified=parse_http_date_safe(modified) if modified else None,
                response=response,
            )
        response["X-Page-Cache"] = "hit"
        return response
