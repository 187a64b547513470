"""Logout Lens for the auth stacks Django projects already run."""
