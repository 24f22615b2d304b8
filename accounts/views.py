"""The admin page where a signed-in, verified user issues their recovery codes."""

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.recovery import issue_recovery_codes, remaining_recovery_codes


@never_cache
@require_http_methods(["GET", "POST"])
def recovery_codes(request: HttpRequest) -> HttpResponse:
    codes = issue_recovery_codes(request.user) if request.method == "POST" else None
    return TemplateResponse(
        request,
        "accounts/recovery_codes.html",
        {"codes": codes, "remaining": remaining_recovery_codes(request.user), "page_title": "Recovery codes"},
    )
