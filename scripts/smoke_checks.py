"""The production smoke checks (scripts/smoke.sh): requests sent to gunicorn as a reverse proxy would.

    python scripts/smoke_checks.py pages     # every public page, its assets, 404, sign-in, a download
    python scripts/smoke_checks.py ready     # /health/live and /health/ready, the worker's heartbeat seen
    python scripts/smoke_checks.py error     # with the database stopped: 503 from ready, the 500 page

Talks HTTP to 127.0.0.1:$SMOKE_PORT with `Host: $SMOKE_HOST` and `X-Forwarded-Proto: https`, as
nginx does (deploy/nginx/). Standard library only, so it runs wherever the exchange runs. Every
miss is collected and printed; the exit status is the number of misses (capped at 100).
"""

from __future__ import annotations

import http.client
import json
import os
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

PORT = int(os.environ.get("SMOKE_PORT", "8765"))
HOST = os.environ.get("SMOKE_HOST", "exchange.example")
ORIGIN = f"https://{HOST}"
DEBUG_MARKERS = ("Traceback", "You're seeing this error because you have", "DEBUG = True", "technical_500")
# What each asset's extension must be served as.
TYPES = {
    ".css": "text/css",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
}
misses: list[str] = []


def miss(message: str) -> None:
    misses.append(message)
    print(f"  MISS {message}", flush=True)


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def header(self, name: str) -> str:
        return self.headers.get(name, "")


@dataclass
class Browser:
    """Cookies kept by hand: the `__Host-` cookies are Secure, which http.cookiejar would not send
    over the plain connection the proxy makes to gunicorn."""

    cookies: dict[str, str] = field(default_factory=dict)

    def request(self, method: str, path: str, body: dict | None = None, headers: dict | None = None) -> Response:
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
        sent = {"Host": HOST, "X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.20", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = urlencode(body)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Origin"] = ORIGIN
            sent["Referer"] = ORIGIN + path
        connection.request(method, path, body=data, headers=sent)
        raw = connection.getresponse()
        response = Response(raw.status, raw.headers, raw.read())
        connection.close()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response

    def get(self, path: str, **headers: str) -> Response:
        return self.request("GET", path, headers=headers)


class Links(HTMLParser):
    """Every asset and link a page references."""

    def __init__(self) -> None:
        super().__init__()
        self.assets: set[str] = set()
        self.links: list[str] = []
        self.inputs: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and a.get("href") and a.get("rel", "") in {"stylesheet", "icon", "modulepreload", "preload"}:
            self.assets.add(a["href"])
        elif tag in {"script", "img"} and a.get("src"):
            self.assets.add(a["src"])
        elif tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "input" and a.get("name"):
            self.inputs[a["name"]] = a.get("value", "")


def parse(html: str) -> Links:
    links = Links()
    links.feed(html)
    return links


def check_page(browser: Browser, path: str, expect_type: str = "text/html") -> Response:
    response = browser.get(path)
    print(f"  {response.status} {path}", flush=True)
    if response.status != 200:
        miss(f"{path}: status {response.status}, expected 200")
    check_headers(path, response, html=expect_type == "text/html" and not path.startswith("/admin/"))
    if not response.header("Content-Type").startswith(expect_type):
        miss(f"{path}: Content-Type {response.header('Content-Type')!r}, expected {expect_type}")
    return response


def check_headers(path: str, response: Response, html: bool = True) -> None:
    """The security headers; a nonce in the policy of public HTML pages (the admin has its own
    policy with Wagtail's inline scripts allowed, core/headers.py)."""
    csp = response.header("Content-Security-Policy")
    if not csp:
        miss(f"{path}: no Content-Security-Policy")
    elif html and "'nonce-" not in csp:
        miss(f"{path}: Content-Security-Policy without a nonce")
    if "max-age=" not in response.header("Strict-Transport-Security"):
        miss(f"{path}: no Strict-Transport-Security")
    if response.header("X-Content-Type-Options") != "nosniff":
        miss(f"{path}: X-Content-Type-Options is not nosniff")
    if not response.header("Referrer-Policy"):
        miss(f"{path}: no Referrer-Policy")
    for marker in DEBUG_MARKERS:
        if marker in response.text:
            miss(f"{path}: debug output ({marker!r}) in the response")


def check_assets(browser: Browser, pages: dict[str, Response]) -> None:
    """Every stylesheet, script, font and image the pages reference, and what the CSS references."""
    assets = set()
    for path, response in pages.items():
        if response.header("Content-Type").startswith("text/html"):
            assets |= {urljoin(path, ref) for ref in parse(response.text).assets}
    checked: set[str] = set()
    while assets:
        url = assets.pop()
        if url in checked or not url.startswith("/"):
            if not url.startswith("/") and url not in checked:
                miss(f"an asset from another site: {url}")
            checked.add(url)
            continue
        checked.add(url)
        response = browser.get(url, **{"Accept-Encoding": "br, gzip"})
        path = urlsplit(url).path
        expected = next((t for ext, t in TYPES.items() if path.endswith(ext)), None)
        kind = response.header("Content-Type")
        if response.status != 200:
            miss(f"asset {url}: status {response.status}")
            continue
        if expected and not kind.startswith(expected):
            miss(f"asset {url}: Content-Type {kind!r}, expected {expected}")
        if path.startswith("/static/") and re.search(r"\.[0-9a-f]{12}\.", path):
            if "immutable" not in response.header("Cache-Control"):
                miss(f"asset {url}: hashed but not Cache-Control immutable ({response.header('Cache-Control')!r})")
            if path.endswith((".css", ".js", ".mjs", ".svg")) and response.header("Content-Encoding") != "br":
                miss(f"asset {url}: not served brotli-compressed to a browser that accepts it")
        elif path.startswith("/static/"):
            miss(f"asset {url}: not a hashed (cache-busting) name")
        if path.endswith(".css"):
            body = response.body
            if response.header("Content-Encoding") == "br":
                body = browser.get(url).body  # read the plain copy to find its references
            for ref in re.findall(r"""url\(\s*["']?([^"')]+)["']?\s*\)""", body.decode("utf-8", "replace")):
                if not ref.startswith("data:"):
                    assets.add(urljoin(url, ref.split("#")[0]))
    print(f"  {len(checked)} assets checked", flush=True)


def first_link(html: str, pattern: str) -> str | None:
    return next((href for href in parse(html).links if re.fullmatch(pattern, href)), None)


def check_sign_in(username: str, password: str, totp_key: str) -> None:
    """Password, then the second factor from the seeded device, through the proxy's HTTPS header."""
    from django_otp.oath import TOTP

    browser = Browser()
    page = browser.get("/admin/login/")
    check_headers("/admin/login/", page, html=False)
    if "__Host-csrftoken" not in browser.cookies:
        miss("/admin/login/: no __Host-csrftoken cookie")
    for cookie in page.headers.get_all("Set-Cookie") or []:
        if cookie.startswith("__Host-") and ("Secure" not in cookie or "Path=/" not in cookie or "Domain" in cookie):
            miss(f"/admin/login/: {cookie.split('=')[0]} is not a valid __Host- cookie ({cookie})")
    form = parse(page.text).inputs
    answer = browser.request(
        "POST",
        "/admin/login/",
        {"csrfmiddlewaretoken": form.get("csrfmiddlewaretoken", ""), "username": username, "password": password},
    )
    location = answer.header("Location")
    print(f"  {answer.status} POST /admin/login/ -> {location}", flush=True)
    if answer.status == 302 and location.startswith("/admin/") and "/2fa/" not in location:
        # The password is right; the admin then asks for the second factor before anything else.
        answer = browser.get(location)
        location = answer.header("Location")
        print(f"  {answer.status} GET /admin/ -> {location}", flush=True)
    if answer.status != 302 or "/admin/2fa/verify/" not in location:
        miss(f"sign-in: the password step answered {answer.status} to {location!r}, expected the second factor")
        return
    if "__Host-sessionid" not in browser.cookies:
        miss("sign-in: no __Host-sessionid cookie")
    verify_path = urlsplit(location).path + ("?" + urlsplit(location).query if urlsplit(location).query else "")
    verify = browser.get(verify_path)
    code = f"{TOTP(bytes.fromhex(totp_key)).token():06d}"
    inputs = parse(verify.text).inputs
    done = browser.request(
        "POST",
        verify_path,
        {"csrfmiddlewaretoken": inputs.get("csrfmiddlewaretoken", ""), "token": code, "next": "/admin/"},
    )
    print(f"  {done.status} POST /admin/2fa/verify/ -> {done.header('Location')}", flush=True)
    if done.status != 302:
        miss(f"sign-in: the second factor answered {done.status}")
        return
    dashboard = browser.get("/admin/")
    if dashboard.status != 200 or ("Sign out" not in dashboard.text and "Log out" not in dashboard.text):
        miss(f"sign-in: the dashboard answered {dashboard.status} without a signed-in page")
    else:
        print("  200 /admin/ signed in with password and second factor", flush=True)


def pages() -> None:
    browser = Browser()
    print("Public pages through the proxy:", flush=True)
    seen: dict[str, Response] = {}
    for path in ("/", "/resources/", "/events/", "/search/?q=strategy+meeting", "/admin/login/"):
        seen[path] = check_page(browser, path)
    # A resource with an attachment, so the download below has a document to fetch.
    resource = None
    for href in [h for h in parse(seen["/resources/"].text).links if re.fullmatch(r"/boroughs/[\w-]+/[\w-]+/", h)]:
        if first_link(browser.get(href).text, r"/documents/\d+/[^/]+"):
            resource = href
            break
    if resource is None:
        miss("no resource page with an attachment on /resources/")
    else:
        seen[resource] = check_page(browser, resource)
    borough = first_link(seen[resource].text, r"/boroughs/[\w-]+/") if resource else None
    event = first_link(seen["/events/"].text, r"/events/(?!feed/|calendar)[\w-]+/")
    for label, path in (("a borough page", borough), ("an event page", event)):
        if path is None:
            miss(f"no link to {label} found")
        else:
            seen[path] = check_page(browser, path)
    json_path = "/search/?q=strategy+meeting&format=json"
    answer = check_page(browser, json_path, "application/json")
    try:
        if not json.loads(answer.text).get("results"):
            miss(f"{json_path}: no results in the JSON")
    except ValueError:
        miss(f"{json_path}: not JSON")
    if event:
        check_page(browser, event + "calendar/", "text/calendar")
    check_page(browser, "/events/feed/", "application/atom+xml")
    check_page(browser, "/sitemap.xml", "application/xml")
    robots = check_page(browser, "/robots.txt", "text/plain")
    if f"Sitemap: {ORIGIN}/sitemap.xml" not in robots.text:
        miss(f"/robots.txt does not point at {ORIGIN}/sitemap.xml")
    if seen.get("/search/?q=strategy+meeting") and "govuk-" not in seen["/search/?q=strategy+meeting"].text:
        miss("the search page is not the exchange's page")

    print("Assets the pages reference:", flush=True)
    check_assets(browser, seen)

    print("Errors and downloads:", flush=True)
    missing = browser.get("/no-such-page-for-the-smoke-test/")
    print(f"  {missing.status} /no-such-page-for-the-smoke-test/", flush=True)
    if missing.status != 404 or "Page not found" not in missing.text:
        miss(f"a missing page answered {missing.status} without the exchange's own 404 page")
    check_headers("404 page", missing)
    check_download(browser, [seen[resource]] if resource else [])

    username, password, key = (os.environ.get(k, "") for k in ("SMOKE_USER", "SMOKE_PASSWORD", "SMOKE_TOTP_KEY"))
    print("Admin sign-in:", flush=True)
    check_sign_in(username, password, key)


def check_download(browser: Browser, resource_pages: list[Response]) -> None:
    """A document goes through the permission-checked view; MEDIA_ROOT itself is never served."""
    document = None
    for response in resource_pages:
        document = first_link(response.text, r"/documents/\d+/[^/]+")
        if document:
            break
    if document is None:
        miss("no document link on the resource page")
        return
    response = browser.get(document)
    print(f"  {response.status} {document}", flush=True)
    disposition, csp = response.header("Content-Disposition"), response.header("Content-Security-Policy")
    if response.status != 200:
        miss(f"{document}: status {response.status}")
    # PDFs open in the browser (which refuses to render one in a sandbox; uploads/serving.py);
    # every other type downloads, sandboxed.
    elif response.header("Content-Type") == "application/pdf":
        if not disposition.startswith("inline") or "default-src 'none'" not in csp:
            miss(f"{document}: a PDF without its own strict policy ({disposition!r}, {csp!r})")
    elif not disposition.startswith("attachment") or "sandbox" not in csp:
        miss(f"{document}: not a sandboxed download ({disposition!r}, {csp!r})")
    media = browser.get("/media/documents/" + document.rsplit("/", 1)[-1])
    if media.status != 404:
        miss(f"/media/documents/…: status {media.status}; uploaded files must only be served by the checked view")


def health(expect: str) -> dict:
    """/health/live and /health/ready as a load balancer asks them: by address, over plain HTTP."""
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    answers = {}
    for path in ("/health/live", "/health/ready"):
        connection.request("GET", path, headers={"Host": "127.0.0.1"})
        raw = connection.getresponse()
        body = raw.read().decode()
        print(f"  {raw.status} {path} {body}", flush=True)
        if raw.getheader("Cache-Control") != "no-store":
            miss(f"{path}: Cache-Control {raw.getheader('Cache-Control')!r}, expected no-store")
        try:
            answers[path] = (raw.status, json.loads(body))
        except ValueError:
            miss(f"{path}: not JSON")
            answers[path] = (raw.status, {})
    connection.close()
    if answers["/health/live"][0] != 200:
        miss(f"/health/live answered {answers['/health/live'][0]}")
    status, ready = answers["/health/ready"]
    if expect == "ready" and (status != 200 or ready.get("checks", {}).get("worker") != "ok"):
        miss(f"/health/ready answered {status} {ready}: expected 200 with the worker's heartbeat seen")
    if expect == "database-down" and (status != 503 or "database" not in ready.get("failing", [])):
        miss(f"/health/ready answered {status} {ready}: expected 503 naming the database")
    return ready


def ready() -> None:
    """After worker_heartbeat ran: every configured part answers, the worker included."""
    health("ready")


def error() -> None:
    """Called with the database stopped: a page that needs it must be the exchange's own 500 page,
    and the readiness probe names the database."""
    health("database-down")
    response = Browser().get("/search/?q=child+protection+conference")
    print(f"  {response.status} /search/ with the database stopped", flush=True)
    if response.status != 500 or "Sorry, there is a problem with the service" not in response.text:
        miss(f"with the database stopped, /search/ answered {response.status} without the exchange's 500 page")
    for marker in DEBUG_MARKERS:
        if marker in response.text:
            miss(f"the 500 page shows debug output ({marker!r})")


if __name__ == "__main__":
    {"pages": pages, "ready": ready, "error": error}[sys.argv[1]]()
    print(f"{len(misses)} missed" if misses else "all checks passed", flush=True)
    sys.exit(min(len(misses), 100))
