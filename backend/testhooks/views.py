"""
Test hooks, mounted under /v1/test/ only when LL_TEST_HOOKS=1 (never in production: a system
check refuses it with DEBUG off). They let the end-to-end suite shrink token lifetimes and move
the server's clock instead of waiting, and reset both between tests.
"""
import io
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.shortcuts import get_object_or_404
from django.test.signals import setting_changed
from rest_framework import serializers
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.response import Response

from logout_lens.sessions import clock

# Hooked lifetimes (seconds) and the LOGOUT_LENS keys they set.
LIFETIME_FIELDS = {
    "access_token_lifetime": "ACCESS_TOKEN_LIFETIME",
    "refresh_token_lifetime": "REFRESH_TOKEN_LIFETIME",
    "refresh_token_lifetime_remember_me": "REFRESH_TOKEN_LIFETIME_REMEMBER_ME",
    "refresh_grace_seconds": "REFRESH_GRACE_SECONDS",
    "refresh_recovery_seconds": "REFRESH_RECOVERY_SECONDS",
}
# The settings given as a number of seconds rather than a timedelta.
SECONDS_KEYS = {"REFRESH_GRACE_SECONDS", "REFRESH_RECOVERY_SECONDS"}

_original = None


class ConfigSerializer(serializers.Serializer):
    access_token_lifetime = serializers.IntegerField(min_value=1, required=False)
    refresh_token_lifetime = serializers.IntegerField(min_value=1, required=False)
    refresh_token_lifetime_remember_me = serializers.IntegerField(min_value=1, required=False)
    refresh_grace_seconds = serializers.IntegerField(min_value=0, required=False)
    refresh_recovery_seconds = serializers.IntegerField(min_value=0, required=False)


class UserActiveSerializer(serializers.Serializer):
    email = serializers.EmailField()
    is_active = serializers.BooleanField()


class ClockSerializer(serializers.Serializer):
    advance_seconds = serializers.IntegerField(min_value=0, max_value=400 * 86400)


def _apply(values):
    global _original
    if _original is None:
        _original = dict(getattr(settings, "LOGOUT_LENS", {}))
    merged = {**_original, **values}
    settings.LOGOUT_LENS = merged
    setting_changed.send(sender=None, setting="LOGOUT_LENS", value=merged, enter=True)


def _state():
    return {"clock_offset_seconds": clock.offset().total_seconds(), "server_now": clock.now()}


@api_view(["GET"])
@authentication_classes([])
@permission_classes([])
def health(request):
    return Response({"ok": True, **_state()})


@api_view(["POST"])
@authentication_classes([])
@permission_classes([])
def reset(request):
    """Default lifetimes, the real clock, empty caches (rate limits), and the demo accounts as new."""
    _apply({})
    clock.reset()
    cache.clear()
    call_command("ensure_demo_user", stdout=io.StringIO())
    return Response(_state())


@api_view(["POST"])
@authentication_classes([])
@permission_classes([])
def config(request):
    serializer = ConfigSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    values = {}
    for field, key in LIFETIME_FIELDS.items():
        if field in serializer.validated_data:
            seconds = serializer.validated_data[field]
            values[key] = seconds if key in SECONDS_KEYS else timedelta(seconds=seconds)
    _apply(values)
    return Response({"applied": sorted(serializer.validated_data), **_state()})


@api_view(["POST"])
@authentication_classes([])
@permission_classes([])
def user_active(request):
    """Deactivate or reactivate an account, as an administrator would in the Django admin."""
    serializer = UserActiveSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    user = get_object_or_404(get_user_model(), email__iexact=serializer.validated_data["email"])
    user.is_active = serializer.validated_data["is_active"]
    user.save(update_fields=["is_active"])
    return Response({"email": user.email, "is_active": user.is_active})


@api_view(["POST"])
@authentication_classes([])
@permission_classes([])
def advance_clock(request):
    serializer = ClockSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    clock.advance(timedelta(seconds=serializer.validated_data["advance_seconds"]))
    return Response(_state())
