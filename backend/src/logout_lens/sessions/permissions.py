"""Permissions for the cookie-authenticated endpoints."""
from rest_framework.permissions import BasePermission

from .exceptions import CsrfHeaderMissing
from ..settings import api_settings


class HasCsrfHeader(BasePermission):
    """
    Whether the request carries the custom CSRF header (X-Requested-With: XMLHttpRequest).

    A cross-site form or navigation cannot set custom headers, and a cross-origin script
    that tries triggers a CORS preflight this API never approves; together with the
    SameSite=Strict cookie this keeps cookie-authenticated endpoints safe from CSRF.
    """

    def has_permission(self, request, view):
        name = api_settings.CSRF_HEADER_NAME
        if request.headers.get(name) != api_settings.CSRF_HEADER_VALUE:
            raise CsrfHeaderMissing()
        return True
