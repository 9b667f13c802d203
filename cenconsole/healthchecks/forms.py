"""Set Health Check: the VBR, its region, the addresses, the probe interval and packets. The rules
(private source addresses, the ranges) live in services; the form parses what was typed."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cenconsole.core.forms import add_service_errors
from cenconsole.networks.forms import region_choices
from cenconsole.regions.models import Region

from .models import DEFAULT_INTERVAL, DEFAULT_THRESHOLD, MAX_INTERVAL, MAX_THRESHOLD, MIN_INTERVAL, MIN_THRESHOLD

# The service's error keys (products names the VBR by the API's parameter) by the form field.
SERVICE_FIELDS = {"VbrInstanceId": "vbr_id"}


class HealthCheckForm(forms.Form):
    """Set Health Check: a new VBR's health check, or (with `health_check`) the settings of one."""

    region = forms.ChoiceField(label=_("Region"))
    vbr_id = forms.CharField(label=_("VBR"), max_length=64, help_text=_("The VBR's ID, such as vbr-bp1example0001."))
    source_ip = forms.CharField(
        label=_("Source IP"),
        required=False,
        max_length=15,
        help_text=_(
            "Optional: an unused address of 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16. Empty: one is assigned."
        ),
    )
    target_ip = forms.CharField(
        label=_("Destination IP"), max_length=15, help_text=_("The customer-side IP address of the VBR.")
    )
    interval = forms.TypedChoiceField(
        label=_("Probe Interval (Seconds)"),
        coerce=int,
        initial=DEFAULT_INTERVAL,
        choices=[(seconds, seconds) for seconds in range(MIN_INTERVAL, MAX_INTERVAL + 1)],
    )
    healthy_threshold = forms.TypedChoiceField(
        label=_("Probe Packets"),
        coerce=int,
        initial=DEFAULT_THRESHOLD,
        choices=[(packets, packets) for packets in range(MIN_THRESHOLD, MAX_THRESHOLD + 1)],
    )

    def __init__(self, *args, health_check=None, **kwargs):
        self.health_check = health_check
        if health_check is not None:  # shown on a GET; the disabled fields' values on a POST
            kwargs["initial"] = {
                "region": health_check.vbr.region_id,
                "vbr_id": health_check.vbr.resource_id,
                "source_ip": health_check.source_ip,
                "target_ip": health_check.target_ip,
                "interval": health_check.interval,
                "healthy_threshold": health_check.healthy_threshold,
            }
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = region_choices(Region.objects.select_related("area"))
        if health_check is not None:  # the VBR is what the health check is of: it stays
            for field in ("region", "vbr_id"):
                self.fields[field].disabled = True

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "vbr_id": data["vbr_id"].strip(),
            "vbr_region_code": data["region"],
            "source_ip": data["source_ip"].strip() or None,
            "target_ip": data["target_ip"],
            "interval": data["interval"],
            "healthy_threshold": data["healthy_threshold"],
        }

    def add_service_errors(self, error: ValidationError) -> None:
        if hasattr(error, "error_dict"):
            error = ValidationError({SERVICE_FIELDS.get(key, key): value for key, value in error.error_dict.items()})
        add_service_errors(self, error)
