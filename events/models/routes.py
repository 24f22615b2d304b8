"""How the event pages' routes reach the views that answer them."""

from types import ModuleType


def views() -> ModuleType:
    """events.views, imported when a route is called.

    Wagtail routes these requests on the page models (RoutablePageMixin), and the views need the
    models, so the models cannot import the views while they load: the one import of the project
    inside a function that the floors (pyproject.toml) cannot remove.
    """
    from events import views as module

    return module
