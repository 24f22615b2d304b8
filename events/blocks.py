"""StreamField blocks for an event's agenda."""

from wagtail import blocks

__all__ = ["AgendaBlock", "AgendaItemBlock"]


class AgendaItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(help_text="London time.")
    item = blocks.CharBlock(max_length=200)
    speaker = blocks.CharBlock(
        max_length=200, required=False, help_text="A role or team is enough, e.g. 'Principal social worker, Camden'."
    )

    class Meta:
        icon = "time"
        label = "Agenda item"


class AgendaBlock(blocks.StreamBlock):
    agenda_item = AgendaItemBlock()
