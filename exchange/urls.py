from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.account import LoginView, PasswordResetView
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views.serve import authenticate_with_password as document_password

from accounts.views import rate_limited_password_reset, rate_limited_sign_in
from resources.admin_visibility import VisiblePageTypesUsageReport, tag_autocomplete
from uploads.serving import serve_document


def _wagtail_view(name: str):
    """Wagtail's own view for a front-end URL name, so its configuration (templates) is kept."""
    return next(p.callback for p in wagtail_urls.urlpatterns if getattr(p, "name", None) == name)


urlpatterns = [
    # Every form that takes a password, rate limited per address, ahead of the includes that also
    # define them (tests/security/test_sign_in_limits.py finds them all in this configuration).
    path("django-admin/login/", rate_limited_sign_in(admin.site.login)),
    path("admin/login/", rate_limited_sign_in(LoginView.as_view()), name="wagtailadmin_login"),
    # Members' sign-in for private pages, and the password forms of password-restricted pages and documents.
    path("_util/login/", rate_limited_sign_in(_wagtail_view("wagtailcore_login")), name="wagtailcore_login"),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        rate_limited_sign_in(wagtail_views.authenticate_with_password),
        name="wagtailcore_authenticate_with_password",
    ),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        rate_limited_sign_in(document_password),
        name="wagtaildocs_authenticate_with_password",
    ),
    path(
        "admin/password_reset/",
        rate_limited_password_reset(PasswordResetView.as_view()),
        name="wagtailadmin_password_reset",
    ),
    # Wagtail's views of these read every page or tag; the exchange's list only what the user may
    # see (resources.admin_visibility). Same addresses, so Wagtail's links reach them.
    path("admin/tag-autocomplete/", never_cache(require_admin_access(tag_autocomplete))),
    path(
        "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/", never_cache(require_admin_access(tag_autocomplete))
    ),
    path("admin/reports/page-types-usage/", never_cache(require_admin_access(VisiblePageTypesUsageReport.as_view()))),
    path(
        "admin/reports/page-types-usage/results/",
        never_cache(require_admin_access(VisiblePageTypesUsageReport.as_view(results_only=True))),
    ),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    # Before Wagtail's own pattern of the same name, so downloads get the exchange's headers.
    re_path(r"^documents/(\d+)/(.*)$", serve_document, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
    path("", include("search.urls")),
    path("", include("resources.urls")),
    # Wagtail serves only slug-like paths ending in /, so the .ics address is a plain URL.
    path("", include("events.urls")),
    path("", include("audits.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Images only: documents are always downloaded through the view above, which checks
    # permissions, so MEDIA_ROOT/documents is never public (not even while developing).
    for folder in ("images", "original_images"):
        urlpatterns += static(f"{settings.MEDIA_URL}{folder}/", document_root=settings.MEDIA_ROOT / folder)

# Wagtail's page serving catches everything else, so it goes last.
urlpatterns += [path("", include(wagtail_urls))]
