from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from logout_lens.audit.models import LogoutEvent

pytestmark = pytest.mark.django_db


def event_aged(days):
    event = LogoutEvent.objects.create(type="UNKNOWN", source="client")
    LogoutEvent.objects.filter(pk=event.pk).update(server_time=timezone.now() - timedelta(days=days))
    return event


def test_prune_deletes_only_older_events():
    event_aged(40)
    event_aged(31)
    kept = event_aged(5)
    out = StringIO()

    call_command("prune_logout_events", "--days", "30", stdout=out)

    assert list(LogoutEvent.objects.all()) == [kept]
    assert "Deleted 2 logout event(s) older than 30 day(s)." in out.getvalue()


def test_prune_refuses_negative_days():
    with pytest.raises(CommandError):
        call_command("prune_logout_events", "--days", "-1")
