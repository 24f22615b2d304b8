"""The event editor's form: borough leads may only draft events their own publisher hosts, and
nothing identifying a child or family is published or submitted (GuardedPageForm).

Coordinators (and superusers) choose any host, London Councils by default. Publishing is
left to Wagtail's page permissions and the coordinator-approval workflow: leads hold only
'add' on /events/, so they draft and submit, and edit only the events they created.
"""

from typing import Any

from django.core.exceptions import ValidationError

from core.roles import is_coordinator
from resources.forms import GuardedPageForm
from resources.models import BoroughPage

DEFAULT_HOST_SLUG = "london-councils"


class EventPageForm(GuardedPageForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        host = self.fields.get("host")
        if host is None or self.for_user is None:
            return
        if is_coordinator(self.for_user):
            allowed = BoroughPage.objects.all()
            default = allowed.filter(slug=DEFAULT_HOST_SLUG).first()
        else:
            allowed = BoroughPage.objects.led_by(self.for_user)
            default = allowed.first()
        host.queryset = allowed.order_by("title")
        if not self.instance.host_id and default is not None:
            self.initial["host"] = default.pk

    def clean_host(self) -> BoroughPage:
        host = self.cleaned_data.get("host")
        if (
            host is not None
            and self.for_user is not None
            and not is_coordinator(self.for_user)
            and not BoroughPage.objects.led_by(self.for_user).filter(pk=host.pk).exists()
        ):
            raise ValidationError("You can only draft events hosted by a publisher you lead.")
        return host
