"""The top bar's demo marks: Sandbox and its time left, the account's test clock, and the demo
actions (Reset demo, Advance time), for sandboxes and the demo account only. Reads only the signed-in
account's own fields: no query."""

from cenconsole.core import clock

from .services import ADVANCE_CHOICES, is_demo_account


def demo_bar(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not is_demo_account(user):
        return {}
    bar = {"clock_now": clock.now(), "clock_offset": user.clock_offset}
    if user.clock_offset:
        bar["clock_days_ahead"] = user.clock_offset.days
        seconds = int(user.clock_offset.total_seconds())
        bar["clock_hours_ahead"], bar["clock_minutes_ahead"] = seconds // 3600, seconds % 3600 // 60
    if user.is_sandbox and user.sandbox_expires_at:
        left = max(int((user.sandbox_expires_at - clock.real_now()).total_seconds()), 0)
        bar["sandbox_hours_left"], bar["sandbox_minutes_left"] = left // 3600, left % 3600 // 60
    bar["steps"] = ADVANCE_CHOICES
    return {"demo_bar": bar}
