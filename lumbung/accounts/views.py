from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import i18n as i18n_views
from django.views.decorators.http import require_POST

from lumbung.core.forms import add_service_errors

from . import selectors, services
from .access import (
    AuthenticatedRequest,
    get_member_for_admin,
    get_membership_for_admin,
    get_region_for_admin,
    memberships_of,
)
from .demo import DEMO_PASSWORD, demo_logins_to_show
from .forms import (
    LoginForm,
    MembershipAddForm,
    PasswordChangeForm,
    PasswordResetForm,
    PeopleFilterForm,
    PersonInviteForm,
    ProfileForm,
    SetPasswordForm,
)
from .models import User

PAGE_SIZE = 25


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["demo_logins"] = demo_logins_to_show()
        context["demo_password"] = DEMO_PASSWORD
        return context


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    form_class = PasswordResetForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_set.html"
    form_class = SetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")
    extra_context = {
        "title": gettext_lazy("Buat kata sandi baru"),
        "invalid_text": gettext_lazy(
            "Tautan ini sudah tidak berlaku: mungkin sudah dipakai atau sudah kedaluwarsa. "
            "Silakan minta tautan baru."
        ),
    }


class InvitationAcceptView(auth_views.PasswordResetConfirmView):
    """An invited person sets their first password through the link in the invitation email."""

    template_name = "accounts/password_set.html"
    form_class = SetPasswordForm
    post_reset_login = True
    extra_context = {
        "title": gettext_lazy("Buat kata sandi"),
        "intro": gettext_lazy("Selamat datang di Lumbung. Buat kata sandi untuk akun Anda."),
        "invalid_text": gettext_lazy(
            "Tautan undangan ini sudah tidak berlaku: mungkin sudah dipakai atau sudah kedaluwarsa. "
            "Minta admin wilayah Anda mengirim ulang undangan, atau pakai “Lupa kata sandi?”."
        ),
    }

    def get_success_url(self) -> str:
        return resolve_url(settings.LOGIN_REDIRECT_URL)

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(
            self.request, _("Kata sandi Anda sudah dibuat dan Anda sudah masuk. Selamat bekerja!")
        )
        return response


password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)
password_change = auth_views.PasswordChangeView.as_view(
    template_name="accounts/password_change.html",
    form_class=PasswordChangeForm,
    success_url=reverse_lazy("accounts:password_change_done"),
)
password_change_done = auth_views.PasswordChangeDoneView.as_view(
    template_name="accounts/password_change_done.html"
)


def _set_language_cookie(response: HttpResponse, language: str) -> None:
    # The same cookie Django's set_language view writes, so LocaleMiddleware and
    # UserLanguageMiddleware both follow the choice from the next request on.
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


@login_required
def profile(request: AuthenticatedRequest) -> HttpResponse:
    # A fresh copy: the form writes posted values onto its instance, and request.user must not
    # show a rejected name in the page header.
    me = User.objects.get(pk=request.user.pk)
    form = ProfileForm(request.POST or None, instance=me)
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_update(user=me, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            translation.activate(me.language)
            messages.success(request, _("Profil Anda sudah disimpan."))
            response = redirect("accounts:profile")
            _set_language_cookie(response, me.language)
            return response
    return render(
        request, "accounts/profile.html", {"form": form, "memberships": memberships_of(request.user)}
    )


@login_required
def people(request: AuthenticatedRequest, code: str) -> HttpResponse:
    region = get_region_for_admin(request.user, code)
    form = PeopleFilterForm(request.GET or None, region=region)
    filters: dict[str, Any] = form.cleaned_data if form.is_valid() else {}
    rows = selectors.people_in_region(
        region, q=filters.get("q") or "", role=filters.get("role") or "", unit=filters.get("unit")
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/people.html",
        {
            "region": region,
            "form": form,
            "page_obj": page,
            "rows": selectors.person_rows(page.object_list),
            "filtered": any(filters.values()),
        },
    )


@login_required
def person_invite(request: AuthenticatedRequest, code: str) -> HttpResponse:
    region = get_region_for_admin(request.user, code)
    form = PersonInviteForm(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.person_invite(
                actor=request.user,
                region=region,
                request_base_url=request.build_absolute_uri("/"),
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s sudah ditambahkan dan email pemberitahuan dikirim ke %(email)s.")
                % {"name": person, "email": person.email},
            )
            return redirect("accounts:person_detail", code=region.code, pk=person.pk)
    return render(request, "accounts/person_invite.html", {"region": region, "form": form})


@login_required
def person_detail(request: AuthenticatedRequest, code: str, pk: int) -> HttpResponse:
    region = get_region_for_admin(request.user, code)
    person = get_member_for_admin(request.user, region, pk)
    form = MembershipAddForm(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_add(actor=request.user, region=region, user=person, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Peran sudah ditambahkan."))
            return redirect("accounts:person_detail", code=region.code, pk=person.pk)
    memberships = selectors.memberships_in_region(person, region)
    return render(
        request,
        "accounts/person_detail.html",
        {
            "region": region,
            "person": person,
            "memberships": memberships,
            "is_active": selectors.is_active_in_region(memberships),
            "is_me": person.pk == request.user.pk,
            "form": form,
        },
    )


def _error_messages(request: AuthenticatedRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
@require_POST
def membership_remove(request: AuthenticatedRequest, code: str, pk: int, membership_pk: int) -> HttpResponse:
    region = get_region_for_admin(request.user, code)
    person = get_member_for_admin(request.user, region, pk)
    membership = get_membership_for_admin(request.user, region, person, membership_pk)
    try:
        services.membership_remove(actor=request.user, membership=membership)
    except ValidationError as error:
        _error_messages(request, error)
        return redirect("accounts:person_detail", code=region.code, pk=person.pk)
    messages.success(request, _("Peran %(role)s sudah dihapus.") % {"role": membership.get_role_display()})
    if not person.memberships.filter(region=region).exists():
        messages.info(request, _("%(name)s tidak lagi memiliki peran di wilayah ini.") % {"name": person})
        return redirect("accounts:people", code=region.code)
    return redirect("accounts:person_detail", code=region.code, pk=person.pk)


@login_required
@require_POST
def person_set_active(request: AuthenticatedRequest, code: str, pk: int) -> HttpResponse:
    region = get_region_for_admin(request.user, code)
    person = get_member_for_admin(request.user, region, pk)
    active = request.POST.get("active") == "1"
    try:
        services.person_set_active(actor=request.user, region=region, user=person, active=active)
    except ValidationError as error:
        _error_messages(request, error)
    else:
        if active:
            messages.success(request, _("%(name)s aktif kembali di wilayah ini.") % {"name": person})
        else:
            messages.success(request, _("%(name)s dinonaktifkan di wilayah ini.") % {"name": person})
    return redirect("accounts:person_detail", code=region.code, pk=person.pk)


@login_required
@require_POST
def invitation_resend(request: AuthenticatedRequest, code: str, pk: int) -> HttpResponse:
    region = get_region_for_admin(request.user, code)
    person = get_member_for_admin(request.user, region, pk)
    try:
        services.invitation_resend(
            actor=request.user, region=region, user=person, request_base_url=request.build_absolute_uri("/")
        )
    except ValidationError as error:
        _error_messages(request, error)
    else:
        messages.success(request, _("Undangan baru sudah dikirim ke %(email)s.") % {"email": person.email})
    return redirect("accounts:person_detail", code=region.code, pk=person.pk)


@require_POST
def language_set(request: HttpRequest) -> HttpResponse:
    """Switch the interface language; a signed-in user keeps the choice on their account too."""
    response = i18n_views.set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        services.language_set(user=request.user, language=language)
    return response
