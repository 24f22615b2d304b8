"""core.ratelimit: counting per key, the 429 page and its Retry-After header."""

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory
from django_ratelimit.exceptions import Ratelimited

from core.ratelimit import enforce, post_value, ratelimited


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def post(email: str, ip: str = "192.0.2.1"):
    return RequestFactory().post("/", {"email": email}, REMOTE_ADDR=ip)


def test_limit_per_posted_value_is_case_and_space_insensitive():
    for _ in range(2):
        enforce(post("A@example.org "), group="t", key=post_value("email"), rate="2/h")
    with pytest.raises(Ratelimited):
        enforce(post("a@example.org"), group="t", key=post_value("email"), rate="2/h")
    enforce(post("b@example.org"), group="t", key=post_value("email"), rate="2/h")  # another address is fine


def test_an_empty_key_is_not_counted():
    for _ in range(5):
        enforce(post(""), group="t", key=post_value("email"), rate="1/h")


def test_limit_per_ip():
    enforce(post("a@example.org"), group="ip", key="ip", rate="1/m")
    with pytest.raises(Ratelimited):
        enforce(post("b@example.org"), group="ip", key="ip", rate="1/m")
    enforce(post("c@example.org", ip="192.0.2.99"), group="ip", key="ip", rate="1/m")


def test_the_429_page_says_when_to_try_again(db):
    request = post("a@example.org")
    request.ratelimit_retry_after = 600
    response: HttpResponse = ratelimited(request, Ratelimited())
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    assert "try again in about 10 minutes" in response.content.decode()
