import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

PASSWORD = "a-long-test-password"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("synthetic-editor", "editor@exchange.example", PASSWORD)


@pytest.fixture
def sign_in(client):
    """Sign in through the admin's real login form (password only), returning the response."""

    def post(username: str, password: str = PASSWORD, **extra):
        return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password}, **extra)

    return post
