"""{% console_field form.x %}: one form field in crispy-bootstrap5's markup (wrapper, label, native
control, errors, help text, with the same ids), built in Python. Crispy's templates cost more than
the rest of the purchase page. {% console_field_feedback form.x %}: only its messages, which a live
update replaces out of band (see docs/developing/style.md)."""

from django import forms, template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()


def _control_class(widget) -> str:
    if isinstance(widget, forms.CheckboxInput):
        return "form-check-input"
    if isinstance(widget, forms.Select):
        return "form-select"
    return "form-control"


def _feedback(field, *, live: bool, oob: bool = False) -> str:
    """The field's error messages (Bootstrap's invalid-feedback). On a form with live updates they are
    always there, an empty placeholder when there are none, so that a live update can replace them out
    of band (`oob`) without the field itself."""
    auto_id = field.auto_id
    if not live and not field.errors:
        return ""
    attrs = format_html(' data-feedback-for="{}"', auto_id) if live else mark_safe("")
    if oob:
        attrs = format_html('{} hx-swap-oob="true"', attrs)
    if not field.errors:
        return format_html('<div id="{}_error"{} hidden></div>', auto_id, attrs)
    return format_html(
        '<div id="{}_error" class="invalid-feedback"{}>{}</div>',
        auto_id,
        attrs,
        format_html_join(
            "",
            '<span id="error_{}_{}"><strong>{}</strong></span>',
            ((number, auto_id, error) for number, error in enumerate(field.errors, start=1)),
        ),
    )


@register.simple_tag
def console_field_feedback(field, oob=False):
    """{% console_field_feedback form.x oob=True %}: only the field's messages, for a live update."""
    return _feedback(field, live=True, oob=oob)


@register.simple_tag
def console_field(field, suffix=""):
    """suffix: a unit shown beside the control (Bootstrap's input-group), e.g. "Mbps". A form with live
    updates (`live_update = True`) keeps a placeholder for the field's messages, which the control names."""
    widget, auto_id = field.field.widget, field.auto_id
    live = getattr(field.form, "live_update", False)
    attrs = {"class": _control_class(widget) + (" is-invalid" if field.errors else "")}
    described_by = [f"{auto_id}_helptext"] if field.help_text else []
    if live:
        described_by.append(f"{auto_id}_error")
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    control = field.as_widget(attrs=attrs)
    errors = _feedback(field, live=live)
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
