from django.db import transaction

from .models import User


@transaction.atomic
def user_sign_up(*, form) -> User:
    """A new account, with the demo credit every account starts with (the field's default)."""
    return form.save()
