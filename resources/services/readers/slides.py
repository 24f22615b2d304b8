"""Text of a PowerPoint deck (PPTX): slides, speaker notes and comments, its properties, and as
hidden content everything else it holds (layouts, charts, link addresses, embedded files)."""

from typing import Any

from .hidden import hidden_text
from .zipped import MAX_TEXT, all_text, ooxml_properties, open_archive, paragraphs, parts_matching

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def read_pptx(data: bytes) -> tuple[str, dict[str, Any]]:
    with open_archive(data) as archive:
        metadata = ooxml_properties(archive)
        slides = parts_matching(archive, "ppt/slides/slide")
        notes = parts_matching(archive, "ppt/notesSlides/notesSlide")
        comments = parts_matching(archive, "ppt/comments/")
        read = {
            n for n in archive.namelist() if n.startswith(("ppt/slides/slide", "ppt/notesSlides/", "ppt/comments/"))
        }
        hidden = hidden_text(archive, read=read)
    if hidden:
        metadata["hidden_text"] = hidden
    lines = [line for root in slides + notes for line in paragraphs(root, f"{A}p", f"{A}t")]
    if comments:
        metadata["comments_text"] = all_text(comments)
        metadata["comment_count"] = sum(1 for root in comments for _ in root.iter("{*}cm"))
    return "\n".join(line for line in lines if line.strip())[:MAX_TEXT], metadata
