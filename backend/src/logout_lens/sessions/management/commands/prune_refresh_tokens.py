"""Delete the rows of sessions that ended long ago."""
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from logout_lens.sessions import clock
from logout_lens.sessions.models import RefreshToken, Session
from logout_lens.settings import api_settings


class Command(BaseCommand):
    help = (
        "Delete the sessions (and their refresh tokens) that were revoked or expired more "
        "than LOGOUT_LENS['REFRESH_TOKEN_RETENTION'] ago (default 30 days). Live sessions "
        "keep every token: an old token presented again is how reuse is detected."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="Keep sessions that ended in the last N days instead.")

    def handle(self, *args, days=None, **options):
        if days is not None and days < 0:
            raise CommandError("--days must be 0 or more.")
        retention = timedelta(days=days) if days is not None else api_settings.REFRESH_TOKEN_RETENTION
        cutoff = clock.now() - retention
        ended = Session.objects.filter(Q(revoked_at__lt=cutoff) | Q(expires_at__lt=cutoff))
        tokens = RefreshToken.objects.filter(family__in=ended).count()
        sessions, _ = ended.delete()
        self.stdout.write(
            f"Deleted {tokens} refresh token(s) of sessions that ended before {cutoff:%Y-%m-%d %H:%M} UTC."
        )
