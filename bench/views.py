from django.http import HttpRequest, HttpResponse


def hello(request: HttpRequest) -> HttpResponse:
    """The floor for the throughput ratio: Django's full middleware stack and nothing else."""
    return HttpResponse("hello", content_type="text/plain")
