#!/usr/bin/env python3
"""Django's command-line utility for the Logout Lens backend."""
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # Commands run on a laptop unless told otherwise; a server sets LL_ENV=production.
    os.environ.setdefault("LL_ENV", "development")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
