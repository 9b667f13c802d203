from django.db import transaction
from django.db.models import F

from .models import User


@transaction.atomic
def user_sign_up(*, form) -> User:
    """A new account, with the demo credit every account starts with (the field's default)."""
    return form.save()


def account_state_changed(*, owner) -> None:
    """Marks the account's listed state (instances, bound packages) as changed: cached fragments
    keyed on the old version are never read again. Called by the models' save(), inside the changing
    transaction. `owner` is an account or its id."""
    User.objects.filter(pk=getattr(owner, "pk", owner)).update(state_version=F("state_version") + 1)
