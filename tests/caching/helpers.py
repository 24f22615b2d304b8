import re

from django.http import HttpResponse

NONCE = re.compile(r'nonce="([^"]+)"')


def state(response: HttpResponse) -> str:
    """'hit', 'miss' or '' (not cacheable) from the middleware's own header."""
    return response.headers.get("X-Page-Cache", "")


def without_nonce(response: HttpResponse) -> str:
    return NONCE.sub('nonce=""', response.content.decode())
