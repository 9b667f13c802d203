from django import template

from cenconsole.bandwidth.models import DURATION_CHOICES

register = template.Library()
DURATION_LABELS = dict(DURATION_CHOICES)


@register.filter
def duration_label(months):
    """12 -> "1 Year", the way the Duration select reads."""
    return DURATION_LABELS.get(months, f"{months} Months")
