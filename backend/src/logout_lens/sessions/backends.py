"""Sign-in by email address through Django's authentication framework."""
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class EmailBackend(ModelBackend):
    """
    Authenticates `authenticate(request, email=..., password=...)`.

    The email lookup is case-insensitive. When several accounts share an address,
    each is tried in id order; unknown addresses still pay for one password hash so
    response times do not reveal which addresses exist.
    """

    max_candidates = 5

    def authenticate(self, request, email=None, password=None, **kwargs):
        if not email or password is None:
            return None
        UserModel = get_user_model()
        email_field = UserModel.get_email_field_name()
        candidates = list(
            UserModel._default_manager.filter(**{f"{email_field}__iexact": email}).order_by("pk")[
                : self.max_candidates
            ]
        )
        if not candidates:
            UserModel().set_password(password)
            return None
        for user in candidates:
            if user.check_password(password) and self.user_can_authenticate(user):
                return user
        return None
