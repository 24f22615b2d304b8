from .access import PublisherAccess
from .boroughs import BoroughIndexPage, BoroughPage
from .documents import ExchangeDocument
from .index import ResourceIndexPage
from .resource import RelatedResource, ResourceAttachment, ResourcePage, ResourcePageTag
from .vocabulary import Audience, CPStage, SoSElement
from .workflow import GuardedApprovalTask

__all__ = [
    "Audience",
    "BoroughIndexPage",
    "BoroughPage",
    "CPStage",
    "ExchangeDocument",
    "GuardedApprovalTask",
    "PublisherAccess",
    "RelatedResource",
    "ResourceAttachment",
    "ResourceIndexPage",
    "ResourcePage",
    "ResourcePageTag",
    "SoSElement",
]
