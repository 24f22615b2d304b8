from .booking import Booking
from .event import EventNotes, EventPage, EventPageTag, EventRelatedResource
from .index import EventIndexPage

__all__ = ["Booking", "EventIndexPage", "EventNotes", "EventPage", "EventPageTag", "EventRelatedResource"]
