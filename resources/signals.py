"""Keep a resource's denormalised `borough` equal to its parent page when it moves."""

from typing import Any

from django.dispatch import receiver
from wagtail.signals import post_page_move

from resources.models import BoroughPage, ResourcePage


@receiver(post_page_move)
def update_borough_after_move(sender: type, instance: Any, parent_page_after: Any, **kwargs: Any) -> None:
    if not issubclass(sender, ResourcePage):
        return
    borough_id = parent_page_after.pk if isinstance(parent_page_after.specific, BoroughPage) else None
    ResourcePage.objects.filter(pk=instance.pk).update(borough_id=borough_id)
