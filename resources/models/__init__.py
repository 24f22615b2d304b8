from .boroughs import BoroughIndexPage, BoroughPage
from .documents import ExchangeDocument
from .index import ResourceIndexPage
from .resource import RelatedResource, ResourceAttachment, ResourcePage, ResourcePageTag
from .vocabulary import Audience, CPStage, SoSElement

__all__ = [
    "Audience",
    "BoroughIndexPage",
    "BoroughPage",
    "CPStage",
    "ExchangeDocument",
    "RelatedResource",
    "ResourceAttachment",
    "ResourceIndexPage",
    "ResourcePage",
    "ResourcePageTag",
    "SoSElement",
]
