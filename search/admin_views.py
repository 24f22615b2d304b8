"""Coordinator screens in the Wagtail admin: tags (rename, merge, likely duplicates) and search insights.

Views only check permission, validate the form and call search.tag_maintenance or
search.insights; every change is a POST followed by a redirect, so reloading repeats nothing.
"""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.db.models.functions import Lower
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView, TemplateView, View
from taggit.models import Tag
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import BaseListingView, WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from core.admin_permissions import PermissionRequiredMixin
from search.insights import PERIODS, parse_period, top_queries, zero_result_queries
from search.tag_maintenance import (
    MAX_NAME_LENGTH,
    MergeResult,
    clean_tag_name,
    likely_duplicates,
    merge_tags,
    rename_tag,
    tags_with_usage,
)

MANAGE_TAGS = "search.manage_tags"
VIEW_SEARCH_LOG = "search.view_searchlog"


class RenameTagForm(forms.Form):
    name = forms.CharField(
        label="New name",
        max_length=MAX_NAME_LENGTH,
        help_text="If another tag already has this name (in any case), the two tags are merged.",
    )

    def clean_name(self) -> str:
        try:
            return clean_tag_name(self.cleaned_data["name"])
        except ValueError as error:
            raise ValidationError(str(error)) from error


class MergeTagsForm(forms.Form):
    sources = forms.ModelMultipleChoiceField(
        queryset=Tag.objects.all(),
        label="Tags to merge",
        error_messages={"required": "Tick at least one tag to merge in the list."},
    )
    target = forms.ModelChoiceField(
        queryset=Tag.objects.order_by(Lower("name"), "name"),
        label="Merge into",
        empty_label="Choose the tag to keep",
        help_text="Resources with a ticked tag get this tag instead; old tag pages redirect here.",
        error_messages={"required": "Choose the tag to keep."},
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        sources, target = cleaned.get("sources"), cleaned.get("target")
        if sources is not None and target is not None:
            # Ticking the tag to keep along with the others is natural; ticking only it is a mistake.
            others = sources.exclude(pk=target.pk)
            if not others.exists():
                self.add_error("target", f"“{target.name}” cannot be merged into itself: tick other tags to merge.")
            cleaned["sources"] = others
        return cleaned


def merge_valid_form(request: HttpRequest, form: MergeTagsForm) -> str | None:
    """Merge the tags a valid form names and say so; the reason if the merge was refused."""
    try:
        result = merge_tags(form.cleaned_data["sources"], form.cleaned_data["target"], user=request.user)
    except ValueError as error:
        return str(error)
    messages.success(request, merged_message(result))
    return None


def merged_message(result: MergeResult) -> str:
    names = ", ".join(f"“{name}”" for name in result.merged_names)
    return f"Merged {names} into “{result.target.name}” ({result.resources} resources updated)."


class TagIndexView(PermissionRequiredMixin, BaseListingView):
    """Every tag with its usage, a rename form per row and a merge form for the ticked rows."""

    permission = MANAGE_TAGS
    page_title = "Tags"
    header_icon = "tag"
    template_name = "search/admin/tags.html"
    results_template_name = "search/admin/tags_results.html"
    index_url_name = "search_tags:index"
    index_results_url_name = "search_tags:index_results"
    paginate_by = 50
    is_searchable = True
    search_fields = ["name"]
    default_ordering = "name"
    columns = [
        Column("name", label="Tag", sort_key="name"),
        Column("num_resources", label="Resources", sort_key="num_resources"),
    ]
    merge_form: MergeTagsForm | None = None

    def get_base_queryset(self) -> QuerySet[Tag]:
        return tags_with_usage()

    def order_queryset(self, queryset: QuerySet[Tag]) -> QuerySet[Tag]:
        # A tie-break keeps pages stable when many tags share a count.
        return queryset.order_by(self.ordering, "name")

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = MergeTagsForm(request.POST)
        if form.is_valid():
            refused = merge_valid_form(request, form)
            if refused is None:
                return redirect(request.get_full_path())
            form.add_error(None, refused)
        messages.validation_error(request, "The tags could not be merged. Check the form below.", form)
        self.merge_form = form
        return self.get(request, *args, **kwargs)

    def get_context_data(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(*args, **kwargs)
        form = self.merge_form or MergeTagsForm()
        query = self.request.GET.copy()
        query.pop("_w_filter_fragment", None)
        context.update(
            merge_form=form,
            # Forms post back to, and rename returns to, the listing as the coordinator left it.
            listing_url=f"{self.index_url}?{query.urlencode()}" if query else self.index_url,
            selected_sources=set(form.data.getlist("sources")) if form.is_bound else set(),
        )
        return context


class TagIndexResultsView(TagIndexView):
    """The listing alone, which the admin's search box swaps in as the coordinator types."""

    results_only = True
    http_method_names = ["get"]


class RenameTagView(PermissionRequiredMixin, WagtailAdminTemplateMixin, FormView):
    permission = MANAGE_TAGS
    form_class = RenameTagForm
    template_name = "search/admin/rename_tag.html"
    page_title = "Rename tag"
    header_icon = "tag"

    @cached_property
    def tag(self) -> Tag:
        return get_object_or_404(Tag, pk=self.kwargs["pk"])

    def get_page_subtitle(self) -> str:
        return self.tag.name

    def get_initial(self) -> dict[str, Any]:
        return {"name": self.tag.name}

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse("search_tags:index"), "label": "Tags"},
            {"url": "", "label": f"Rename “{self.tag.name}”"},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            tag=self.tag,
            action_url=self.request.path,
            next_url=get_valid_next_url_from_request(self.request),
            submit_button_label="Rename",
            submit_button_active_label="Renaming…",
        )
        return context

    def form_valid(self, form: RenameTagForm) -> HttpResponse:
        old_name, old_pk = self.tag.name, self.tag.pk
        try:
            survivor = rename_tag(self.tag, form.cleaned_data["name"], user=self.request.user)
        except ValueError as error:
            form.add_error("name", str(error))
            return self.form_invalid(form)
        if survivor.pk != old_pk:
            messages.success(self.request, f"Merged “{old_name}” into “{survivor.name}”, which already existed.")
        elif survivor.name != old_name:
            messages.success(self.request, f"Renamed “{old_name}” to “{survivor.name}”.")
        else:
            messages.info(self.request, f"“{old_name}” already has that name.")
        return redirect(get_valid_next_url_from_request(self.request) or reverse("search_tags:index"))

    def form_invalid(self, form: RenameTagForm) -> HttpResponse:
        messages.validation_error(self.request, "The tag could not be renamed. Check the form below.", form)
        return super().form_invalid(form)


class DuplicateTagsReport(PermissionRequiredMixin, ReportView):
    """Groups from likely_duplicates(), each with a one-click merge into its most used tag."""

    permission = MANAGE_TAGS
    page_title = "Likely duplicate tags"
    header_icon = "tag"
    index_url_name = "search_tags:duplicates"
    results_template_name = "search/admin/duplicates_results.html"
    verbose_name_plural = "likely duplicate tags"
    paginate_by = 50

    def get_queryset(self) -> list[list[Tag]]:
        return likely_duplicates()


class MergeGroupView(PermissionRequiredMixin, View):
    """The report's one-click merge. Its form is hidden, so a failure can only mean stale data."""

    permission = MANAGE_TAGS
    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        form = MergeTagsForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Those tags have changed since the report was shown. Check the report again.")
        elif (refused := merge_valid_form(request, form)) is not None:
            messages.error(request, refused)
        return redirect("search_tags:duplicates")


class SearchInsightsView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """The most frequent queries, and those that found nothing, over the last 30 or 90 days."""

    permission = VIEW_SEARCH_LOG
    template_name = "search/admin/insights.html"
    page_title = "Search insights"
    header_icon = "search"
    limit = 25

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        days = parse_period(self.request.GET.get("period"))
        context.update(
            days=days,
            periods=PERIODS,
            top=top_queries(days, self.limit),
            zero=zero_result_queries(days, self.limit),
        )
        return context
