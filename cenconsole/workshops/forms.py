from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MAX_LENGTH_HOURS, MAX_SEATS, validate_title
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
