"""
Logout Lens sessions for a project on djangorestframework-simplejwt.

The project keeps simplejwt's `JWTAuthentication` for its API: the access tokens are stock
simplejwt access tokens (its signing key, algorithm, `user_id` claim and `ACCESS_TOKEN_LIFETIME`),
with one claim more, `sid`, naming the session. The refresh side is Logout Lens's: the refresh
token in the HttpOnly cookie, rotated with a grace window, reuse ending the session, the absolute
lifetime of 20 days with "Remember me" and 7 without (`LOGOUT_LENS`), a code for each refusal, and
the audit trail.

    INSTALLED_APPS += ["logout_lens.sessions", "logout_lens.audit", "logout_lens.contrib.simplejwt"]
    urlpatterns += [
        path("api/token/", include("logout_lens.contrib.simplejwt.urls")),   # obtain, refresh, logout
        path("api/token/", include("logout_lens.audit.urls")),               # logout events
    ]

    LOGOUT_LENS = {..., "REFRESH_COOKIE_PATH": "/api/token/"}   # the cookie goes to both

Optional: `logout_lens.contrib.simplejwt.authentication.JWTSessionAuthentication` in place of
`JWTAuthentication` refuses an access token as soon as its session has ended (otherwise it is good
until it expires, as any stock simplejwt access token is).
"""
