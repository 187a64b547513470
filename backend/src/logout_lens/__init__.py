"""
Logout Lens for Django: sessions that end only as the policy says, and a record of why each one
ended.

Add ``logout_lens.sessions`` and ``logout_lens.audit`` to INSTALLED_APPS, include
``logout_lens.urls`` once (for example under ``v1/auth/``) and configure the one ``LOGOUT_LENS``
settings dict (``logout_lens.settings`` documents every key).
"""

__version__ = "0.2.0"
