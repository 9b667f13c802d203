from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver

from . import services


@receiver(user_logged_in, dispatch_uid="accounts.session_start")
def session_started(sender, request, user, **kwargs):
    services.session_start(session=request.session)


@receiver(user_logged_out, dispatch_uid="accounts.session_end")
def session_ended(sender, request, user, **kwargs):
    if user is not None:
        services.session_end(user=user, session_id=request.session.get(services.SESSION_ID_KEY))
