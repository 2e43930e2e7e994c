"""Attendance: QR check-in with its refusals, list marking, the report, and who may see what."""

import datetime as dt
import zoneinfo
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lumbung.accounts.models import User
from lumbung.labs import attendance, services
from lumbung.labs.models import Attendance, Cohort, Mode, Participant, Session
from lumbung.regions.models import Region, Unit

pytestmark = pytest.mark.django_db

WITA = zoneinfo.ZoneInfo("Asia/Makassar")
LINK = "https://meet.example.id/lab"


@pytest.fixture
def cohort(
    region: Region, admin: User, unit: Unit, other_unit: Unit, innovator: User, other_innovator: User
) -> Cohort:
    cohort = services.cohort_create(actor=admin, region=region, name="Lab Inovasi 2024", year=2024)
    services.participants_enrol(cohort=cohort, units=[unit, other_unit])
    return cohort


def make_session(
    cohort: Cohort, starts_at: dt.datetime, hours: int = 3, mode: str = Mode.IN_PERSON, title: str = "Pleno"
) -> Session:
    # Straight to the table: these tests are about attendance, not the stage's schedule rules.
    return Session.objects.create(
        stage=cohort.stages.get(code="drum_up"),
        title=title,
        kind=Session.Kind.PLENARY,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=hours),
        mode=mode,
        venue="Aula" if mode != Mode.ONLINE else "",
        meeting_link=LINK if mode != Mode.IN_PERSON else "",
    )


START = dt.datetime(2024, 3, 1, 9, 0, tzinfo=WITA)


@pytest.fixture
def luring(cohort: Cohort) -> Session:
    return make_session(cohort, START)


def token_of(session: Session) -> str:
    return attendance.check_in_get_or_open(session=session).token


# Services


def test_check_in_records_once_and_twice_is_idempotent(luring: Session, innovator: User) -> None:
    token = token_of(luring)
    record, created = attendance.attendance_check_in(session=luring, user=innovator, token=token, now=START)
    assert created and record.method == Attendance.Method.QR and record.marked_by == innovator
    again, created = attendance.attendance_check_in(
        session=luring, user=innovator, token=token, now=START + dt.timedelta(minutes=5)
    )
    assert not created and again.pk == record.pk
    assert Attendance.objects.count() == 1


def test_check_in_window_is_an_hour_before_start_until_the_end(luring: Session, innovator: User) -> None:
    token = token_of(luring)
    with pytest.raises(ValidationError, match=r"belum dibuka.*1 Maret 2024 08\.00 WITA"):
        attendance.attendance_check_in(
            session=luring, user=innovator, token=token, now=START - dt.timedelta(hours=1, minutes=1)
        )
    with pytest.raises(ValidationError, match=r"sudah selesai pada 1 Maret 2024 12\.00 WITA"):
        attendance.attendance_check_in(
            session=luring, user=innovator, token=token, now=START + dt.timedelta(hours=3, seconds=1)
        )
    _record, created = attendance.attendance_check_in(
        session=luring, user=innovator, token=token, now=START - dt.timedelta(hours=1)
    )
    assert created


def test_check_in_refuses_outsiders_old_tokens_and_online_sessions(
    cohort: Cohort, luring: Session, innovator: User, leader: User, foreign_coach: User
) -> None:
    old = token_of(luring)
    with pytest.raises(ValidationError, match="tidak terdaftar sebagai peserta"):
        attendance.attendance_check_in(session=luring, user=leader, token=old, now=START)
    services.coach_add(cohort=cohort, user=foreign_coach)
    with pytest.raises(ValidationError, match="tidak terdaftar sebagai peserta"):
        attendance.attendance_check_in(session=luring, user=foreign_coach, token=old, now=START)
    with pytest.raises(ValidationError, match="tidak berlaku lagi"):
        attendance.attendance_check_in(session=luring, user=innovator, token="salah", now=START)
    new = attendance.check_in_regenerate(session=luring).token
    assert new != old
    with pytest.raises(ValidationError, match="tidak berlaku lagi"):
        attendance.attendance_check_in(session=luring, user=innovator, token=old, now=START)
    assert attendance.attendance_check_in(session=luring, user=innovator, token=new, now=START)[1]

    daring = make_session(cohort, START, mode=Mode.ONLINE)
    with pytest.raises(ValidationError, match="Sesi ini daring"):
        attendance.attendance_check_in(session=daring, user=innovator, token=token_of(daring), now=START)
    both = make_session(cohort, START, mode=Mode.BOTH)
    assert attendance.attendance_check_in(session=both, user=innovator, token=token_of(both), now=START)[1]


def test_list_marking_adds_and_removes(cohort: Cohort, luring: Session, admin: User, innovator: User) -> None:
    me, other = Participant.objects.filter(cohort=cohort).order_by("pk")
    assert attendance.attendance_set_list(session=luring, actor=admin, present=[me.pk, other.pk]) == (2, 0)
    assert attendance.attendance_set_list(session=luring, actor=admin, present=[me.pk]) == (0, 1)
    assert list(Attendance.objects.values_list("participant", "method")) == [(me.pk, "list")]
    groups = attendance.attendance_list(luring)
    assert [(g.unit_label, [r.present for r in g.rows]) for g in groups] == [
        ("Dinkes", [True]),
        ("Disdag", [False]),
    ]
    stranger = Participant.objects.create(cohort=services.cohort_create(
        actor=admin, region=cohort.region, name="Angkatan lain", year=2024
    ), user=admin)  # fmt: skip
    with pytest.raises(ValidationError, match="tidak terdaftar di angkatan ini"):
        attendance.attendance_set_list(session=luring, actor=admin, present=[stranger.pk])


def test_report_per_session_unit_and_person(cohort: Cohort, admin: User, innovator: User) -> None:
    first = make_session(cohort, START, title="Satu")
    second = make_session(cohort, START + dt.timedelta(days=1), title="Dua")
    future = make_session(cohort, START + dt.timedelta(days=30), title="Nanti")
    me, other = Participant.objects.filter(cohort=cohort).order_by("pk")
    attendance.attendance_set_list(session=first, actor=admin, present=[me.pk, other.pk])
    attendance.attendance_set_list(session=second, actor=admin, present=[me.pk])
    now = START + dt.timedelta(days=2)
    with CaptureQueriesContext(connection) as queries:
        report = attendance.attendance_report(cohort, now=now)
    assert len(queries) <= 4
    assert report.held == 2
    assert [(s.session.title, s.present, s.enrolled, s.percent) for s in report.sessions] == [
        ("Satu", 2, 2, 100.0), ("Dua", 1, 2, 50.0), ("Nanti", 0, 2, 0.0)
    ]  # fmt: skip
    assert [(u.unit_label, u.people, u.present, u.percent) for u in report.units] == [
        ("Dinkes", 1, 2, 100.0), ("Disdag", 1, 1, 50.0)
    ]  # fmt: skip
    assert [(p.participant.user, p.present, p.percent) for p in report.people] == [
        (innovator, 2, 100.0), (other.user, 1, 50.0)
    ]  # fmt: skip
    assert future.attendances.count() == 0


# Pages and permissions


def test_participant_checks_in_through_the_page(
    client: Any, cohort: Cohort, admin: User, innovator: User
) -> None:
    now_session = make_session(cohort, timezone.now() - dt.timedelta(minutes=30))
    client.force_login(admin)
    screen = client.get(reverse("labs:attendance_screen", args=[cohort.pk, now_session.pk])).content.decode()
    assert "data:image/svg+xml" in screen
    url = reverse("labs:attendance_check_in", args=[now_session.pk, token_of(now_session)])
    assert f"http://testserver{url}" in screen

    client.force_login(innovator)
    assert "Konfirmasi hadir" in client.get(url).content.decode()
    page = client.post(url, follow=True).content.decode()
    assert "kehadiran Anda sudah dicatat" in page and "Konfirmasi hadir" not in page
    again = client.post(url, follow=True).content.decode()
    assert "sudah tercatat" in again
    assert Attendance.objects.filter(session=now_session).count() == 1

    # Regenerating the QR makes the photographed link useless, with a message that says so.
    client.force_login(admin)
    client.post(reverse("labs:attendance_screen", args=[cohort.pk, now_session.pk]))
    client.force_login(innovator)
    assert "tidak berlaku lagi" in client.get(url).content.decode()


def test_check_in_page_refuses_with_a_message(client: Any, cohort: Cohort, leader: User) -> None:
    session = make_session(cohort, timezone.now() + dt.timedelta(hours=3))
    url = reverse("labs:attendance_check_in", args=[session.pk, token_of(session)])
    client.force_login(leader)
    assert "tidak terdaftar" not in client.get(url).content.decode()  # the window is checked first
    assert "belum dibuka" in client.get(url).content.decode()
    page = client.post(url, follow=True).content.decode()
    assert "belum dibuka" in page and Attendance.objects.count() == 0
    client.logout()
    assert client.get(url).status_code == 302  # to the sign-in page, then back here


def test_admin_marks_the_list_in_one_post(admin_in_client: Any, cohort: Cohort) -> None:
    session = make_session(cohort, START, mode=Mode.ONLINE)
    me, other = Participant.objects.filter(cohort=cohort).order_by("pk")
    url = reverse("labs:attendance_list", args=[cohort.pk, session.pk])
    page = admin_in_client.get(url).content.decode()
    assert "Dinkes" in page and "Disdag" in page and f'value="{me.pk}"' in page
    response = admin_in_client.post(url, {"present": [str(me.pk), str(other.pk)]}, follow=True)
    assert "2 ditambahkan" in response.content.decode()
    assert Attendance.objects.filter(session=session, method=Attendance.Method.LIST).count() == 2
    screen = admin_in_client.get(reverse("labs:attendance_screen", args=[cohort.pk, session.pk]))
    assert "data:image/svg+xml" not in screen.content.decode()  # no QR for an online session
    report = admin_in_client.get(reverse("labs:attendance_report", args=[cohort.pk])).content.decode()
    assert "2/2" in report
    detail = admin_in_client.get(reverse("labs:detail", args=[cohort.pk])).content.decode()
    assert url in detail


def test_admin_pages_are_for_the_regions_admin(
    client: Any, cohort: Cohort, luring: Session, innovator: User, foreign_admin: User
) -> None:
    urls = [
        reverse("labs:attendance_report", args=[cohort.pk]),
        reverse("labs:attendance_list", args=[cohort.pk, luring.pk]),
        reverse("labs:attendance_screen", args=[cohort.pk, luring.pk]),
    ]
    client.force_login(innovator)
    for url in urls:
        assert client.get(url).status_code == 403, url
        assert client.post(url, {}).status_code == 403, url
    client.force_login(foreign_admin)
    for url in urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {}).status_code == 404, url
    assert Attendance.objects.count() == 0


# Personal badges scanned by organisers


def me_in(cohort: Cohort, user: User) -> Participant:
    return Participant.objects.get(cohort=cohort, user=user)


def badge_url(participant: Participant) -> str:
    return reverse("labs:attendance_badge_scan", args=[attendance.badge_token(participant)])


def test_participant_sees_their_own_badge(
    client: Any, cohort: Cohort, innovator: User, admin: User, foreign_admin: User,
    django_assert_max_num_queries: Any,
) -> None:  # fmt: skip
    url = reverse("labs:participant_badge", args=[cohort.pk])
    client.force_login(innovator)
    with django_assert_max_num_queries(8):
        page = client.get(url).content.decode()
    assert "Inovator" in page and "Dinas Kesehatan" in page and "<svg" in page
    me = me_in(cohort, innovator)
    assert attendance.badge_token(me) == attendance.badge_token(me)  # a printed badge keeps working
    assert attendance.badge_participant_id(f"http://testserver{badge_url(me)}") == me.pk
    client.force_login(admin)  # an organiser has no badge of their own
    assert client.get(url).status_code == 404
    client.force_login(foreign_admin)
    assert client.get(url).status_code == 404


def test_organiser_scans_a_badge_and_confirms(
    client: Any, cohort: Cohort, admin: User, innovator: User, django_assert_max_num_queries: Any
) -> None:
    running = make_session(cohort, timezone.now() - dt.timedelta(minutes=30), title="Pleno berjalan")
    make_session(cohort, timezone.now() - dt.timedelta(hours=1), mode=Mode.ONLINE, title="Daring")
    url = badge_url(me_in(cohort, innovator))
    client.force_login(admin)
    with django_assert_max_num_queries(10):
        page = client.get(url).content.decode()
    assert "Inovator" in page and f'value="{running.pk}" checked' in page and "Daring" not in page

    done = client.post(url, {"session": running.pk}, follow=True).content.decode()
    assert "tercatat hadir di Pleno berjalan" in done and "sudah tercatat" in done
    record = Attendance.objects.get()
    assert record.method == Attendance.Method.ORGANISER and record.marked_by == admin

    again = client.post(url, {"session": running.pk}, follow=True)
    assert again.status_code == 200 and "sudah tercatat sebelumnya" in again.content.decode()
    assert Attendance.objects.count() == 1
    assert "Pilih sesi" in client.post(url, {"session": "x"}, follow=True).content.decode()


def test_badge_scan_refuses_tampered_tokens_and_non_organisers(
    client: Any, cohort: Cohort, admin: User, innovator: User, other_innovator: User, foreign_admin: User
) -> None:
    session = make_session(cohort, timezone.now() - dt.timedelta(minutes=30))
    me = me_in(cohort, innovator)
    token = attendance.badge_token(me)
    other = me_in(cohort, other_innovator)
    forged = f"{other.pk}:{token.split(':', 1)[1]}"  # someone else's id under this signature
    client.force_login(admin)
    for bad in (forged, token[:-2] + "xx", "42"):
        response = client.get(reverse("labs:attendance_badge_scan", args=[bad]))
        assert response.status_code == 400 and "tidak sah" in response.content.decode()
        assert (
            client.post(
                reverse("labs:attendance_badge_scan", args=[bad]), {"session": session.pk}
            ).status_code
            == 400
        )
    client.force_login(other_innovator)  # a participant may not mark another
    assert client.get(badge_url(me)).status_code == 403
    assert client.post(badge_url(me), {"session": session.pk}).status_code == 403
    client.force_login(foreign_admin)
    assert client.post(badge_url(me), {"session": session.pk}).status_code == 404
    assert Attendance.objects.count() == 0


def test_organiser_marking_window_and_enrolment(
    cohort: Cohort, admin: User, innovator: User, foreign_coach: User
) -> None:
    me = me_in(cohort, innovator)
    session = make_session(cohort, START)  # 09.00–12.00 WITA
    closed = START + dt.timedelta(hours=5, seconds=1)  # more than two hours after the end
    with pytest.raises(ValidationError, match=r"sudah selesai pada 1 Maret 2024 12\.00 WITA"):
        attendance.attendance_mark_by_organiser(session=session, participant=me, actor=admin, now=closed)
    with pytest.raises(ValidationError, match="belum dibuka"):
        attendance.attendance_mark_by_organiser(
            session=session, participant=me, actor=admin, now=START - dt.timedelta(hours=2)
        )
    late = START + dt.timedelta(hours=4)  # after the end, within the organisers' two hours
    record, created = attendance.attendance_mark_by_organiser(
        session=session, participant=me, actor=admin, now=late
    )
    assert created and record.method == Attendance.Method.ORGANISER
    # Scanned again once closed: told it was recorded, not refused.
    again = attendance.attendance_mark_by_organiser(session=session, participant=me, actor=admin, now=closed)
    assert again == (record, False)

    coach = services.coach_add(cohort=cohort, user=foreign_coach)
    with pytest.raises(ValidationError, match="tidak terdaftar sebagai peserta"):
        attendance.attendance_mark_by_organiser(session=session, participant=coach, actor=admin, now=START)
    daring = make_session(cohort, START, mode=Mode.ONLINE)
    with pytest.raises(ValidationError, match="Sesi ini daring"):
        attendance.attendance_mark_by_organiser(session=daring, participant=me, actor=admin, now=START)
    elsewhere = services.cohort_create(actor=admin, region=cohort.region, name="Angkatan lain", year=2024)
    stranger = Participant.objects.create(cohort=elsewhere, user=admin)
    with pytest.raises(ValidationError, match="angkatan lain"):
        attendance.attendance_mark_by_organiser(session=session, participant=stranger, actor=admin, now=START)
    stranger_token = attendance.badge_token(stranger)
    stranger.delete()
    with pytest.raises(ValidationError, match="tidak terdaftar lagi"):
        attendance.badge_participant(stranger_token)
    assert Attendance.objects.count() == 1


def test_default_session_is_the_one_on_now_else_the_next_today(cohort: Cohort) -> None:
    ended_long_ago = make_session(cohort, START - dt.timedelta(hours=6), hours=1, title="Pagi")
    just_ended = make_session(cohort, START - dt.timedelta(hours=2), hours=1, title="Baru selesai")
    later = make_session(cohort, START + dt.timedelta(hours=5), title="Sore")
    make_session(cohort, START + dt.timedelta(days=1), title="Besok")
    make_session(cohort, START, mode=Mode.ONLINE, title="Daring")
    sessions, default = attendance.organiser_sessions(cohort, now=START)
    assert [s.title for s in sessions] == ["Baru selesai", "Sore"] and default == later
    running = make_session(cohort, START - dt.timedelta(minutes=10), title="Berjalan")
    sessions, default = attendance.organiser_sessions(cohort, now=START)
    assert default == running and ended_long_ago not in sessions and just_ended in sessions


def test_bulk_scan_page_takes_typed_tokens_and_links(
    client: Any, cohort: Cohort, admin: User, innovator: User, other_innovator: User,
    django_assert_max_num_queries: Any,
) -> None:  # fmt: skip
    session = make_session(cohort, timezone.now() - dt.timedelta(minutes=30))
    url = reverse("labs:attendance_scan", args=[cohort.pk, session.pk])
    me, other = me_in(cohort, innovator), me_in(cohort, other_innovator)
    client.force_login(admin)
    assert "Belum ada yang tercatat hadir" in client.get(url).content.decode()
    first = client.post(url, {"code": f"  http://testserver{badge_url(me)}\n"}, follow=True).content.decode()
    assert "Inovator tercatat hadir" in first
    assert (
        "tercatat hadir"
        in client.post(url, {"code": attendance.badge_token(other)}, follow=True).content.decode()
    )
    repeat = client.post(url, {"code": attendance.badge_token(other)}, follow=True).content.decode()
    assert "sudah tercatat sebelumnya" in repeat
    assert "tidak sah" in client.post(url, {"code": "https://contoh.id/lain"}, follow=True).content.decode()
    assert "Pindai kode QR peserta" in client.post(url, {"code": " "}, follow=True).content.decode()
    with django_assert_max_num_queries(10):
        page = client.get(url).content.decode()
    assert "2 orang tercatat hadir" in page
    assert set(Attendance.objects.values_list("participant", "method")) == {
        (me.pk, "organiser"), (other.pk, "organiser")
    }  # fmt: skip

    elsewhere = services.cohort_create(actor=admin, region=cohort.region, name="Angkatan lain", year=2024)
    stranger = Participant.objects.create(cohort=elsewhere, user=admin)
    refused = client.post(url, {"code": attendance.badge_token(stranger)}, follow=True).content.decode()
    assert "milik peserta angkatan lain" in refused
    client.force_login(innovator)
    assert client.get(url).status_code == 403 and client.post(url, {"code": "x"}).status_code == 403
    assert Attendance.objects.count() == 2


def test_scanning_for_a_closed_session_is_refused_on_the_page(
    client: Any, cohort: Cohort, admin: User, innovator: User
) -> None:
    closed = make_session(cohort, timezone.now() - dt.timedelta(hours=6), hours=3)  # ended 3 hours ago
    url = reverse("labs:attendance_scan", args=[cohort.pk, closed.pk])
    client.force_login(admin)
    assert "presensi sudah ditutup" in client.get(url).content.decode()
    token = attendance.badge_token(me_in(cohort, innovator))
    assert "presensi sudah ditutup" in client.post(url, {"code": token}, follow=True).content.decode()
    badge = client.post(badge_url(me_in(cohort, innovator)), {"session": closed.pk}, follow=True)
    assert "presensi sudah ditutup" in badge.content.decode()
    assert Attendance.objects.count() == 0
