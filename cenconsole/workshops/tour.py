"""The guided tours' stops as the board counts them: each tour's `data-stop` names, in order, with the step
("Step n of m") each belongs to. The first tour ("purchase", Purchase a bandwidth package) is the stops of
templates/demo/tour_steps.html; the second ("transit", Connect two VPCs in two regions through transit
routers) those of templates/demo/tour_transit_steps.html. A test checks each list against its template. A
workshop's scenario names the tour it starts from, and the board counts that tour's stops."""

from dataclasses import dataclass
from functools import cached_property

from django.utils.translation import gettext_lazy as _

PURCHASE = "purchase"
TRANSIT = "transit"


@dataclass(frozen=True)
class Tour:
    key: str
    url_name: str  # its steps page: the tour without JavaScript, and where tour.js reads its stops
    stops: tuple  # ((data-stop, step), ...) in the template's order
    step_names: dict  # the board's words for each step (the tour's own titles)

    @cached_property
    def steps(self) -> list[int]:
        return sorted(self.step_names)

    @cached_property
    def stop_numbers(self) -> dict[str, int]:
        return {name: number for number, (name, _step) in enumerate(self.stops, start=1)}

    @property
    def finished_stop(self) -> int:
        """The number of the last stop: reaching it is finishing the tour."""
        return len(self.stops)

    def step_of(self, tour_stop: int) -> int:
        """The step of a stop number (1 + its index), 0 for none."""
        return self.stops[tour_stop - 1][1] if tour_stop else 0

    def stop_name(self, tour_stop: int) -> str:
        return self.stops[tour_stop - 1][0] if tour_stop else ""


TOURS = {
    PURCHASE: Tour(
        key=PURCHASE,
        url_name="how_to_buy",
        stops=(
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
        ),
        step_names={1: _("Manage"), 2: _("Bandwidth Packages"), 3: _("Parameters"), 4: _("Buy Now and Pay")},
    ),
    TRANSIT: Tour(
        key=TRANSIT,
        url_name="transit_tour",
        stops=(
            ("open-cen", 1),
            ("transit-tab", 1),
            ("router-a", 2),
            ("router-a-region", 2),
            ("router-a-ok", 2),
            ("router-b", 2),
            ("router-b-region", 2),
            ("router-b-ok", 2),
            ("vpc-a", 3),
            ("vpc-a-fields", 3),
            ("vpc-a-ok", 3),
            ("vpc-b", 3),
            ("vpc-b-fields", 3),
            ("vpc-b-ok", 3),
            ("peer", 4),
            ("peer-fields", 4),
            ("peer-ok", 4),
            ("route-tables", 5),
            ("learned-route", 5),
        ),
        step_names={
            1: _("Transit Router"),
            2: _("Create Transit Router"),
            3: _("Create VPC Connection"),
            4: _("Create Inter-region Connection"),
            5: _("Learned route"),
        },
    ),
}


def tour_of(key: str) -> Tour:
    """A scenario's tour; the first tour for any other key."""
    return TOURS.get(key, TOURS[PURCHASE])


# The first tour's list under the names the board used before the second tour came.
TOUR_STOPS = list(TOURS[PURCHASE].stops)
