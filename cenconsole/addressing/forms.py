"""Add CIDR Block, Add Route Aggregation and Associate Prefix List (and their Modify): the forms only parse
what was typed; the rules (prefix lengths, overlaps, quotas, scopes, next hops) live in the services, whose
errors name the same fields as these forms (cidr, name, description, scope, prefix_list, next_hop)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cenconsole.core.forms import description_field, name_field

from .models import PrefixListAssociation, TransitRouteTableAggregation


class CidrForm(forms.Form):
    """Add CIDR Block / Modify CIDR Block (CreateTransitRouterCidr / ModifyTransitRouterCidr)."""

    cidr = forms.CharField(
        label=_("CIDR Block"),
        max_length=18,
        help_text=_("Such as 192.168.10.0/24: a prefix length from /16 to /24, unique in the CEN instance."),
    )
    name = name_field()
    description = description_field(widget=forms.Textarea(attrs={"rows": 2}))
    publish_cidr_route = forms.BooleanField(
        label=_("Publish CIDR Route"),
        required=False,
        help_text=_(
            "Adds a blackhole route to the CIDR block to the transit router's route tables, advertised to the "
            "VBRs connected to the router."
        ),
    )

    def __init__(self, *args, block=None, **kwargs):
        if block is not None:
            kwargs["initial"] = {
                "cidr": block.cidr,
                "name": block.name,
                "description": block.description,
                "publish_cidr_route": block.publish_cidr_route,
            }
        else:
            kwargs.setdefault("initial", {"publish_cidr_route": True})
        super().__init__(*args, **kwargs)

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {key: data[key] for key in ("cidr", "name", "description", "publish_cidr_route")}


class AggregationForm(forms.Form):
    """Add Route Aggregation / Modify (Create/ModifyTransitRouteTableAggregation): the block stays once made
    (it names the aggregate route)."""

    cidr = forms.CharField(
        label=_("Aggregate Destination CIDR Block"),
        max_length=18,
        help_text=_("Such as 10.0.0.0/8. Blocks starting with 0 or 100.64, and multicast blocks, are not supported."),
    )
    name = name_field()
    description = description_field(widget=forms.Textarea(attrs={"rows": 2}))
    scope = forms.ChoiceField(
        label=_("Publish To"),
        choices=[(scope, _("VPC")) for scope in TransitRouteTableAggregation.SCOPES],
        help_text=_("The aggregate route is advertised to the VPCs whose connections are associated with the table."),
    )

    def __init__(self, *args, aggregation=None, **kwargs):
        if aggregation is not None:
            kwargs["initial"] = {
                "cidr": aggregation.cidr,
                "name": aggregation.name,
                "description": aggregation.description,
                "scope": aggregation.scope or next(iter(aggregation.scope_list), ""),
            }
        super().__init__(*args, **kwargs)
        if aggregation is not None:
            self.fields["cidr"].disabled = True

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {key: data[key] for key in ("cidr", "name", "description", "scope")}


class PrefixListAssociationForm(forms.Form):
    """Associate Prefix List (CreateTransitRouterPrefixListAssociation): the prefix list and its next hop,
    a connection of the router or a blackhole."""

    prefix_list = forms.CharField(
        label=_("Prefix List"), max_length=40, help_text=_("The ID of one of your prefix lists, such as pl-bp1example.")
    )
    next_hop = forms.ChoiceField(label=_("Next Hop"))

    def __init__(self, *args, connections=None, **kwargs):
        """connections: the router's connections, {ID: (resource type, resource ID)}."""
        super().__init__(*args, **kwargs)
        choices = [(PrefixListAssociation.BLACKHOLE, _("Blackhole"))]
        choices += [
            (connection_id, f"{connection_id} ({kind} {resource_id})")
            for connection_id, (kind, resource_id) in sorted((connections or {}).items())
        ]
        self.fields["next_hop"].choices = choices

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {"prefix_list_id": data["prefix_list"].strip(), "next_hop": data["next_hop"]}
