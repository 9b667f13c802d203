"""core.fields.MoneyField: dollars in Python, whole cents in the database."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from cenconsole.accounts.models import User


def balance_field():
    return User._meta.get_field("balance")


def test_an_amount_is_stored_as_whole_cents():
    """Dollars go to the database as an integer number of cents, exactly."""
    field = balance_field()
    assert [field.get_prep_value(v) for v in (Decimal("9860.00"), Decimal("-0.01"), 68, "12.3")] == [
        986000, -1, 6800, 1230,
    ]  # fmt: skip


def test_cents_come_back_as_dollars_with_two_places():
    """An integer from the database (or a sum, which PostgreSQL gives as numeric) reads as dollars."""
    field = balance_field()
    assert [str(field.from_db_value(v, None, None)) for v in (986000, Decimal("953170"), 0, -5)] == [
        "9860.00", "9531.70", "0.00", "-0.05",
    ]  # fmt: skip


def test_a_form_refuses_a_fraction_of_a_cent_with_the_decimal_places_message():
    """Cleaning a sub-cent amount says there may be no more than 2 decimal places, as a DecimalField did."""
    with pytest.raises(ValidationError) as refused:
        balance_field().clean(Decimal("0.001"), None)
    assert refused.value.messages == ["Ensure that there are no more than 2 decimal places."]
    form_field = balance_field().formfield()
    assert (type(form_field).__name__, form_field.max_digits, form_field.decimal_places) == ("DecimalField", 14, 2)
