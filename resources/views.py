"""Public-site views of the resources app that are not pages: recording adoption."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from resources.models import BoroughPage, ResourcePage
from resources.services.adoption import AdoptionRefused, adopt, withdraw


@require_POST
def record_adoption(request: HttpRequest, page_id: int) -> HttpResponse:
    resource = ResourcePage.objects.live().visible_to(request.user).filter(pk=page_id).first()
    if resource is None:
        raise Http404("No such resource.")
    if not request.user.is_authenticated:
        return redirect_to_login(resource.url)
    borough = BoroughPage.objects.filter(slug=request.POST.get("borough", "")).first()
    action = request.POST.get("action")
    if borough is None or action not in ("adopt", "withdraw"):
        messages.error(request, "Choose your borough, then use the button again.")
        return redirect(resource.url + "#adoption")
    try:
        if action == "adopt":
            changed = adopt(resource, borough, request.user)
            text = f"Recorded: {borough.title} uses this resource." if changed else f"{borough.title} already uses it."
        else:
            changed = withdraw(resource, borough, request.user)
            text = f"Removed: {borough.title} no longer listed." if changed else f"{borough.title} was not listed."
    except AdoptionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, text)
    return redirect(resource.url + "#adoption")
