from django.urls import path

from .views import me, sign_in, sign_up, two_factor

app_name = "accounts"
urlpatterns = [
    path("sign-in/", sign_in.sign_in, name="sign_in"),
    path("sign-in/link/", sign_in.request_link, name="request_link"),
    path("sign-in/link/<str:token>/", sign_in.use_link, name="use_link"),
    path("sign-up/", sign_up.sign_up, name="sign_up"),
    path("sign-out/", sign_in.sign_out, name="sign_out"),
    path("two-factor/", two_factor.two_factor, name="two_factor"),
    path("two-factor/backup-codes/", two_factor.backup_codes, name="backup_codes"),
    path("me/", me.my_details, name="my_details"),
    path("me/confirm/", me.resend_confirmation, name="resend_confirmation"),
]
