import re

from django import forms

from cenconsole.core.forms import AsciiIntegerField

from .. import selectors
from ..models import DeletionTicket
from .handling import BULK_ACTIONS
from .queue import QUEUE_FILTERS

TICKET_ID = re.compile(r"[0-9]{1,18}")  # ASCII digits, within a database integer


def _sorts():
    return [(key, key) for key in selectors.QUEUE_SORTS] + [(f"-{key}", f"-{key}") for key in selectors.QUEUE_SORTS]


class QueueQueryForm(forms.Form):
    """The queue's address: a filter, a status, a search, a column to sort by and a page, each
    optional. A part that is not one of the queue's is left out (the queue's default instead)."""

    queue = forms.ChoiceField(choices=QUEUE_FILTERS, required=False)
    status__exact = forms.ChoiceField(choices=DeletionTicket.Status.choices, required=False)
    q = forms.CharField(required=False, strip=True)
    o = forms.ChoiceField(choices=_sorts, required=False)
    p = AsciiIntegerField(min_value=1, required=False)

    def parts(self) -> dict:
        """The address's parts, each valid or empty; without a filter, the queue's default, or every
        ticket when a status or a search is chosen."""
        self.is_valid()
        parts = {name: self.cleaned_data.get(name) or "" for name in ("queue", "status__exact", "q", "o")}
        parts["p"] = self.cleaned_data.get("p") or 1
        if not parts["queue"]:
            parts["queue"] = "all" if parts["status__exact"] or parts["q"] else selectors.QUEUE_DEFAULT
        return parts

    def address(self) -> dict:
        """The parts the address gave and the queue knows (not the page): what its links keep."""
        self.is_valid()
        return {
            name: self.cleaned_data[name]
            for name in ("queue", "status__exact", "q", "o")
            if self.cleaned_data.get(name)
        }


class TicketIdsField(forms.Field):
    """The tickets ticked in the queue: their ids, as many as were posted (anything else is dropped)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        values = value if isinstance(value, list | tuple) else [value] if value else []
        return [int(item) for item in values if isinstance(item, str) and TICKET_ID.fullmatch(item)]


class SelectedTicketsForm(forms.Form):
    """The queue's Action menu and the tickets ticked for it (the admin's field names, which its script uses)."""

    action = forms.ChoiceField(choices=[(name, label) for name, (_verb, label) in BULK_ACTIONS.items()], required=False)
    _selected_action = TicketIdsField(required=False)
