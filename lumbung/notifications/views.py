from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lumbung.accounts.access import AuthenticatedRequest, get_region_for_admin
from lumbung.core.forms import add_service_errors
from lumbung.jobs.mail import email_retry

from . import calendar, selectors, services
from .access import get_deadline_for_admin, get_notification_for_user, get_unsent_mail_for_admin
from .forms import DeadlineForm, PreferencesForm
from .models import CalendarFeed

PAGE_SIZE = 25


@login_required
def inbox(request: AuthenticatedRequest) -> HttpResponse:
    page = Paginator(selectors.inbox(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/inbox.html", {"page_obj": page})


@login_required
def notification_open(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    notification = get_notification_for_user(request.user, pk)
    return redirect(services.notification_open(user=request.user, notification=notification))


@login_required
@require_POST
def mark_all_read(request: AuthenticatedRequest) -> HttpResponse:
    services.notifications_mark_all_read(user=request.user)
    messages.success(request, _("Semua pemberitahuan sudah ditandai dibaca."))
    return redirect("notifications:inbox")


@login_required
def preferences(request: AuthenticatedRequest) -> HttpResponse:
    form = PreferencesForm(request.POST or None, current=services.preferences_of(request.user))
    if request.method == "POST" and form.is_valid():
        services.preferences_save(user=request.user, channels=form.cleaned_data)
        messages.success(request, _("Pengaturan pemberitahuan sudah disimpan."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})


# Calendar feed


@login_required
def calendar_page(request: AuthenticatedRequest) -> HttpResponse:
    feed = services.calendar_feed_for(user=request.user)
    feed_url = request.build_absolute_uri(calendar_feed_path(feed.token))
    return render(request, "notifications/calendar.html", {"feed_url": feed_url})


@login_required
@require_POST
def calendar_reset(request: AuthenticatedRequest) -> HttpResponse:
    services.calendar_feed_reset(user=request.user)
    messages.success(request, _("Alamat kalender sudah diganti; alamat lama tidak berlaku lagi."))
    return redirect("notifications:calendar")


def calendar_feed_path(token: str) -> str:
    return reverse("notifications:calendar_feed", args=[token])


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    # No login: calendar programs cannot sign in, so the secret token is the credential.
    feed = CalendarFeed.objects.filter(token=token, user__is_active=True).select_related("user").first()
    if feed is None:
        raise Http404
    response = HttpResponse(calendar.feed_for(feed.user), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="lumbung.ics"'
    response["Cache-Control"] = "private, no-store"
    return response


# Deadlines, for region admins


@login_required
def deadline_list(request: AuthenticatedRequest, code: str) -> HttpResponse:
    region = get_region_for_admin(request.user, code)
    deadlines = selectors.deadlines_of_region(region)
    return render(request, "notifications/deadline_list.html", {"region": region, "deadlines": deadlines})


@login_required
def deadline_create(request: AuthenticatedRequest, code: str) -> HttpResponse:
    region = get_region_for_admin(request.user, code)
    form = DeadlineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.deadline_create(actor=request.user, region=region, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Tenggat sudah ditambahkan."))
            return redirect("notifications:deadlines", code=region.code)
    return render(request, "notifications/deadline_form.html", {"region": region, "form": form})


@login_required
def deadline_edit(request: AuthenticatedRequest, code: str, pk: int) -> HttpResponse:
    region, deadline = get_deadline_for_admin(request.user, code, pk)
    form = DeadlineForm(request.POST or None, instance=deadline)
    if request.method == "POST" and form.is_valid():
        try:
            services.deadline_update(deadline=deadline, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Tenggat sudah disimpan."))
            return redirect("notifications:deadlines", code=region.code)
    return render(
        request, "notifications/deadline_form.html", {"region": region, "form": form, "deadline": deadline}
    )


@login_required
def deadline_delete(request: AuthenticatedRequest, code: str, pk: int) -> HttpResponse:
    region, deadline = get_deadline_for_admin(request.user, code, pk)
    if request.method == "POST":
        services.deadline_delete(deadline=deadline)
        messages.success(request, _("Tenggat %(title)s sudah dihapus.") % {"title": deadline.title})
        return redirect("notifications:deadlines", code=region.code)
    return render(request, "notifications/deadline_delete.html", {"region": region, "deadline": deadline})


# Mails not sent yet, for region admins


@login_required
def unsent_mails(request: AuthenticatedRequest, code: str) -> HttpResponse:
    region = get_region_for_admin(request.user, code)
    page = Paginator(selectors.unsent_mails_for_region(region), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/unsent_mails.html", {"region": region, "page_obj": page})


@login_required
@require_POST
def mail_retry(request: AuthenticatedRequest, code: str, pk: int) -> HttpResponse:
    region, mail = get_unsent_mail_for_admin(request.user, code, pk)
    if email_retry(mail=mail):
        messages.success(request, _("Email ke %(to)s akan dicoba kirim lagi.") % {"to": mail.to})
    else:
        messages.info(request, _("Email ke %(to)s masih menunggu giliran dikirim.") % {"to": mail.to})
    return redirect("notifications:unsent_mails", code=region.code)
