"""Notifications of the validation chain: who is told, by which channel, in which language; the inbox."""

from collections.abc import Callable
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from lumbung.accounts.models import Membership, Role, User
from lumbung.innovations import services as innovation_services
from lumbung.innovations.models import InnovationVersion, Status, TeamMember
from lumbung.jobs import queue
from lumbung.jobs.models import OutgoingEmail
from lumbung.notifications import services
from lumbung.notifications.models import Channel, Kind, Notification, Preference
from lumbung.regions.models import Region, Unit

from .factories import make_version, walk_to

pytestmark = pytest.mark.django_db


def recipients(kind: str) -> set[str]:
    return set(Notification.objects.filter(kind=kind).values_list("recipient__email", flat=True))


@pytest.fixture
def cast(
    make_user: Callable[..., User],
    region: Region,
    unit: Unit,
    other_unit: Unit,
    foreign_unit: Unit,
    admin: User,
    verifier: User,
    innovator: User,
    other_innovator: User,
    foreign_innovator: User,
    leader: User,
) -> dict[str, User]:
    """Everyone near the chain: the right people and the ones who must not be told."""
    other_region = foreign_unit.region
    return {
        "admin": admin,
        "verifier": verifier,
        "innovator": innovator,
        "co_innovator": make_user("inovator2@uji.id", Role.INNOVATOR, region, unit),
        "unit_verifier": make_user("verif.dinkes@uji.id", Role.VERIFIER, region, unit),
        "other_unit_verifier": make_user("verif.disdag@uji.id", Role.VERIFIER, region, other_unit),
        "other_innovator": other_innovator,
        "foreign_innovator": foreign_innovator,
        "foreign_verifier": make_user("verif@makassar.id", Role.VERIFIER, other_region),
        "leader": leader,
    }


@pytest.fixture
def version(cast: dict[str, User], region: Region, unit: Unit) -> InnovationVersion:
    return make_version(cast["innovator"], region, unit)


def test_submitted_tells_the_verifiers_of_that_region_and_unit(
    cast: dict[str, User], version: InnovationVersion
) -> None:
    innovation_services.version_move(actor=cast["innovator"], version=version, move_name="submit")
    assert recipients(Kind.SUBMITTED) == {"verifikator@uji.id", "verif.dinkes@uji.id"}
    note = Notification.objects.filter(kind=Kind.SUBMITTED).first()
    assert note is not None
    assert note.url == reverse("innovations:detail", args=[version.pk])
    assert version.name in note.title and note.region_id == version.region_id


def test_returned_tells_the_unit_innovators_and_team_users_with_the_notes(
    cast: dict[str, User], version: InnovationVersion, make_user: Callable[..., User], region: Region
) -> None:
    team_user = make_user("tim@uji.id", Role.LEADER, region)
    outsider_in_team = make_user("luar@uji.id")  # in the team but without a membership: not told
    TeamMember.objects.create(version=version, user=team_user, role="Anggota")
    TeamMember.objects.create(version=version, user=outsider_in_team, role="Mitra")
    version = walk_to(version, Status.IN_VALIDATION, cast["innovator"], cast["verifier"], cast["admin"])
    innovation_services.version_move(
        actor=cast["verifier"],
        version=version,
        move_name="request_revision",
        note="Lengkapi data anggaran.",
        field_notes={"budget": "Lampirkan DPA."},
    )
    assert recipients(Kind.RETURNED) == {"inovator@uji.id", "inovator2@uji.id", "tim@uji.id"}
    note = Notification.objects.filter(kind=Kind.RETURNED, recipient=cast["innovator"]).get()
    assert "Lengkapi data anggaran." in note.body
    assert "Lampirkan DPA." in note.body and "Anggaran" in note.body


def test_approved_tells_the_unit_innovators(cast: dict[str, User], version: InnovationVersion) -> None:
    walk_to(version, Status.APPROVED, cast["innovator"], cast["verifier"], cast["admin"])
    assert recipients(Kind.APPROVED) == {"inovator@uji.id", "inovator2@uji.id"}


def test_sent_tells_the_unit_innovators_and_the_admins_but_not_the_actor(
    cast: dict[str, User], version: InnovationVersion, make_user: Callable[..., User], region: Region
) -> None:
    make_user("admin2@uji.id", Role.ADMIN, region)
    version = walk_to(version, Status.READY, cast["innovator"], cast["verifier"], cast["admin"])
    innovation_services.version_move(actor=cast["admin"], version=version, move_name="mark_sent")
    assert recipients(Kind.SENT) == {"inovator@uji.id", "inovator2@uji.id", "admin2@uji.id"}


def test_the_actor_is_never_told_of_their_own_move(
    cast: dict[str, User], region: Region, unit: Unit, make_user: Callable[..., User]
) -> None:
    # An admin who is also a verifier submits: they are a verifier of the region, yet not told.
    Membership.objects.create(user=cast["admin"], region=region, role=Role.VERIFIER)
    version = make_version(cast["admin"], region, unit)
    innovation_services.version_move(actor=cast["admin"], version=version, move_name="submit")
    assert "admin@uji.id" not in recipients(Kind.SUBMITTED)


def test_inactive_members_and_quiet_moves_are_not_told(
    cast: dict[str, User], version: InnovationVersion
) -> None:
    Membership.objects.filter(user=cast["unit_verifier"]).update(is_active=False)
    innovation_services.version_move(actor=cast["innovator"], version=version, move_name="submit")
    assert recipients(Kind.SUBMITTED) == {"verifikator@uji.id"}
    before = Notification.objects.count()
    innovation_services.version_move(actor=cast["innovator"], version=version, move_name="withdraw")
    assert Notification.objects.count() == before


def test_a_failed_move_tells_nobody(cast: dict[str, User], version: InnovationVersion) -> None:
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        innovation_services.version_move(actor=cast["other_innovator"], version=version, move_name="submit")
    assert not Notification.objects.exists()


# Channels


def test_immediate_mail_after_the_worker_runs_with_a_plain_text_part(
    cast: dict[str, User], version: InnovationVersion
) -> None:
    innovation_services.version_move(actor=cast["innovator"], version=version, move_name="submit")
    assert mail.outbox == []
    queue.run_pending()
    to = sorted(m.to[0] for m in mail.outbox)
    assert to == ["verif.dinkes@uji.id", "verifikator@uji.id"]
    message = mail.outbox[0]
    assert version.name in message.subject
    assert f"/inovasi/{version.pk}/" in message.body  # an absolute link to the page
    assert message.body.startswith("Yth.")
    assert "/notifikasi/pengaturan/" in message.body


def test_digest_waits_for_the_digest_command_and_sends_each_notification_once(
    cast: dict[str, User], version: InnovationVersion
) -> None:
    verifier = cast["verifier"]
    Preference.objects.create(user=verifier, kind=Kind.SUBMITTED, channel=Channel.DIGEST)
    innovation_services.version_move(actor=cast["innovator"], version=version, move_name="submit")
    queue.run_pending()
    assert verifier.email not in [m.to[0] for m in mail.outbox]
    mail.outbox.clear()

    call_command("digest", stdout=StringIO())
    call_command("digest", stdout=StringIO())  # safe to run twice
    queue.run_pending()
    assert [m.to for m in mail.outbox] == [[verifier.email]]
    assert version.name in mail.outbox[0].body
    assert "Ringkasan" in mail.outbox[0].subject
    assert not Notification.objects.filter(recipient=verifier, digest_pending=True).exists()


def test_in_app_only_never_mails(cast: dict[str, User], version: InnovationVersion) -> None:
    for user in (cast["verifier"], cast["unit_verifier"]):
        Preference.objects.create(user=user, kind=Kind.SUBMITTED, channel=Channel.IN_APP)
    innovation_services.version_move(actor=cast["innovator"], version=version, move_name="submit")
    services.digest_run()
    queue.run_pending()
    assert mail.outbox == []
    assert recipients(Kind.SUBMITTED) == {"verifikator@uji.id", "verif.dinkes@uji.id"}


def test_mail_is_written_in_the_recipients_language(
    cast: dict[str, User], version: InnovationVersion
) -> None:
    User.objects.filter(pk=cast["unit_verifier"].pk).update(language="en")
    innovation_services.version_move(actor=cast["innovator"], version=version, move_name="submit")
    languages = dict(OutgoingEmail.objects.values_list("to", "language"))
    assert languages == {"verif.dinkes@uji.id": "en", "verifikator@uji.id": "id"}


def test_preferences_page_saves_a_channel_per_kind(client: Any, verifier: User) -> None:
    client.force_login(verifier)
    page = client.get(reverse("notifications:preferences"))
    assert page.status_code == 200
    data = {kind: Channel.IMMEDIATE for kind in Kind.values} | {Kind.SUBMITTED: Channel.DIGEST}
    assert client.post(reverse("notifications:preferences"), data).status_code == 302
    assert services.preferences_of(verifier)[Kind.SUBMITTED] == Channel.DIGEST
    data[Kind.SUBMITTED] = "burung-merpati"
    assert client.post(reverse("notifications:preferences"), data).status_code == 200
    assert services.preferences_of(verifier)[Kind.SUBMITTED] == Channel.DIGEST


# The inbox


def test_inbox_badge_open_and_mark_all_read(
    client: Any, cast: dict[str, User], version: InnovationVersion
) -> None:
    innovation_services.version_move(actor=cast["innovator"], version=version, move_name="submit")
    verifier = cast["verifier"]
    client.force_login(verifier)
    page = client.get(reverse("notifications:inbox"))
    assert page.status_code == 200
    assert version.name in page.text
    assert page.context["unread_notifications"] == 1
    note = Notification.objects.get(recipient=verifier)
    response = client.get(reverse("notifications:open", args=[note.pk]))
    assert response.status_code == 302 and response.url == f"/inovasi/{version.pk}/"
    note.refresh_from_db()
    assert note.is_read
    Notification.objects.filter(recipient=verifier).update(read_at=None)
    assert client.post(reverse("notifications:mark_all_read")).status_code == 302
    assert not Notification.objects.filter(recipient=verifier, read_at__isnull=True).exists()
    # Others' notifications are untouched.
    assert Notification.objects.filter(recipient=cast["unit_verifier"], read_at__isnull=True).exists()


def test_another_persons_notification_is_not_found(
    client: Any, cast: dict[str, User], version: InnovationVersion
) -> None:
    innovation_services.version_move(actor=cast["innovator"], version=version, move_name="submit")
    note = Notification.objects.get(recipient=cast["verifier"])
    client.force_login(cast["unit_verifier"])
    assert client.get(reverse("notifications:open", args=[note.pk])).status_code == 404
    note.refresh_from_db()
    assert not note.is_read
    page = client.get(reverse("notifications:inbox"))
    assert {n.recipient_id for n in page.context["page_obj"]} == {cast["unit_verifier"].pk}


@pytest.mark.parametrize(
    "url", ["https://jahat.example/", "//jahat.example/", "/\\jahat.example", "javascript:x"]
)
def test_opening_never_leaves_the_site(client: Any, innovator: User, url: str) -> None:
    with pytest.raises(ValueError):
        services.notify(recipients=[innovator], kind=Kind.APPROVED, context={}, url=url)
    # Even a row written some other way is not followed off the site.
    note = Notification.objects.create(recipient=innovator, kind=Kind.APPROVED, title="x", url=url)
    client.force_login(innovator)
    response = client.get(reverse("notifications:open", args=[note.pk]))
    assert response.status_code == 302 and response.url == reverse("notifications:inbox")


def test_inbox_needs_login(client: Any) -> None:
    response = client.get(reverse("notifications:inbox"))
    assert response.status_code == 302 and "/akun/masuk/" in response.url


def test_inbox_is_paginated_and_counts_stay_low(
    client: Any, innovator: User, django_assert_max_num_queries: Any
) -> None:
    Notification.objects.bulk_create(
        [Notification(recipient=innovator, kind=Kind.APPROVED, title=f"N{i}") for i in range(30)]
    )
    client.force_login(innovator)
    client.get(reverse("notifications:inbox"))
    with django_assert_max_num_queries(8):
        page = client.get(reverse("notifications:inbox"))
    assert len(page.context["page_obj"]) == 25
    assert "30" in page.text  # the badge


def test_a_new_role_reaches_the_inbox_of_someone_who_can_sign_in(
    admin: User, region: Region, foreign_coach: User
) -> None:
    from lumbung.accounts import services as account_services

    account_services.membership_add(actor=admin, region=region, user=foreign_coach, role=Role.JURY, unit=None)
    account_services.person_invite(
        actor=admin,
        region=region,
        email=foreign_coach.email,
        full_name="x",
        nip="",
        role=Role.COACH,
        unit=None,
        request_base_url="http://testserver/",
    )
    queue.run_pending()
    note = Notification.objects.get(recipient=foreign_coach, kind=Kind.INVITATION)
    assert "Coach" in note.title and "Kota Parepare" in note.title
    # One mail (the notice from accounts), not a second one from the inbox row.
    assert [m.to for m in mail.outbox] == [[foreign_coach.email]]
