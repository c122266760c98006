"""Sign-in accounts. A user is linked to the person record they are in the movement."""

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone


class Role(models.TextChoices):
    MEMBER = "member", "Member"
    NATIONAL_ORGANISER = "national_organiser", "National organiser"
    DATA_OFFICER = "data_officer", "Data officer"
    ADMIN = "admin", "Admin"


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> "User":
        # Accounts made by trusted hands (admin, demo loader, tests) count as confirmed; the public
        # sign-up form passes email_confirmed_at=None until the member opens the emailed link.
        fields.setdefault("email_confirmed_at", timezone.now())
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> "User":
        fields.update(role=Role.ADMIN, is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(unique=True)
    person = models.OneToOneField(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="user"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    email_confirmed_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the holder proved the address is theirs (by opening an emailed link).",
    )
    created_person = models.BooleanField(
        default=False,
        help_text="Sign-up created this account's person record (rather than matching one).",
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"

    def __str__(self) -> str:
        return self.email

    @property
    def email_confirmed(self) -> bool:
        return self.email_confirmed_at is not None

    @property
    def owns_person(self) -> bool:
        """May act as its person record: the address is proved, or sign-up made the record itself."""
        return self.email_confirmed or self.created_person
