"""The benchmark's URLs: the project's own, and the bare view the benchmark compares pages against."""

from django.urls import path

from bench.views import hello
from exchange.urls import urlpatterns as project_urls

# Before the project's URLs: Wagtail's page serving at their end would answer for it otherwise.
urlpatterns = [path("_bench/hello/", hello), *project_urls]
