"""The guided tour's stops as the board counts them: the `data-stop` names of
templates/demo/tour_steps.html, in order, with the step ("Step n of 4") each belongs to. A test checks
this list against that template."""

from django.utils.translation import gettext_lazy as _

TOUR_STOPS = [
    ("manage", 1),
    ("tab", 2),
    ("buy", 2),
    ("cen-id", 3),
    ("area-a", 3),
    ("area-b", 3),
    ("cross-border", 3),
    ("bandwidth", 3),
    ("name", 3),
    ("duration", 3),
    ("terms", 4),
    ("buy-now", 4),
    ("pay", 4),
    ("paid", 4),
]
STOP_NUMBERS = {name: number for number, (name, _step) in enumerate(TOUR_STOPS, start=1)}
STEPS = [1, 2, 3, 4]
# The board's words for each step (the tour's own titles).
STEP_NAMES = {
    1: _("Manage"),
    2: _("Bandwidth Packages"),
    3: _("Parameters"),
    4: _("Buy Now and Pay"),
}
FINISHED_STOP = STOP_NUMBERS["paid"]


def step_of(tour_stop: int) -> int:
    """The step (1 to 4) of a stop number (1 + its index), 0 for none."""
    return TOUR_STOPS[tour_stop - 1][1] if tour_stop else 0
