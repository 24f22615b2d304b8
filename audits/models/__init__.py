from .returns import Answer, AuditReturn
from .rounds import AuditAccess, AuditRound, RoundBorough
from .tools import AuditQuestion, AuditTool, AuditToolVersion, RatingScale, ToolQuestion

__all__ = [
    "Answer",
    "AuditAccess",
    "AuditQuestion",
    "AuditReturn",
    "AuditRound",
    "AuditTool",
    "AuditToolVersion",
    "RatingScale",
    "RoundBorough",
    "ToolQuestion",
]
