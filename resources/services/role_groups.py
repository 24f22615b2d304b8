"""Create and keep in step the groups, permissions and workflow behind the network's roles.

Written against an app registry (``apps``) so that the data migration (historical models)
and the running site (when a publisher is added, or made trusted) share one implementation.
Historical models have no treebeard methods, so collection paths come from
core.migration_helpers.next_child_path.
Every function is idempotent: running it again changes nothing.
"""

from typing import Any

from core.migration_helpers import next_child_path
from core.roles import COORDINATORS, NETWORK_MEMBERS, leads_group_name

WORKFLOW_NAME = "Cross-borough review"
TASK_NAME = "Coordinator approval"

LEAD_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page")
COORDINATOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
DOCUMENT_PERMISSIONS = ("add", "change", "choose")
COORDINATOR_MODEL_PERMISSIONS = (
    ("search", "manage_tags"),
    ("search", "view_searchlog"),
    ("search", "add_synonymgroup"),
    ("search", "change_synonymgroup"),
    ("search", "delete_synonymgroup"),
    ("resources", "view_publisheraccess"),
    ("resources", "change_publisheraccess"),
    ("resources", "override_guard"),
    ("resources", "view_network_reports"),
)


def _permission(apps: Any, app_label: str, codename: str) -> Any:
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _collection_child(apps: Any, name: str) -> Any:
    """The root collection's child called ``name``, created at the end of the root's children if missing."""
    Collection = apps.get_model("wagtailcore", "Collection")
    root = Collection.objects.get(depth=1)
    found = Collection.objects.filter(depth=2, path__startswith=root.path, name=name).first()
    if found:
        return found
    child = Collection.objects.create(name=name, path=next_child_path(Collection.objects, root), depth=2, numchild=0)
    Collection.objects.filter(pk=root.pk).update(numchild=Collection.objects.filter(depth=2).count())
    return child


def _grant_documents(apps: Any, group: Any, collection: Any) -> None:
    """Add, change and choose documents and images in ``collection`` (and the collections below it).

    Wagtail checks a custom document model against wagtaildocs.Document's permissions.
    """
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for action in DOCUMENT_PERMISSIONS:
        for app_label, codename in (("wagtaildocs", f"{action}_document"), ("wagtailimages", f"{action}_image")):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_permission(apps, app_label, codename)
            )


def sync_publisher_access(apps: Any, publisher_ids: list[int] | None = None) -> None:
    """Give each publisher (all, or those in ``publisher_ids``) its leads group, collection and page permissions."""
    BoroughPage = apps.get_model("resources", "BoroughPage")
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    PublisherAccess = apps.get_model("resources", "PublisherAccess")
    access_admin = _permission(apps, "wagtailadmin", "access_admin")
    publish = _permission(apps, "wagtailcore", "publish_page")

    publishers = BoroughPage.objects.order_by("path")
    if publisher_ids is not None:
        publishers = publishers.filter(pk__in=publisher_ids)
    for publisher in publishers:
        access = PublisherAccess.objects.filter(publisher_id=publisher.pk).first()
        if access is None:
            group, _ = Group.objects.get_or_create(name=leads_group_name(publisher.title))
            collection = _collection_child(apps, publisher.title)
            access = PublisherAccess.objects.create(publisher_id=publisher.pk, leads_group=group, collection=collection)
        group = access.leads_group
        group.permissions.add(access_admin)
        for codename in LEAD_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=publisher.pk, permission=_permission(apps, "wagtailcore", codename)
            )
        # Trust is the only thing that lets leads publish; taking it away takes the permission away.
        if access.trusted:
            GroupPagePermission.objects.get_or_create(group=group, page_id=publisher.pk, permission=publish)
        else:
            GroupPagePermission.objects.filter(group=group, permission=publish).delete()
        _grant_documents(apps, group, access.collection)


def sync_network_roles(apps: Any) -> None:
    """Coordinators (moderate and publish anywhere) and Network members (readers, no admin)."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    Page = apps.get_model("wagtailcore", "Page")

    Group.objects.get_or_create(name=NETWORK_MEMBERS)
    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS)
    coordinators.permissions.add(_permission(apps, "wagtailadmin", "access_admin"))
    for app_label, codename in COORDINATOR_MODEL_PERMISSIONS:
        coordinators.permissions.add(_permission(apps, app_label, codename))
    home = Page.objects.filter(depth=2).order_by("path").first()
    if home is not None:
        for codename in COORDINATOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=coordinators, page=home, permission=_permission(apps, "wagtailcore", codename)
            )
        _sync_workflow(apps, coordinators, home)
    _grant_documents(apps, coordinators, Collection.objects.get(depth=1))


def _sync_workflow(apps: Any, coordinators: Any, home: Any) -> None:
    """Every page under home goes through coordinator approval unless its author may publish."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("resources", "GuardedApprovalTask")

    task = Task.objects.filter(name=TASK_NAME).first()
    if task is None:
        content_type, _ = ContentType.objects.get_or_create(app_label="resources", model="guardedapprovaltask")
        task = Task.objects.create(name=TASK_NAME, content_type=content_type, active=True)
    task.groups.add(coordinators)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
