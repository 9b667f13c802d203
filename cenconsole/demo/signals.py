"""Signals of the demo app, for the apps above it."""

from django.dispatch import Signal

# Reset demo asks which seed puts an account back (sent with `account`, the locked account). A
# receiver answers a function called as seed(owner=, cen_id=, package_ids=) returning the seeded CEN
# instance, or None when the account is not its concern; with no answer the demo's own seed is used.
# The workshops app answers its trainees' scenario.
reset_seed = Signal()
