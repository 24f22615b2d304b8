"""The demo site's address is the one it is served at (WAGTAILADMIN_BASE_URL): sitemap and og:url agree."""

import pytest
from wagtail.models import Site

from demo.services.network import set_site_address

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("base_url", "hostname", "port"),
    [("http://127.0.0.1:8100", "127.0.0.1", 8100), ("https://exchange.example", "exchange.example", 443)],
)
def test_the_default_site_takes_the_base_urls_host_and_port(settings, client, base_url, hostname, port):
    settings.WAGTAILADMIN_BASE_URL = base_url
    settings.ALLOWED_HOSTS = ["*"]
    set_site_address()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == (hostname, port)
    sitemap = client.get("/sitemap.xml", HTTP_HOST=hostname).content.decode()
    assert f"<loc>{base_url}/</loc>" in sitemap
