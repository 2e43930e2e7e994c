from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("masuk/", views.LoginView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("lupa-sandi/", views.PasswordResetView.as_view(), name="password_reset"),
    path("lupa-sandi/terkirim/", views.password_reset_done, name="password_reset_done"),
    path("lupa-sandi/selesai/", views.password_reset_complete, name="password_reset_complete"),
    path(
        "lupa-sandi/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("undangan/<uidb64>/<token>/", views.InvitationAcceptView.as_view(), name="set_password"),
    path("profil/", views.profile, name="profile"),
    path("bahasa/", views.language_set, name="language_set"),
    path("profil/sandi/", views.password_change, name="password_change"),
    path("profil/sandi/selesai/", views.password_change_done, name="password_change_done"),
    path("wilayah/<str:code>/orang/", views.people, name="people"),
    path("wilayah/<str:code>/orang/undang/", views.person_invite, name="person_invite"),
    path("wilayah/<str:code>/orang/<int:pk>/", views.person_detail, name="person_detail"),
    path(
        "wilayah/<str:code>/orang/<int:pk>/peran/<int:membership_pk>/hapus/",
        views.membership_remove,
        name="membership_remove",
    ),
    path("wilayah/<str:code>/orang/<int:pk>/status/", views.person_set_active, name="person_set_active"),
    path(
        "wilayah/<str:code>/orang/<int:pk>/undang-ulang/", views.invitation_resend, name="invitation_resend"
    ),
]
