from django import template
from django.utils.translation import ngettext

from cenconsole.bandwidth.models import DURATION_CHOICES

register = template.Library()
DURATION_LABELS = dict(DURATION_CHOICES)


@register.filter
def duration_label(months):
    """12 -> "1 Year", the way the Duration select reads."""
    if months in DURATION_LABELS:
        return DURATION_LABELS[months]
    # ngettext needs a whole number to choose a form; anything else reads as the plural, as before.
    count = months if isinstance(months, int) else 0
    return ngettext("{months} Month", "{months} Months", count).format(months=months)
