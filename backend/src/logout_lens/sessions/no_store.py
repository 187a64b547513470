"""Answers about a person's session are never cached, by the browser or on the way."""


class NoStoreMixin:
    """Marks every response of an API view (success or error) as not cacheable."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        response["Pragma"] = "no-cache"
        return response
