from django import forms

from . import services


class DeletionTicketForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1000,
        error_messages={"required": services.REASON_REQUIRED, "max_length": services.REASON_TOO_LONG},
        help_text="Why the bandwidth package should be deleted. Support staff read it.",
    )


class StaffNoteForm(forms.Form):
    note = forms.CharField(
        label="Staff note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={"max_length": services.NOTE_TOO_LONG},
        help_text="Optional. The user sees it on their Tickets page.",
    )
