"""Create Flow Log and Modify Flow Log, as the console's dialog shows them. The rules (SLS names, the
aggregation intervals, which connection belongs to which router) live in services; the form only offers
the router's connections and names the service's errors by its own fields."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cenconsole.core.forms import add_service_errors, description_field, name_field

from .messages import LOG_STORE_NAME, PROJECT_NAME
from .models import FlowLog

# The Instance list's value for a flow log of the whole transit router (no connection).
WHOLE_ROUTER = "transit-router"
# The connections offered, by the kind transit's connection_kinds names them, in the dialog's order.
INSTANCE_KINDS = [
    ("TR", _("Inter-region")),
    ("VBR", _("VBR")),
    ("VPC", _("VPC")),
    ("VPN", _("VPN")),
    ("ECR", _("ECR")),
]
# The service's error keys by the form field that shows them.
SERVICE_FIELDS = {"attachment": "instance", "transit_router": "instance"}


def instance_choices(connections: dict) -> list:
    """The Instance list: the router's connections grouped by kind (each with the resource at its other
    end), then the whole transit router."""
    choices = []
    for kind, label in INSTANCE_KINDS:
        group = [
            (attachment_id, f"{attachment_id} ({resource_id})")
            for attachment_id, (each_kind, resource_id) in sorted(connections.items())
            if each_kind == kind
        ]
        if group:
            choices.append((label, group))
    choices.append((WHOLE_ROUTER, _("Transit router (all its traffic)")))
    return choices


def _interval_field():
    return forms.TypedChoiceField(
        label=_("Aggregation Interval"),
        coerce=int,
        choices=FlowLog.Interval.choices,
        initial=FlowLog.Interval.TEN_MINUTES,
        widget=forms.RadioSelect,
        help_text=_("How long the flow log aggregates the traffic it captures before it writes a log entry."),
    )


class ServiceErrorsMixin:
    def add_service_errors(self, error: ValidationError) -> None:
        """The service's refusal beside the field it names (a field the form lacks: above the form)."""
        if hasattr(error, "error_dict"):
            error = ValidationError({SERVICE_FIELDS.get(key, key): value for key, value in error.error_dict.items()})
        add_service_errors(self, error)


class FlowLogCreateForm(ServiceErrorsMixin, forms.Form):
    """Create Flow Log: the region and transit router are the page's (shown, not chosen)."""

    name = name_field()
    description = description_field(widget=forms.Textarea(attrs={"rows": 2}))
    instance = forms.ChoiceField(
        label=_("Instance"),
        help_text=_("The connection whose traffic the flow log captures, or the whole transit router."),
    )
    project_name = forms.CharField(label=_("Project"), max_length=63, help_text=_(PROJECT_NAME))
    log_store_name = forms.CharField(label=_("Logstore"), max_length=63, help_text=_(LOG_STORE_NAME))
    interval = _interval_field()

    def __init__(self, *args, connections: dict, **kwargs):
        super().__init__(*args, **kwargs)
        choices = instance_choices(connections)
        self.fields["instance"].choices = choices
        first = choices[0]
        self.fields["instance"].initial = first[1][0][0] if isinstance(first[1], list) else first[0]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "description": data["description"],
            "attachment_id": "" if data["instance"] == WHOLE_ROUTER else data["instance"],
            "project_name": data["project_name"],
            "log_store_name": data["log_store_name"],
            "interval": data["interval"],
        }


class FlowLogModifyForm(ServiceErrorsMixin, forms.Form):
    """Modify Flow Log: its name, description and aggregation interval (ModifyFlowLogAttribute's)."""

    name = name_field()
    description = description_field(widget=forms.Textarea(attrs={"rows": 2}))
    interval = _interval_field()

    def __init__(self, *args, flow_log: FlowLog, **kwargs):
        kwargs["initial"] = {
            "name": flow_log.name,
            "description": flow_log.description,
            "interval": flow_log.interval,
        }
        super().__init__(*args, **kwargs)

    def service_arguments(self) -> dict:
        return dict(self.cleaned_data)
