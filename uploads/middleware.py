"""A storage failure during an upload is a clear 503 page (or JSON for the multiple uploader), not a 500."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve

from uploads.storage import STORAGE_FAILURE_MESSAGE, StorageFailure


class StorageFailureMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, StorageFailure):
            return None
        try:
            url_name = resolve(request.path_info).url_name
        except Resolver404:
            url_name = None
        if url_name == "add_multiple":
            # Wagtail's multiple uploader shows error_message against the file.
            return JsonResponse({"success": False, "error_message": STORAGE_FAILURE_MESSAGE})
        response = TemplateResponse(request, "uploads/storage_failure.html", {"message": STORAGE_FAILURE_MESSAGE})
        response.status_code = 503
        response["Retry-After"] = "300"
        return response
