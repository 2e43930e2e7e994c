"""Queued mail: stored with its job, sent by the worker, retried while the server is down, never lost."""

import datetime as dt
import smtplib
from typing import Any

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse
from django.utils import timezone

from lumbung.accounts.models import User
from lumbung.jobs import queue
from lumbung.jobs.mail import MAIL_ATTEMPTS, queue_email
from lumbung.jobs.models import Job, OutgoingEmail

pytestmark = pytest.mark.django_db
DOWN = "tests.test_mail.DownBackend"
REFUSED = "tests.test_mail.RefusedBackend"


class DownBackend(BaseEmailBackend):
    """A mail server that answers with an SMTP error."""

    def send_messages(self, email_messages: Any) -> int:
        raise smtplib.SMTPServerDisconnected("server sedang mati")


class RefusedBackend(BaseEmailBackend):
    """No mail server listening at all."""

    def send_messages(self, email_messages: Any) -> int:
        raise ConnectionRefusedError(111, "Connection refused")


def _make_ready() -> None:
    # Skip the back-off wait, as if the clock had moved on.
    Job.objects.filter(state=Job.State.QUEUED).update(run_after=timezone.now())


def test_a_queued_mail_is_sent_by_the_worker_with_a_plain_text_part() -> None:
    stored = queue_email(to="a@uji.id", subject="Halo\nsemua", text="Isi surat.", html="<p>Isi surat.</p>")
    assert mail.outbox == []  # nothing leaves before the worker runs
    assert stored.state == OutgoingEmail.State.PENDING
    queue.run_pending()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["a@uji.id"]
    assert message.subject == "Halo semua"  # one header line
    assert message.body == "Isi surat."
    assert message.alternatives[0][1] == "text/html"
    stored.refresh_from_db()
    assert stored.state == OutgoingEmail.State.SENT and stored.sent_at is not None and stored.attempts == 1


def test_the_language_is_recorded() -> None:
    from django.utils import translation

    with translation.override("en"):
        assert queue_email(to="a@uji.id", subject="s", text="t").language == "en"
    assert queue_email(to="a@uji.id", subject="s", text="t", language="id").language == "id"


@pytest.mark.parametrize("backend", [DOWN, REFUSED])
def test_a_server_that_is_down_delays_the_mail_until_it_is_back(settings: Any, backend: str) -> None:
    settings.EMAIL_BACKEND = backend
    stored = queue_email(to="a@uji.id", subject="Penting", text="Isi.")
    before = timezone.now()
    queue.run_pending()
    stored.refresh_from_db()
    job = Job.objects.get(task="jobs.send_email")
    assert stored.state == OutgoingEmail.State.PENDING and stored.attempts == 1
    assert stored.last_error
    assert job.state == Job.State.QUEUED
    assert job.run_after >= before + dt.timedelta(seconds=25)  # back-off, not an immediate retry
    assert queue.run_pending().done == 0  # not before its time

    _make_ready()
    queue.run_pending()
    job.refresh_from_db()
    assert job.run_after >= timezone.now() + dt.timedelta(seconds=100)  # the wait grows (2 min)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    _make_ready()
    queue.run_pending()
    stored.refresh_from_db()
    assert stored.state == OutgoingEmail.State.SENT and stored.attempts == 3
    assert len(mail.outbox) == 1
    # Never twice: another run (or a job run again after a lost lease) sends nothing more.
    _make_ready()
    queue.run_pending()
    queue.enqueue("jobs.send_email", title="lagi", args={"mail_id": stored.pk})
    queue.run_pending()
    assert len(mail.outbox) == 1


def test_after_the_last_attempt_the_mail_is_failed_and_kept(settings: Any) -> None:
    settings.EMAIL_BACKEND = DOWN
    stored = queue_email(to="a@uji.id", subject="Penting", text="Isi.")
    for _ in range(MAIL_ATTEMPTS):
        _make_ready()
        queue.run_pending()
    stored.refresh_from_db()
    assert stored.state == OutgoingEmail.State.FAILED and stored.attempts == MAIL_ATTEMPTS
    assert Job.objects.get(task="jobs.send_email").state == Job.State.FAILED


def _failed_mail_to(user: User, settings: Any) -> OutgoingEmail:
    settings.EMAIL_BACKEND = DOWN
    stored = queue_email(to=user.email, subject="Penting", text="Isi.")
    for _ in range(MAIL_ATTEMPTS):
        _make_ready()
        queue.run_pending()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return stored


def test_region_admin_sees_unsent_mails_of_their_people_and_retries(
    admin_in_client: Any, region: Any, innovator: User, foreign_innovator: User, settings: Any
) -> None:
    mine = _failed_mail_to(innovator, settings)
    theirs = queue_email(to=foreign_innovator.email, subject="Milik wilayah lain", text="x")
    page = admin_in_client.get(reverse("notifications:unsent_mails", args=[region.code]))
    assert page.status_code == 200
    assert innovator.email in page.text and "Milik wilayah lain" not in page.text
    # A mail to someone of another region is not reachable from this region.
    url = reverse("notifications:mail_retry", args=[region.code, theirs.pk])
    assert admin_in_client.post(url).status_code == 404

    response = admin_in_client.post(reverse("notifications:mail_retry", args=[region.code, mine.pk]))
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.state == OutgoingEmail.State.PENDING
    # A second click does not queue a second copy.
    admin_in_client.post(reverse("notifications:mail_retry", args=[region.code, mine.pk]))
    queue.run_pending()
    mine.refresh_from_db()
    assert mine.state == OutgoingEmail.State.SENT
    assert [m.to for m in mail.outbox].count([innovator.email]) == 1


def test_unsent_mail_page_is_for_region_admins_only(
    client: Any, region: Any, innovator: User, foreign_admin: User
) -> None:
    for who in (innovator, foreign_admin):
        client.force_login(who)
        assert client.get(reverse("notifications:unsent_mails", args=[region.code])).status_code == 404
