"""The demo's words that depend on its seed: the balance a new sandbox (or a reset) really has."""

from django import template

from cenconsole.demo.services import seeded_balance

register = template.Library()


@register.simple_tag(name="seeded_balance")
def seeded_balance_tag():
    """The demo credit less the sample packages a seeded account has paid for."""
    return seeded_balance()
