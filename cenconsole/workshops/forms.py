from django import forms
from django.utils.translation import gettext_lazy as _

from cenconsole.core.validators import validate_name

from .models import (
    DISPLAY_NAME_MAX_LENGTH,
    MAX_JOINS_PER_ADDRESS,
    MAX_LENGTH_HOURS,
    MAX_SEATS,
    default_joins_per_address,
    validate_title,
)
from .scenarios import scenario_choices


class WorkshopForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=100, validators=[validate_title])
    length_hours = forms.IntegerField(
        label=_("Length (hours)"),
        initial=3,
        min_value=1,
        max_value=MAX_LENGTH_HOURS,
        help_text=_("From 1 to 8 hours. Nobody can join afterwards, and the trainees' sandboxes are removed."),
    )
    scenario = forms.ChoiceField(label=_("Starting scenario"), choices=scenario_choices)
    seat_limit = forms.IntegerField(
        label=_("Seat limit"),
        initial=40,
        min_value=1,
        max_value=MAX_SEATS,
        help_text=_("How many trainees can join: from 1 to 200."),
    )
    joins_per_address = forms.IntegerField(
        label=_("Joins per address"),
        required=False,  # left empty: WORKSHOP_JOINS_PER_ADDRESS
        initial=default_joins_per_address,
        min_value=1,
        max_value=MAX_JOINS_PER_ADDRESS,
        help_text=_(
            "How many trainees may join from one network address: from 1 to 200. A room behind one "
            "address (a classroom's NAT) needs one per seat."
        ),
    )


class JoinForm(forms.Form):
    """Join workshop: an optional name for the facilitator's board (the names' rule of core.validators)."""

    display_name = forms.CharField(
        label=_("Your name (optional)"),
        required=False,
        max_length=DISPLAY_NAME_MAX_LENGTH,
        validators=[validate_name],
        help_text=_("Up to 40 characters. Only the facilitator sees it, on the workshop's board."),
    )
