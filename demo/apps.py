from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo network (load_demo, create_demo_admin): the top floor, which nothing else imports."""

    name = "demo"
    default_auto_field = "django.db.models.BigAutoField"
