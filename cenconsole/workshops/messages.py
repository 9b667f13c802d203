"""What the workshops' services say. Constants marked for translation, unformatted; raised with
core.errors.refusal / field_error."""

from django.utils.translation import gettext_noop

FACILITATORS_ONLY = gettext_noop("Only members of the Facilitators group can run workshops.")
UNKNOWN_SCENARIO = gettext_noop("Choose a starting scenario.")
WORKSHOP_FULL = gettext_noop("This workshop is full: all %(seats)s seats are taken. Ask the facilitator for room.")
WORKSHOP_OVER = gettext_noop("This workshop has ended. Ask the facilitator for a new join link.")
JOIN_THROTTLED = gettext_noop(
    "%(limit)s trainees have already joined this workshop from your address, its limit for one address. "
    "Ask the facilitator to raise Joins per address."
)
UNKNOWN_TOUR_STOP = gettext_noop("Unknown tour stop.")
NOT_A_TRAINEE = gettext_noop("Only a workshop's trainees report tour steps.")
TITLE_CONTROL = gettext_noop("Title cannot contain control characters.")
DISPLAY_NAME_TOO_LONG = gettext_noop("Your name must be at most %(limit)s characters.")
