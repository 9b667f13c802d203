from django.conf import settings


class ContentSecurityPolicyMiddleware:
    """Sends the Content Security Policy: every script and style comes from this site's own static
    files; no inline script runs, nothing is framed, forms post only here."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = "; ".join(f"{directive} {sources}" for directive, sources in settings.CONTENT_SECURITY_POLICY.items())

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        return response
