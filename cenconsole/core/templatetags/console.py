"""{% console_field form.x %}: one form field in crispy-bootstrap5's markup (wrapper, label, native
control, errors, help text, with the same ids), built in Python. Crispy's templates cost more than
the rest of the purchase page, which re-renders on every change for the live quote."""

from django import forms, template
from django.utils.html import format_html, format_html_join

register = template.Library()


def _control_class(widget) -> str:
    if isinstance(widget, forms.CheckboxInput):
        return "form-check-input"
    if isinstance(widget, forms.Select):
        return "form-select"
    return "form-control"


@register.simple_tag
def console_field(field, suffix=""):
    """suffix: a unit shown beside the control (Bootstrap's input-group), e.g. "Mbps"."""
    widget, auto_id = field.field.widget, field.auto_id
    attrs = {"class": _control_class(widget) + (" is-invalid" if field.errors else "")}
    if field.help_text:
        attrs["aria-describedby"] = f"{auto_id}_helptext"
    control = field.as_widget(attrs=attrs)
    errors = ""
    if field.errors:
        errors = format_html(
            '<div id="{}_error" class="invalid-feedback">{}</div>',
            auto_id,
            format_html_join(
                "",
                '<span id="error_{}_{}"><strong>{}</strong></span>',
                ((number, auto_id, error) for number, error in enumerate(field.errors, start=1)),
            ),
        )
    help_text = ""
    if field.help_text:
        help_text = format_html('<div id="{}_helptext" class="form-text">{}</div>', auto_id, field.help_text)
    if isinstance(widget, forms.CheckboxInput):
        label = format_html('<label for="{}" class="form-check-label">{}</label>', field.id_for_label, field.label)
        return format_html(
            '<div class="mb-3"><div id="div_{}" class="form-check">{}{}{}{}</div></div>',
            auto_id,
            control,
            label,
            errors,
            help_text,
        )
    label = format_html('<label for="{}" class="form-label">{}</label>', field.id_for_label, field.label)
    if suffix:
        # The errors go inside the group, after the unit, where Bootstrap shows them (has-validation).
        control = format_html(
            '<div class="input-group has-validation">{}<span class="input-group-text">{}</span>{}</div>',
            control,
            suffix,
            errors,
        )
        errors = ""
    return format_html('<div id="div_{}" class="mb-3">{}{}{}{}</div>', auto_id, label, control, errors, help_text)
