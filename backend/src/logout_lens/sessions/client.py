"""Who is on the other end of a request: IP address and user agent."""
import ipaddress
from dataclasses import dataclass
from typing import Optional

from ..settings import api_settings

USER_AGENT_MAX_LENGTH = 512


@dataclass(frozen=True)
class ClientInfo:
    ip: Optional[str]
    user_agent: str

    @classmethod
    def from_request(cls, request):
        ua = request.META.get("HTTP_USER_AGENT", "")[:USER_AGENT_MAX_LENGTH]
        # PostgreSQL text cannot hold NUL; keep a visible marker instead.
        return cls(ip=client_ip(request), user_agent=ua.replace("\x00", "\ufffd"))


def _valid_ip(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request):
    """
    The client's IP address.

    With NUM_PROXIES = n > 0, the n-th X-Forwarded-For entry from the right is the
    client (each trusted proxy appends the address it received the request from);
    otherwise REMOTE_ADDR. Returns None when no valid address is known.
    """
    remote = _valid_ip(request.META.get("REMOTE_ADDR", ""))
    num_proxies = api_settings.NUM_PROXIES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if num_proxies > 0 and forwarded:
        entries = [part for part in forwarded.split(",") if part.strip()]
        if entries:
            candidate = entries[-min(num_proxies, len(entries))]
            return _valid_ip(candidate) or remote
    return remote
