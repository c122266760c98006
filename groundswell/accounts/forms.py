"""Forms for joining, signing in, two-factor codes and a member's own details."""

from typing import Any

from django import forms
from django.contrib.auth.password_validation import validate_password

from groundswell.accounts.actions import NewMember
from groundswell.accounts.details import MyDetails
from groundswell.accounts.models import User
from groundswell.geo.queries import Location, LocationError, locate
from groundswell.people.contact import ContactError, Phone, normalise_email, normalise_phone
from groundswell.people.forms import optional_contact
from groundswell.people.models import Channel

CONSENT_LABELS = {
    Channel.EMAIL: "Email me about events, campaigns and votes",
    Channel.SMS: "Text me about events and urgent calls for help nearby (needs a mobile number)",
    Channel.PHONE: "Phone me about events and campaigns",
}
CONSENT_HELP = "Tick only what you want. You can change your mind at any time in My details."


def located(text: str) -> Location:
    """The place a postcode stands for, or a ValidationError saying what is wrong (with a suggestion)."""
    try:
        location = locate(text)
    except LocationError as exc:
        message = str(exc)
        if exc.suggestion and exc.suggestion not in message:
            message += f" Did you mean {exc.suggestion}?"
        raise forms.ValidationError(message) from exc
    if not location.postal_code:
        raise forms.ValidationError("Please give your full postcode, for example SW1A 1AA.")
    return location


def checked_phone(text: str) -> Phone | None:
    return optional_contact(normalise_phone, text)  # type: ignore[no-any-return]


class ConsentFields(forms.Form):
    consent_email = forms.BooleanField(required=False, label=CONSENT_LABELS[Channel.EMAIL])
    consent_sms = forms.BooleanField(required=False, label=CONSENT_LABELS[Channel.SMS])
    consent_phone = forms.BooleanField(required=False, label=CONSENT_LABELS[Channel.PHONE])

    def consents(self) -> dict[str, bool]:
        return {channel: bool(self.cleaned_data[f"consent_{channel}"]) for channel in Channel}

    def check_texts_need_mobile(self) -> None:
        phone = self.cleaned_data.get("mobile")
        if self.cleaned_data.get("consent_sms") and not (phone and phone.sms_capable):
            self.add_error("mobile", "To get texts, please give a mobile number.")


class PersonFields(forms.Form):
    given_name = forms.CharField(max_length=150, label="First name")
    family_name = forms.CharField(max_length=150, label="Last name")
    postcode = forms.CharField(
        max_length=16,
        help_text="We use it to find your local group and events near you.",
        widget=forms.TextInput(
            attrs={"autocomplete": "postal-code", "autocapitalize": "characters"}
        ),
    )
    mobile = forms.CharField(
        max_length=30,
        required=False,
        label="Mobile number (optional)",
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )

    def clean_postcode(self) -> Location:
        return located(self.cleaned_data["postcode"])

    def clean_mobile(self) -> Phone | None:
        return checked_phone(self.cleaned_data["mobile"])


class SignUpForm(PersonFields, ConsentFields):
    email = forms.CharField(
        max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    password = forms.CharField(
        strip=False,
        help_text="At least 10 characters; a few unusual words make a strong one.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    field_order = ["given_name", "family_name", "email", "postcode", "mobile", "password"]

    def clean_email(self) -> str:
        try:
            return normalise_email(self.cleaned_data["email"])
        except ContactError as exc:
            raise forms.ValidationError(str(exc)) from exc

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.check_texts_need_mobile()
        if "password" in data:
            someone = User(email=data.get("email", ""))
            try:
                validate_password(data["password"], someone)
            except forms.ValidationError as exc:
                self.add_error("password", exc)
        return data

    def new_member(self) -> NewMember:
        data = self.cleaned_data
        return NewMember(
            given_name=data["given_name"].strip(),
            family_name=data["family_name"].strip(),
            email=data["email"],
            location=data["postcode"],
            password=data["password"],
            phone=data["mobile"],
            consents=self.consents(),
        )


class MyDetailsForm(PersonFields, ConsentFields):
    mobile = forms.CharField(
        max_length=30,
        required=False,
        label="Phone number",
        help_text="Leave empty to remove it.",
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.check_texts_need_mobile()
        return data

    def my_details(self) -> MyDetails:
        data = self.cleaned_data
        return MyDetails(
            given_name=data["given_name"].strip(),
            family_name=data["family_name"].strip(),
            location=data["postcode"],
            phone=data["mobile"],
            consents=self.consents(),
        )


class SignInForm(forms.Form):
    email = forms.CharField(
        max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    password = forms.CharField(
        strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

    def clean_email(self) -> str:
        # Not normalise_email: a malformed address simply fails to sign in, like a wrong password.
        return str(self.cleaned_data["email"]).strip().lower()


class LinkRequestForm(forms.Form):
    email = forms.CharField(
        max_length=254,
        label="Email",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_email(self) -> str:
        try:
            return normalise_email(self.cleaned_data["email"])
        except ContactError as exc:
            raise forms.ValidationError(str(exc)) from exc


class CodeForm(forms.Form):
    code = forms.CharField(
        max_length=20,
        label="Code",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )
