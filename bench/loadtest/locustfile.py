"""Mixed traffic for the load test (bench/loadtest/run.py starts it): practitioners browsing,
searching and booking. Each simulated user is a separate client: it sends its own
X-Load-Client header (a made-up 10.x address), which the server under test reads as the client address
(RATELIMIT_IP_META_KEY), so per-address rate limits stay on and apply per person, as they
would to people in different offices.

Paths come from a JSON file the runner writes from the database (LOAD_PATHS). Every booking
the server confirmed is written to LOAD_BOOKED when the run stops, so the runner can check
that each one is in the database.
"""

import itertools
import json
import os
import random
import re

from locust import HttpUser, between, constant_throughput, events, task

PATHS = json.loads(open(os.environ["LOAD_PATHS"]).read())  # noqa: SIM115 -- read once at start
USER_RATE = float(os.environ.get("LOAD_USER_RATE", "1"))
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
BOOK_ACTION = re.compile(r'<form method="post" action="([^"]+)"')
_clients = itertools.count(1)
_bookings = itertools.count(1)
BOOKED: list[str] = []


class Practitioner(HttpUser):
    wait_time = constant_throughput(USER_RATE) if USER_RATE > 0 else between(0, 0)

    def on_start(self) -> None:
        n = next(_clients)  # a made-up private address per simulated person
        self.client.headers["X-Load-Client"] = f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"

    @task(3)
    def home(self) -> None:
        self.client.get("/", name="home")

    @task(5)
    def search(self) -> None:
        self.client.get(random.choice(PATHS["searches"]), name="search")  # noqa: S311 -- not security

    @task(3)
    def typeahead(self) -> None:
        self.client.get(f"/search/suggest/?q={random.choice(PATHS['prefixes'])}", name="typeahead")  # noqa: S311

    @task(5)
    def resource(self) -> None:
        self.client.get(random.choice(PATHS["resources"]), name="resource page")  # noqa: S311

    @task(2)
    def borough(self) -> None:
        self.client.get(random.choice(PATHS["boroughs"]), name="borough page")  # noqa: S311

    @task(1)
    def events_list(self) -> None:
        self.client.get("/events/", name="event list")

    @task(1)
    def book(self) -> None:
        event = random.choice(PATHS["events"])  # noqa: S311
        page = self.client.get(event, name="event page")
        token, action = CSRF.search(page.text), BOOK_ACTION.search(page.text)
        if page.status_code != 200 or not token or not action:
            return  # the GET is already counted as a failure if it failed
        address = f"attendee-{os.getpid()}-{next(_bookings)}@load-test.example"
        form = {
            "csrfmiddlewaretoken": token.group(1),
            "name": "Load Test Attendee",
            "email": address,
            "organisation": "Load test",
            "role": "Synthetic attendee",
        }
        headers = {"Referer": self.host + event}
        with self.client.post(
            action.group(1), data=form, headers=headers, name="booking", allow_redirects=False, catch_response=True
        ) as response:
            # Booked (or booked already, which the form answers alike: the link goes by email) is
            # a redirect back to the event page saying so; a refusal re-shows the form.
            if response.status_code == 302 and "booking=sent" in response.headers.get("Location", ""):
                BOOKED.append(address)
                response.success()
            else:
                response.failure(f"booking answered {response.status_code}")


@events.quitting.add_listener
def _write_bookings(environment, **_kwargs) -> None:
    with open(os.environ["LOAD_BOOKED"], "w") as file:
        json.dump(BOOKED, file)
