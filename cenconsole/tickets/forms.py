from django import forms
from django.utils.translation import gettext_lazy as _

from cenconsole.core.validators import validate_multiline_text

from . import services


class DeletionTicketForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1000,
        validators=[validate_multiline_text],
        error_messages={"required": services.REASON_REQUIRED, "max_length": services.REASON_TOO_LONG},
        help_text=_("Why the bandwidth package should be deleted. Support staff read it."),
    )


class StaffNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Staff note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        validators=[validate_multiline_text],
        error_messages={"max_length": services.NOTE_TOO_LONG},
        help_text=_(
            "Shown to the user in the ticket's conversation, except as an internal note. Required for Send Reply, "
            "Ask for information, Add internal note and Reject."
        ),
    )


class TicketReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Reply"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        validators=[validate_multiline_text],
        error_messages={"required": services.MESSAGE_REQUIRED, "max_length": services.MESSAGE_TOO_LONG},
    )
