import pytest
from django.test import RequestFactory

from authsessions.client import ClientInfo, client_ip


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


def test_user_agent_is_truncated():
    info = ClientInfo.from_request(request_with(ua="A" * 1000))

    assert len(info.user_agent) == 512
