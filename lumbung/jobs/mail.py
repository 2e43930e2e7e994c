"""Mail goes through the queue: stored first, then sent by the worker, retried while the server is down.

A mail is written in the caller's transaction together with its job, so it leaves only if the
transaction commits, and a mail server that is down delays it instead of losing it.
"""

from django.db import transaction
from django.utils import translation

from . import queue
from .models import OutgoingEmail

# Retries wait 30 s, 2 min, 8 min, 32 min, 2 h 8 min: a server down for an afternoon still delivers.
MAIL_ATTEMPTS = 6


def _enqueue(mail: OutgoingEmail) -> None:
    queue.enqueue(
        "jobs.send_email",
        title=f"Email: {mail.subject}",
        args={"mail_id": mail.pk},
        max_attempts=MAIL_ATTEMPTS,
    )


@transaction.atomic
def queue_email(
    *, to: str, subject: str, text: str, html: str | None = None, language: str | None = None
) -> OutgoingEmail:
    """Store a mail and enqueue its sending; `language` defaults to the active one (for the record)."""
    mail = OutgoingEmail.objects.create(
        to=to,
        # Subjects are one line: a stray newline from a template would make an invalid header.
        subject=" ".join(subject.split())[:250],
        text=text,
        html=html or "",
        language=language or translation.get_language() or "",
    )
    _enqueue(mail)
    return mail


@transaction.atomic
def email_retry(*, mail: OutgoingEmail) -> bool:
    """Try a failed mail again from the start; False when it is not failed (already pending or sent)."""
    # Conditional, so two clicks never put two jobs (and two copies) on the same mail.
    updated = OutgoingEmail.objects.filter(pk=mail.pk, state=OutgoingEmail.State.FAILED).update(
        state=OutgoingEmail.State.PENDING, last_error=""
    )
    if not updated:
        return False
    mail.state = OutgoingEmail.State.PENDING
    _enqueue(mail)
    return True
