import pytest
from django.test import RequestFactory

from logout_lens.sessions.client import ClientInfo, client_ip


def request_with(remote="10.0.0.1", forwarded=None, ua=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    if ua is not None:
        meta["HTTP_USER_AGENT"] = ua
    return RequestFactory().get("/", **meta)


def test_without_proxies_the_forwarded_header_is_ignored():
    assert client_ip(request_with(forwarded="198.51.100.1")) == "10.0.0.1"


@pytest.mark.parametrize(
    "proxies, forwarded, expected",
    [
        (1, "198.51.100.1", "198.51.100.1"),
        (1, "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # spoofed entry on the left is ignored
        (2, "6.6.6.6, 198.51.100.1, 192.0.2.5", "198.51.100.1"),
        (3, "198.51.100.1, 192.0.2.5", "198.51.100.1"),  # fewer entries than proxies
        (1, "not-an-ip", "10.0.0.1"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_trusted_proxies_pick_the_forwarded_client(ll_settings, proxies, forwarded, expected):
    ll_settings(NUM_PROXIES=proxies)

    assert client_ip(request_with(forwarded=forwarded)) == expected


def test_invalid_remote_addr_is_none():
    assert client_ip(request_with(remote="")) is None


def test_nul_in_the_user_agent_is_replaced():
    assert ClientInfo.from_request(request_with(ua="a\x00b")).user_agent == "a\ufffdb"


def test_user_agent_is_truncated():
    info = ClientInfo.from_request(request_with(ua="A" * 1000))

    assert len(info.user_agent) == 512


@pytest.mark.django_db
@pytest.mark.parametrize(
    "proxies, forwarded, expected",
    [
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "6.6.6.6, 7.7.7.7, 198.51.100.7", "198.51.100.7"),  # spoofed entries on the left lose
        (0, "198.51.100.7", "127.0.0.1"),  # no trusted proxy: the header is ignored
    ],
)
def test_sessions_and_audit_record_the_client_behind_the_proxy(ll_settings, user, proxies, forwarded, expected):
    from rest_framework.test import APIClient

    from logout_lens.audit.models import LogoutEvent
    from logout_lens.sessions.models import RefreshToken
    from conftest import AJAX, login

    ll_settings(NUM_PROXIES=proxies)
    client = APIClient(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)

    assert login(client).status_code == 200
    assert client.post("/v1/auth/logout/", **AJAX).status_code == 200

    assert RefreshToken.objects.get().ip == expected
    assert LogoutEvent.objects.get().ip == expected
