from .services import SESSION_ID_KEY


def session_signed_out(*, user, session) -> bool:
    """True when the session was ended by Sign out (or has no id: it predates session ids)."""
    session_id = session.get(SESSION_ID_KEY)
    return not session_id or session_id in user.signed_out_sessions
