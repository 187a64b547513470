"""Create or update the demo accounts (idempotent)."""
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

DEMO_ACCOUNTS = (
    {
        "email": "demo@example.com",
        "password": "demo-pass-2026",
        "name": ("Dana", "Demo"),
        "staff": False,
    },
    {
        "email": "support@example.com",
        "password": "support-pass-2026",
        "name": ("Sam", "Support"),
        "staff": True,
    },
)


class Command(BaseCommand):
    help = (
        "Create or update the demo user demo@example.com (password demo-pass-2026) and the "
        "staff user support@example.com (password support-pass-2026)."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        for account in DEMO_ACCOUNTS:
            user, created = User.objects.get_or_create(
                username=account["email"], defaults={"email": account["email"]}
            )
            user.email = account["email"]
            user.first_name, user.last_name = account["name"]
            user.is_staff = account["staff"]
            user.is_active = True
            # Setting the same password again would still end every session (a new salt
            # is a new hash), so only a password that no longer matches is reset.
            if not user.check_password(account["password"]):
                user.set_password(account["password"])
            user.save()
            verb = "Created" if created else "Updated"
            self.stdout.write(f"{verb} {account['email']}{' (staff)' if account['staff'] else ''}")
