"""Signals sent by authsessions."""
from django.dispatch import Signal

# Sent once per session family that the server ends (sign-out, revocation,
# password change, reuse detection, expiry), after the change is saved.
# Arguments: user, session_id (UUID), device_id (str), reason (RevokeReason value),
# client (ClientInfo of the request that ended it), logout_type (the type a browser gave when
# it ended the session itself, else None), evidence (for reuse: the server's reading, else None).
session_ended = Signal()
