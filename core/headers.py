"""Content-Security-Policy: strict, with nonces, on the public site; relaxed for the admin.

Wagtail's admin uses inline scripts and styles, so /admin/ gets its own policy rather than
weakening the public one. Document downloads set their own stricter header
(uploads.serving), which this middleware leaves alone.
"""

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.http import HttpRequest
from django.http.response import HttpResponseBase

PUBLIC_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, NONCE],
    "style-src": [SELF, NONCE],
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}

ADMIN_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    # The page editor shows its live preview in a frame of its own.
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
}

# A preview (the editor's panel and "Preview in new tab") renders the public page inside the
# admin's own frame: the public policy, framable by this site only. Public pages stay unframable.
PREVIEW_DIRECTIVES = {**PUBLIC_DIRECTIVES, "frame-ancestors": [SELF]}
ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class ExchangeCSPMiddleware(CSPMiddleware):
    """django-csp's middleware choosing the admin policy for admin paths and the preview policy
    for previews."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts
        # Wagtail serves a preview through this middleware with the page's own path, marked
        # is_preview (wagtail.models.preview): it is not the public page a stranger could frame.
        if getattr(request, "is_preview", False):
            parts.config = PREVIEW_DIRECTIVES
        elif request.path_info.startswith(ADMIN_PREFIXES):
            parts.config = ADMIN_DIRECTIVES
        return parts
