"""Search-backend settings shared by tests that need an engine to be down."""

# An Elasticsearch backend pointed at the discard port, where nothing listens: every call
# fails at once (no retries), which is how an engine outage looks to the application.
UNREACHABLE_ENGINE = {
    "BACKEND": "wagtail.search.backends.elasticsearch9",
    "URLS": ["http://127.0.0.1:9"],
    "INDEX_PREFIX": "unreachable-",
    "TIMEOUT": 1,
    "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
}
