"""The workshops' pages: the facilitator's list and board (with its room-wide actions and the join link
shown large), in facilitator.py; the trainees' Join workshop page and the tour's step reports, in
trainee.py."""

from .facilitator import (
    signed_in,
    workshop_board,
    workshop_clock,
    workshop_end,
    workshop_link,
    workshop_list,
    workshop_reset,
)
from .trainee import tour_step, workshop_ended, workshop_join

__all__ = [
    "signed_in",
    "tour_step",
    "workshop_board",
    "workshop_clock",
    "workshop_end",
    "workshop_ended",
    "workshop_join",
    "workshop_link",
    "workshop_list",
    "workshop_reset",
]
