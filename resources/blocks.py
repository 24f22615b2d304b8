"""StreamField blocks for resource bodies."""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock

__all__ = [
    "DocumentLinkBlock",
    "HeadingBlock",
    "HowToStepsBlock",
    "PracticeExampleBlock",
    "ResourceBodyBlock",
]


class HeadingBlock(blocks.CharBlock):
    """A section heading; rendered as h2 so the page keeps one h1 and a sane outline."""

    class Meta:
        icon = "title"
        template = "components/blocks/heading.html"
        form_classname = "title"


class HowToStepsBlock(blocks.StructBlock):
    intro = blocks.CharBlock(
        required=False,
        label="Heading",
        help_text="Optional heading above the steps, for example 'How to use the tool' or 'Common pitfalls'.",
    )
    steps = blocks.ListBlock(
        blocks.TextBlock(help_text="One step, in the order a practitioner does it."),
        min_num=1,
    )

    class Meta:
        icon = "list-ol"
        label = "Numbered steps"
        template = "components/blocks/how_to_steps.html"


class PracticeExampleBlock(blocks.StructBlock):
    quote = blocks.TextBlock(help_text="Anonymised: no names or details of any child or family.")
    attribution = blocks.CharBlock(
        required=False, help_text="A role, never a person's name, e.g. 'Conference chair, north London'."
    )

    class Meta:
        icon = "openquote"
        label = "Practice example or quote"
        template = "components/blocks/practice_example.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    description = blocks.CharBlock(required=False)

    class Meta:
        icon = "doc-full"
        label = "Document link"
        template = "components/blocks/document_link.html"


class ResourceBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul", "h3"])
    how_to = HowToStepsBlock()
    practice_example = PracticeExampleBlock()
    document = DocumentLinkBlock()
    table = TableBlock(template="components/blocks/table.html")
