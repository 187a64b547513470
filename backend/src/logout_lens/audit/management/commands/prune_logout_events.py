"""Delete old logout audit records."""
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from logout_lens.audit.models import LogoutEvent


class Command(BaseCommand):
    help = "Delete logout events recorded more than N days ago."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, required=True, help="Keep the last N days.")

    def handle(self, *args, days, **options):
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        cutoff = timezone.now() - timedelta(days=days)
        deleted, _ = LogoutEvent.objects.filter(server_time__lt=cutoff).delete()
        self.stdout.write(f"Deleted {deleted} logout event(s) older than {days} day(s).")
