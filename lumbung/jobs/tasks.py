import smtplib

from django.core.mail import EmailMultiAlternatives
from django.db.models import F
from django.utils import timezone

from . import queue
from .models import Job, OutgoingEmail

# Errors of the mail server or the network: passing, so the mail is tried again later.
TRANSIENT_ERRORS = (smtplib.SMTPException, OSError)


@queue.task("jobs.send_email")
def send_email(job: Job, *, mail_id: int) -> None:
    mail = OutgoingEmail.objects.filter(pk=mail_id).first()
    if mail is None:
        raise queue.JobError(f"Email #{mail_id} tidak ditemukan.")
    if mail.state == OutgoingEmail.State.SENT:
        return  # a job run twice (lost lease) must not send a second copy
    message = EmailMultiAlternatives(mail.subject, mail.text, None, [mail.to])
    if mail.html:
        message.attach_alternative(mail.html, "text/html")
    try:
        message.send()
    except TRANSIENT_ERRORS as error:
        last = job.attempts >= job.max_attempts
        OutgoingEmail.objects.filter(pk=mail.pk).exclude(state=OutgoingEmail.State.SENT).update(
            attempts=F("attempts") + 1,
            last_error=f"{type(error).__name__}: {error}"[:1000],
            # After the last attempt it is marked failed and kept: an admin can send it again.
            state=OutgoingEmail.State.FAILED if last else OutgoingEmail.State.PENDING,
        )
        raise queue.RetryLater(f"Server email belum dapat dihubungi: {error}") from error
    OutgoingEmail.objects.filter(pk=mail.pk).update(
        state=OutgoingEmail.State.SENT, sent_at=timezone.now(), attempts=F("attempts") + 1, last_error=""
    )
