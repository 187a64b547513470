"""
Response headers that Django's SecurityMiddleware and XFrameOptionsMiddleware do not set.

API responses are JSON that no browser should render, frame or load anything for, so they
get the strictest Content-Security-Policy there is. The Django admin is real HTML with its
own stylesheets, scripts and inline style attributes; it gets a policy it works under.
"""
API_CSP = "default-src 'none'; frame-ancestors 'none'"
ADMIN_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)


class ContentSecurityPolicyMiddleware:
    """Sets Content-Security-Policy on every response that has none yet."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            admin = request.path.startswith("/admin/")
            response["Content-Security-Policy"] = ADMIN_CSP if admin else API_CSP
        return response
