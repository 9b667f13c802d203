"""The Route Table tab's forms: Create Route Table and Modify, Add Route Entry and Modify, Create
Association and Enable Route Learning. They parse what was typed; the rules (the system table stays,
one static route per destination, one association per connection) live in services/route_tables.py
and services/route_table_links.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cenconsole.core.forms import description_field, name_field

from .models import TransitRouterRouteEntry

NO, YES = "no", "yes"
UNKNOWN_CONNECTION = _("Select one of this transit router's connections.")


def connection_label(attachment_id: str, kind: tuple[str, str] | None) -> str:
    """A connection as a choice reads: its ID, then the type and ID of what it connects."""
    return f"{attachment_id} ({kind[0]} {kind[1]})" if kind else attachment_id


class RouteTableForm(forms.Form):
    """Create Route Table, or Modify on a route table: its name and description."""

    name = name_field()
    description = description_field(widget=forms.Textarea(attrs={"rows": 2}))

    def service_arguments(self) -> dict:
        return {"name": self.cleaned_data["name"], "description": self.cleaned_data["description"]}


class RouteEntryForm(forms.Form):
    """Add Route Entry: a destination CIDR block, and a blackhole or a connection of the router as the
    next hop. Modify (modify=True) changes only the name and description (UpdateTransitRouterRouteEntry)."""

    name = name_field()
    destination_cidr = forms.CharField(
        label=_("Destination CIDR"), max_length=18, help_text=_("Such as 192.168.10.0/24.")
    )
    blackhole = forms.ChoiceField(
        label=_("Blackhole Route"),
        choices=[(NO, _("No")), (YES, _("Yes"))],
        initial=NO,
        widget=forms.RadioSelect,
        help_text=_("Yes: traffic to the destination is dropped, and no next hop is set."),
    )
    next_hop = forms.ChoiceField(label=_("Next Hop"), required=False)
    description = description_field(widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, connections: dict | None = None, modify: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["next_hop"].choices = [("", _("Select a connection"))] + [
            (attachment_id, connection_label(attachment_id, kind))
            for attachment_id, kind in (connections or {}).items()
        ]
        if modify:
            for field in ("destination_cidr", "blackhole", "next_hop"):
                del self.fields[field]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        arguments = {"name": data["name"], "description": data["description"]}
        if "destination_cidr" in self.fields:
            blackhole = data["blackhole"] == YES
            arguments |= {
                "destination_cidr": data["destination_cidr"],
                "next_hop_type": (
                    TransitRouterRouteEntry.NextHopType.BLACKHOLE
                    if blackhole
                    else TransitRouterRouteEntry.NextHopType.ATTACHMENT
                ),
                "next_hop_id": "" if blackhole else data["next_hop"],
            }
        return arguments


class RouteTableLinkForm(forms.Form):
    """Create Association or Enable Route Learning: one of the router's connections."""

    attachment = forms.ChoiceField(
        label=_("Connection"), error_messages={"required": UNKNOWN_CONNECTION, "invalid_choice": UNKNOWN_CONNECTION}
    )

    def __init__(self, *args, choices: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachment"].choices = [("", _("Select a connection")), *choices]
