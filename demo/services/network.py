"""The demo network: written for this project, with no personal data about anyone."""

import shutil
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.models import Site

from core.progress import Progress, no_progress
from demo.attachments import CONTENT as DEMO_DIR
from demo.files import write_attachments
from home.models import HomePage, HomePageFeatured
from resources.models import Adoption, BoroughPage, ResourcePage
from resources.services.importer import ImportReport, import_resources

# Resources editors would pick for the home page, by (publisher slug, source_id).
# Which boroughs record using whose resources, so "Used in N boroughs" has something to show.
ADOPTIONS = (
    ("camden", "cam-001", ("hackney", "islington", "lambeth", "southwark")),
    ("hackney", "hck-001", ("camden", "croydon", "lewisham")),
    ("tower-hamlets", "th-001", ("newham", "redbridge")),
    ("croydon", "cro-001", ("sutton", "merton", "kingston-upon-thames", "bromley", "bexley")),
)

FEATURED = (
    ("london-councils", "lc-001"),
    ("camden", "cam-001"),
    ("hackney", "hck-001"),
)


def load_demo_network(workdir: Path, progress: Progress = no_progress) -> ImportReport:
    """Generate the demo attachments into `workdir`, import the demo resources, then dress the site.

    The import file and its attachments must sit in one folder (the importer's rule), so
    both are laid out in `workdir`, which the caller removes afterwards.
    """
    shutil.copy(DEMO_DIR / "resources.json", workdir / "resources.json")
    write_attachments(workdir)
    report = import_resources(workdir / "resources.json", progress=progress)
    if report.ok:
        with transaction.atomic():
            set_site_address()
            _set_publisher_contacts()
            _set_featured()
            _set_adoptions()
    return report


def set_site_address() -> None:
    """Make the default site's address WAGTAILADMIN_BASE_URL's, so the sitemap, Open Graph links
    and printed addresses name the address the site is served at (`make run` sets it to its own)."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    if not address.hostname:
        return
    port = address.port or (443 if address.scheme == "https" else 80)
    Site.objects.filter(is_default_site=True).exclude(hostname=address.hostname, port=port).update(
        hostname=address.hostname, port=port
    )
    Site.clear_site_root_paths_cache()


def _set_publisher_contacts() -> None:
    """Give every publisher a role mailbox on a reserved domain, so contact details are never real."""
    for borough in BoroughPage.objects.filter(contact_email=""):
        borough.contact_name = "Safeguarding practice and quality assurance team"
        borough.contact_email = f"practice-exchange@{borough.slug}.example"
        borough.save_revision().publish()


def _set_featured() -> None:
    home = HomePage.objects.first()
    if home is None or home.featured.exists():
        return
    for order, (borough_slug, source_id) in enumerate(FEATURED):
        resource = ResourcePage.objects.filter(borough__slug=borough_slug, source_id=source_id).first()
        if resource:
            HomePageFeatured.objects.create(page=home, resource=resource, sort_order=order)


def _set_adoptions() -> None:
    for publisher_slug, source_id, adopters in ADOPTIONS:
        resource = ResourcePage.objects.filter(borough__slug=publisher_slug, source_id=source_id).first()
        for borough in BoroughPage.objects.filter(slug__in=adopters):
            if resource:
                Adoption.objects.get_or_create(resource=resource, borough=borough)
