"""Money stored exactly on every database.

A MoneyField holds US dollars as a whole number of cents in an integer column (bigint) and gives
Python a Decimal with two places. The database then adds, sums and compares integers: SQLite has no
decimal type and did those in floating point (a balance stored as 9531.699999999993), PostgreSQL's
numeric was exact already. Everything above the column sees dollars: a value, a lookup
(`balance__gte=amount`), `Value(amount, output_field=MoneyField())` in an update and `Sum()` over the
field (its result comes back through from_db_value) are all in dollars.

An amount with a fraction of a cent is refused (ValueError), never rounded: the console prices in
cents, so such an amount is a bug to see, not money to lose.
"""

from decimal import Decimal, InvalidOperation

from django.core import validators
from django.db import models
from django.utils.functional import cached_property

CENT = Decimal("0.01")


def dollars(value) -> Decimal | None:
    """A Decimal with two places from a Python value in dollars (Decimal, int, str or float)."""
    if value is None or value == "":
        return None
    if isinstance(value, float):
        value = repr(value)
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError, ValueError) as error:
        raise ValueError(f"Not an amount of money: {value!r}") from error
    if not amount.is_finite():
        raise ValueError(f"Not an amount of money: {value!r}")
    if amount != amount.quantize(CENT):
        raise ValueError(f"Money is held in whole cents; {value!r} has a fraction of a cent")
    return amount.quantize(CENT)


def cents_to_dollars(cents) -> Decimal:
    return Decimal(int(cents)).scaleb(-2)


class MoneyField(models.BigIntegerField):
    """US dollars with two decimal places, stored as whole cents (bigint)."""

    # A DecimalField's words (and Django's translations of them): to every form and page, this is one.
    description = models.DecimalField.description
    default_error_messages = {"invalid": models.DecimalField.default_error_messages["invalid"]}
    decimal_places = 2

    def __init__(self, *args, max_digits=14, **kwargs):
        self.max_digits = max_digits
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.max_digits != 14:
            kwargs["max_digits"] = self.max_digits
        return name, path, args, kwargs

    @cached_property
    def validators(self):
        # Dollars with at most max_digits digits, two after the point (the bigint range is far wider).
        return [*self.default_validators, *self._validators, validators.DecimalValidator(self.max_digits, 2)]

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        if isinstance(value, float):  # only a REAL left by a database not yet migrated
            value = round(value)
        return cents_to_dollars(value)

    def to_python(self, value):
        try:
            return dollars(value)
        except ValueError as error:
            try:  # a number with a fraction of a cent: the validators say "no more than 2 decimal places"
                amount = Decimal(repr(value) if isinstance(value, float) else value)
            except (InvalidOperation, TypeError, ValueError):
                amount = None
            if amount is not None and amount.is_finite():
                return amount
            raise validators.ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": value}
            ) from error

    def get_prep_value(self, value):
        value = models.Field.get_prep_value(self, value)  # resolves lazy objects; no int() of IntegerField
        amount = dollars(value)
        return None if amount is None else int(amount.scaleb(2))

    def value_to_string(self, obj):
        value = self.value_from_object(obj)
        return "" if value is None else str(value)

    def formfield(self, **kwargs):
        from django import forms

        return models.Field.formfield(
            self,
            **{"form_class": forms.DecimalField, "max_digits": self.max_digits, "decimal_places": 2, **kwargs},
        )
