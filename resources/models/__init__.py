from .boroughs import BoroughIndexPage, BoroughPage
from .index import ResourceIndexPage
from .resource import RelatedResource, ResourceAttachment, ResourcePage, ResourcePageTag
from .vocabulary import Audience, CPStage, SoSElement

__all__ = [
    "Audience",
    "BoroughIndexPage",
    "BoroughPage",
    "CPStage",
    "RelatedResource",
    "ResourceAttachment",
    "ResourceIndexPage",
    "ResourcePage",
    "ResourcePageTag",
    "SoSElement",
]
