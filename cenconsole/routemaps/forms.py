"""Create Route Map / Modify Route Map: the main match conditions and actions, as the console's form
shows them. The rules (priorities unique per region and direction, the value forms) live in services;
the form only parses what was typed and names the service's errors by its own fields."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cenconsole.core.forms import AsciiIntegerField, add_service_errors, description_field
from cenconsole.networks.forms import region_choices
from cenconsole.regions.models import Region

from . import conditions
from .models import MAX_PRIORITY, MIN_PRIORITY, RouteMap

LIST_HELP = _("Optional. One per line (or separated by commas).")
# The form's list fields, by the API's name of the condition or action each sets.
LIST_FIELDS = {
    "source_region_ids": "SourceRegionIds",
    "source_instance_ids": "SourceInstanceIds",
    "destination_instance_ids": "DestinationInstanceIds",
    "route_types": "RouteTypes",
    "destination_cidr_blocks": "DestinationCidrBlocks",
    "match_asns": "MatchAsns",
    "match_community_set": "MatchCommunitySet",
    "prepend_as_path": "PrependAsPath",
}
MODE_FIELDS = {"cidr_match_mode": "CidrMatchMode"}
# The service's error keys (the API's parameter names) by the form field that shows them.
SERVICE_FIELDS = {
    "Priority": "priority",
    "NextPriority": "next_priority",
    "MapResult": "map_result",
    "TransmitDirection": "transmit_direction",
    "Preference": "preference",
    **{api_name: field for field, api_name in {**LIST_FIELDS, **MODE_FIELDS}.items()},
}


def _items(text: str) -> list[str]:
    return [item for item in re.split(r"[\s,]+", text or "") if item]


def _list_field(label):
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": 2}), help_text=LIST_HELP)


class RouteMapForm(forms.Form):
    """Create Route Map (every field) or Modify Route Map (its region, direction and route table stay)."""

    region = forms.ChoiceField(label=_("Region"))
    transmit_direction = forms.ChoiceField(label=_("Transmit Direction"), choices=RouteMap.Direction.choices)
    priority = AsciiIntegerField(
        label=_("Priority"),
        min_value=MIN_PRIORITY,
        max_value=MAX_PRIORITY,
        help_text=_("1 to 100; a smaller number goes first. Unique per region and direction."),
    )
    description = description_field()
    # Match conditions.
    source_region_ids = _list_field(_("Source Regions"))
    source_instance_ids = _list_field(_("Source Instance IDs"))
    destination_instance_ids = _list_field(_("Destination Instance IDs"))
    route_types = forms.MultipleChoiceField(
        label=_("Route Types"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[("System", _("System routes")), ("Custom", _("Custom routes")), ("BGP", _("BGP routes"))],
    )
    destination_cidr_blocks = _list_field(_("Route Prefixes"))
    cidr_match_mode = forms.ChoiceField(
        label=_("Prefix Match Mode"),
        required=False,
        choices=[("", _("Not set")), ("Include", _("Fuzzy match")), ("Complete", _("Exact match"))],
    )
    match_asns = _list_field(_("AS Paths"))
    match_community_set = _list_field(_("Communities"))
    # Actions.
    map_result = forms.ChoiceField(label=_("Policy Action"), choices=RouteMap.MapResult.choices)
    next_priority = AsciiIntegerField(
        label=_("Next Priority"),
        required=False,
        min_value=MIN_PRIORITY,
        max_value=MAX_PRIORITY,
        help_text=_("Optional, for Permit: the route map matched next; larger than Priority."),
    )
    preference = AsciiIntegerField(
        label=_("Route Priority"),
        required=False,
        min_value=MIN_PRIORITY,
        max_value=MAX_PRIORITY,
        help_text=_("Optional: the matched route's new priority, 1 to 100."),
    )
    prepend_as_path = _list_field(_("Prepend AS Path"))

    def __init__(self, *args, route_map: RouteMap | None = None, **kwargs):
        self.route_map = route_map
        if route_map is not None:  # shown on a GET; a disabled field's value on a POST
            kwargs["initial"] = self.initial_of(route_map)
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = region_choices(Region.objects.select_related("area"))
        if route_map is not None:  # the direction is fixed once made (ModifyCenRouteMap takes none)
            self.fields["transmit_direction"].disabled = True

    @staticmethod
    def initial_of(route_map: RouteMap) -> dict:
        given = route_map.conditions or {}
        initial = {
            "region": route_map.region_id,
            "transmit_direction": route_map.transmit_direction,
            "priority": route_map.priority,
            "description": route_map.description,
            "map_result": route_map.map_result,
            "next_priority": route_map.next_priority,
            "preference": given.get(conditions.PREFERENCE),
            "route_types": given.get("RouteTypes") or [],
        }
        for field, api_name in LIST_FIELDS.items():
            if field != "route_types":
                initial[field] = "\n".join(given.get(api_name) or [])
        for field, api_name in MODE_FIELDS.items():
            initial[field] = given.get(api_name) or ""
        return initial

    def conditions(self) -> dict:
        """Every condition and action: the form's own fields as typed, the rest kept as the route map
        has them (Modify sends the whole route map again; what the form does not show must stay)."""
        data = self.cleaned_data
        given = {**conditions.empty(), **(self.route_map.conditions if self.route_map else {})}
        for field, api_name in LIST_FIELDS.items():
            given[api_name] = list(data[field]) if field == "route_types" else _items(data[field])
        for field, api_name in MODE_FIELDS.items():
            given[api_name] = data[field]
        given[conditions.PREFERENCE] = data["preference"]
        return given

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        arguments = {
            "region_code": data["region"],
            "priority": data["priority"],
            "map_result": data["map_result"],
            "next_priority": data["next_priority"],
            "description": data["description"],
            "conditions": self.conditions(),
        }
        if self.route_map is None:
            arguments["transmit_direction"] = data["transmit_direction"]
        return arguments

    def add_service_errors(self, error: ValidationError) -> None:
        """The service's refusal beside the field it names (the service names the API's parameters)."""
        if hasattr(error, "error_dict"):
            error = ValidationError({SERVICE_FIELDS.get(key, key): value for key, value in error.error_dict.items()})
        add_service_errors(self, error)
