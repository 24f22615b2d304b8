from .boroughs import BoroughIndexPage, BoroughPage
from .documents import ExchangeDocument
from .index import ResourceIndexPage
from .network import Adoption, Membership, ReviewReminder
from .publisher_access import PublisherAccess
from .resource import RelatedResource, ResourceAttachment, ResourcePage, ResourcePageTag
from .vocabulary import Audience, CPStage, SoSElement
from .workflow import GuardedApprovalTask

__all__ = [
    "Adoption",
    "Audience",
    "BoroughIndexPage",
    "BoroughPage",
    "CPStage",
    "ExchangeDocument",
    "GuardedApprovalTask",
    "Membership",
    "PublisherAccess",
    "RelatedResource",
    "ResourceAttachment",
    "ResourceIndexPage",
    "ResourcePage",
    "ResourcePageTag",
    "ReviewReminder",
    "SoSElement",
]
