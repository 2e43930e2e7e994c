"""The innovation lab: cohorts, stages by date, sessions in the region's zone, the feed, who sees what."""

import datetime as dt
import zoneinfo
from collections.abc import Callable
from typing import Any

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lumbung.accounts.models import Role, User
from lumbung.labs import services
from lumbung.labs.models import Cohort, CohortStage, Mode, Participant, Session, StageState
from lumbung.labs.stages import STAGES
from lumbung.notifications import services as notification_services
from lumbung.regions.models import Region, Unit

pytestmark = pytest.mark.django_db

WITA = zoneinfo.ZoneInfo("Asia/Makassar")
LINK = "https://meet.example.id/lab"


@pytest.fixture
def cohort(region: Region, admin: User) -> Cohort:
    return services.cohort_create(actor=admin, region=region, name="Lab Inovasi 2023", year=2023)


def stage(cohort: Cohort, code: str) -> CohortStage:
    return cohort.stages.get(code=code)


def schedule(cohort: Cohort, code: str, start: dt.date, end: dt.date, mode: str = Mode.ONLINE) -> CohortStage:
    return services.stage_update(
        stage=stage(cohort, code),
        start_date=start,
        end_date=end,
        mode=mode,
        meeting_link=LINK if mode != Mode.IN_PERSON else "",
        venue="Aula" if mode != Mode.ONLINE else "",
    )


def add_session(cohort_stage: CohortStage, day: dt.date, start: int = 9, end: int = 12) -> Session:
    return services.session_create(
        stage=cohort_stage,
        title="Pembukaan",
        kind=Session.Kind.OPENING,
        starts_at=dt.datetime.combine(day, dt.time(start), tzinfo=WITA),
        ends_at=dt.datetime.combine(day, dt.time(end), tzinfo=WITA),
        mode=Mode.ONLINE,
        meeting_link=LINK,
        speakers="Narasumber Satu\nNarasumber Dua",
    )


# Services


def test_cohort_has_the_six_stages_in_order(cohort: Cohort) -> None:
    assert list(cohort.stages.values_list("code", "position")) == [
        (s.code, i) for i, s in enumerate(STAGES, start=1)
    ]
    assert [s.name for s in cohort.stages.all()] == [
        "Drum-up", "Diagnose", "Design", "Deliver", "Display", "Documentation"
    ]  # fmt: skip


def test_cohort_names_are_unique_per_region(cohort: Cohort, region: Region, admin: User) -> None:
    with pytest.raises(ValidationError) as error:
        services.cohort_create(actor=admin, region=region, name=" lab inovasi  2023", year=2023)
    assert "name" in error.value.message_dict


def test_stage_update_validates_dates_order_and_place(cohort: Cohort) -> None:
    drum_up = stage(cohort, "drum_up")
    day = dt.date(2023, 11, 21)
    with pytest.raises(ValidationError, match="sebelum tanggal mulai"):
        services.stage_update(
            stage=drum_up,
            start_date=day,
            end_date=day - dt.timedelta(days=1),
            mode="daring",
            meeting_link=LINK,
        )
    with pytest.raises(ValidationError, match="tautan pertemuan"):
        services.stage_update(stage=drum_up, start_date=day, end_date=day, mode=Mode.ONLINE)
    with pytest.raises(ValidationError, match="memerlukan tempat"):
        services.stage_update(stage=drum_up, start_date=day, end_date=day, mode=Mode.IN_PERSON)
    with pytest.raises(ValidationError) as both:
        services.stage_update(stage=drum_up, start_date=day, end_date=day, mode=Mode.BOTH)
    assert set(both.value.message_dict) == {"meeting_link", "venue"}
    schedule(cohort, "diagnose", day, day)
    # Drum-up may share Diagnose's day but not come after it.
    schedule(cohort, "drum_up", day, day)
    with pytest.raises(ValidationError, match="melewati tahap sesudahnya"):
        schedule(cohort, "drum_up", day, day + dt.timedelta(days=1))
    with pytest.raises(ValidationError, match="tidak boleh mendahului"):
        schedule(cohort, "design", day - dt.timedelta(days=3), day)
    with pytest.raises(ValidationError, match="atau kosongkan keduanya"):
        services.stage_update(
            stage=drum_up, start_date=day, end_date=None, mode=Mode.ONLINE, meeting_link=LINK
        )


def test_stage_state_follows_its_dates_and_a_reopening(cohort: Cohort) -> None:
    design = schedule(cohort, "design", dt.date(2023, 11, 20), dt.date(2023, 11, 22))
    assert design.state(dt.date(2023, 11, 19)) == StageState.UPCOMING
    assert design.state(dt.date(2023, 11, 20)) == StageState.OPEN
    assert design.state(dt.date(2023, 11, 22)) == StageState.OPEN
    assert design.state(dt.date(2023, 11, 23)) == StageState.CLOSED
    assert stage(cohort, "deliver").state(dt.date(2030, 1, 1)) == StageState.UPCOMING  # not scheduled
    services.stage_reopen(stage=design, until=dt.date(2099, 1, 31))
    design.refresh_from_db()
    assert design.is_reopened
    assert design.state(dt.date(2099, 1, 31)) == StageState.OPEN
    assert design.state(dt.date(2099, 2, 1)) == StageState.CLOSED
    with pytest.raises(ValidationError, match="sebelum hari ini"):
        services.stage_reopen(stage=design, until=dt.date(2023, 11, 30))
    with pytest.raises(ValidationError, match="belum dijadwalkan"):
        services.stage_reopen(stage=stage(cohort, "deliver"), until=dt.date(2099, 1, 1))


def test_stage_state_uses_the_regions_day(cohort: Cohort) -> None:
    # 23.30 WIB on the 21st is already the 22nd in Makassar (WITA), the day the stage opens.
    design = schedule(cohort, "design", dt.date(2023, 11, 22), dt.date(2023, 11, 22))
    moment = dt.datetime(2023, 11, 21, 16, 30, tzinfo=dt.UTC)
    today = moment.astimezone(zoneinfo.ZoneInfo(cohort.region.timezone)).date()
    assert design.state(today) == StageState.OPEN
    assert cohort.state([design], today) == StageState.OPEN


def test_sessions_sit_inside_their_stage_and_end_after_they_start(cohort: Cohort) -> None:
    day = dt.date(2023, 11, 21)
    drum_up = schedule(cohort, "drum_up", day, day)
    with pytest.raises(ValidationError, match="selesai sesudah mulai"):
        add_session(drum_up, day, 12, 9)
    with pytest.raises(ValidationError, match="di dalam tanggal tahap"):
        add_session(drum_up, day + dt.timedelta(days=1))
    with pytest.raises(ValidationError, match="lebih dulu"):
        add_session(stage(cohort, "deliver"), day)
    session = add_session(drum_up, day)
    assert session.starts_at == dt.datetime(2023, 11, 21, 1, 0, tzinfo=dt.UTC)  # 09.00 WITA
    assert session.speaker_list == ["Narasumber Satu", "Narasumber Dua"]
    with pytest.raises(ValidationError, match="di luar tanggal baru"):
        schedule(cohort, "drum_up", day + dt.timedelta(days=1), day + dt.timedelta(days=1))


def test_enrol_by_unit_and_teams(
    cohort: Cohort,
    innovator: User,
    other_innovator: User,
    unit: Unit,
    foreign_unit: Unit,
    foreign_coach: User,
) -> None:
    assert services.participants_enrol(cohort=cohort, units=[unit]) == 1
    assert services.participants_enrol(cohort=cohort, units=[unit]) == 0
    with pytest.raises(ValidationError):
        services.participants_enrol(cohort=cohort, units=[foreign_unit])
    member = cohort.participants.get(user=innovator)
    assert member.unit == unit
    with pytest.raises(ValidationError, match="terdaftar sebagai coach"):
        services.team_create(
            cohort=cohort, name="Tim Dinkes", unit=unit, members=[member], coach=foreign_coach
        )
    services.coach_add(cohort=cohort, user=foreign_coach)
    team = services.team_create(
        cohort=cohort, name="Tim Dinkes", unit=unit, members=[member], leader=member, coach=foreign_coach
    )
    assert list(team.members.all()) == [member] and team.leader == member
    with pytest.raises(ValidationError, match="sudah punya tim"):
        services.team_create(cohort=cohort, name="tim dinkes", unit=unit, members=[])


# Pages and permissions


def test_admin_creates_and_schedules_a_cohort_through_the_pages(admin_in_client: Any, region: Region) -> None:
    response = admin_in_client.post(
        reverse("labs:create", args=[region.code]),
        {
            "name": "Lab 2024",
            "partner": "Puslatbang KMP LAN Makassar",
            "year": 2024,
            "theme": "",
            "description": "",
            "gated": "on",
            "clinic_booking_cutoff_hours": 12,
        },
    )
    cohort = Cohort.objects.get(name="Lab 2024")
    assert cohort.gated and cohort.clinic_booking_cutoff_hours == 12
    assert response.status_code == 302 and cohort.stages.count() == 6
    url = reverse("labs:stage_edit", args=[cohort.pk, "drum_up"])
    bad = admin_in_client.post(url, {"start_date": "2024-03-02", "end_date": "2024-03-01", "mode": "daring"})
    assert bad.status_code == 200 and "sebelum tanggal mulai" in bad.content.decode()
    ok = admin_in_client.post(
        url, {"start_date": "2024-03-01", "end_date": "2024-03-02", "mode": "daring", "meeting_link": LINK}
    )
    assert ok.status_code == 302
    response = admin_in_client.post(
        reverse("labs:session_create", args=[cohort.pk, "drum_up"]),
        {"title": "Pembukaan", "kind": "pembukaan", "day": "2024-03-01", "start_time": "09:00",
         "end_time": "12:00", "mode": "daring", "meeting_link": LINK, "speakers": ""},
    )  # fmt: skip
    assert response.status_code == 302
    page = admin_in_client.get(reverse("labs:detail", args=[cohort.pk])).content.decode()
    assert "09.00–12.00 WITA" in page and "1 Maret 2024" in page and "Drum-up" in page


def test_other_regions_and_non_admins(
    client: Any,
    cohort: Cohort,
    innovator: User,
    foreign_admin: User,
    foreign_innovator: User,
    foreign_coach: User,
) -> None:
    day = dt.date(2023, 11, 21)
    session = add_session(schedule(cohort, "drum_up", day, day), day)
    admin_urls = [
        reverse("labs:edit", args=[cohort.pk]),
        reverse("labs:enrol", args=[cohort.pk]),
        reverse("labs:stage_edit", args=[cohort.pk, "drum_up"]),
        reverse("labs:stage_reopen", args=[cohort.pk, "drum_up"]),
        reverse("labs:session_create", args=[cohort.pk, "drum_up"]),
        reverse("labs:session_edit", args=[cohort.pk, session.pk]),
    ]
    detail = reverse("labs:detail", args=[cohort.pk])
    for outsider in (foreign_admin, foreign_innovator, foreign_coach):
        client.force_login(outsider)
        assert cohort.name not in client.get(reverse("labs:list")).content.decode()
        for url in [detail, *admin_urls]:
            assert client.get(url).status_code == 404, (outsider, url)
            assert client.post(url, {}).status_code == 404, (outsider, url)
        assert client.get(reverse("labs:create", args=[cohort.region.code])).status_code == 404
    # A member of the region reads the cohort but cannot change it.
    client.force_login(innovator)
    assert client.get(detail).status_code == 200
    for url in admin_urls:
        assert client.post(url, {}).status_code == 403, url
    assert client.get(reverse("labs:create", args=[cohort.region.code])).status_code == 404
    # A coach from another region reads it once enrolled.
    services.coach_add(cohort=cohort, user=foreign_coach)
    client.force_login(foreign_coach)
    assert client.get(detail).status_code == 200
    assert cohort.name in client.get(reverse("labs:list")).content.decode()
    assert client.post(admin_urls[0], {}).status_code == 403


def test_reopen_needs_a_post_and_the_admin(admin_in_client: Any, cohort: Cohort) -> None:
    schedule(cohort, "drum_up", dt.date(2023, 11, 21), dt.date(2023, 11, 21))
    url = reverse("labs:stage_reopen", args=[cohort.pk, "drum_up"])
    assert "Ya, buka kembali" in admin_in_client.get(url).content.decode()
    assert stage(cohort, "drum_up").reopened_until is None
    response = admin_in_client.post(url, {"until": "2099-12-31"})
    assert response.status_code == 302
    assert stage(cohort, "drum_up").reopened_until == dt.date(2099, 12, 31)


def test_empty_states(
    admin_in_client: Any, cohort: Cohort, make_user: Callable[..., User], region: Region
) -> None:
    page = admin_in_client.get(reverse("labs:detail", args=[cohort.pk])).content.decode()
    assert "Belum dijadwalkan" in page and "Belum ada tim." in page
    admin_in_client.force_login(make_user("baru@uji.id", Role.LEADER, region))
    Cohort.objects.all().delete()
    assert "Belum ada angkatan" in admin_in_client.get(reverse("labs:list")).content.decode()


# Calendar


def feed_events(client: Any, user: User) -> dict[str, Any]:
    token = notification_services.calendar_feed_for(user=user).token
    content = client.get(reverse("notifications:calendar_feed", args=[token])).content
    return {str(e["SUMMARY"]): e for e in icalendar.Calendar.from_ical(content).walk("VEVENT")}


def test_a_wita_session_shows_at_the_right_time_for_a_wib_reader(
    client: Any, cohort: Cohort, innovator: User, other_innovator: User, unit: Unit, reference_data: None
) -> None:
    day = dt.date(2023, 11, 21)
    add_session(schedule(cohort, "drum_up", day, day), day)
    # A coach in Jakarta (WIB) from another organisation, enrolled in the Parepare cohort.
    jakarta = Region.objects.create(
        code="31.71", name="Kota Jakarta Pusat", kind=Region.Kind.KOTA, parent=Region.objects.get(code="31")
    )
    coach = User.objects.create_user("coach@jakarta.id", "x", full_name="Coach Jakarta")
    coach.memberships.create(region=jakarta, role=Role.COACH)
    services.coach_add(cohort=cohort, user=coach)
    services.participants_enrol(cohort=cohort, units=[unit])

    summary = "Pembukaan · Lab Inovasi 2023"
    event = feed_events(client, coach)[summary]
    start = event["DTSTART"].dt.astimezone(zoneinfo.ZoneInfo("Asia/Jakarta"))
    end = event["DTEND"].dt.astimezone(zoneinfo.ZoneInfo("Asia/Jakarta"))
    assert (start.hour, start.minute, end.hour) == (8, 0, 11)
    assert start.date() == day
    assert event["DTSTART"].dt.astimezone(WITA).hour == 9
    assert summary in feed_events(client, innovator)
    # Not enrolled: the session is not in their feed, even in the same region.
    assert summary not in feed_events(client, other_innovator)
    assert Participant.objects.filter(cohort=cohort).count() == 2


def test_session_materials_are_checked_by_content(cohort: Cohort, admin: User) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    day = dt.date(2023, 11, 21)
    session = add_session(schedule(cohort, "drum_up", day, day), day)
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    material = services.material_add(
        actor=admin, session=session, caption="Bahan paparan", upload=SimpleUploadedFile("paparan.pdf", pdf)
    )
    assert material.content_type == "application/pdf" and material.size == len(pdf)
    with pytest.raises(ValidationError) as error:
        services.material_add(
            actor=admin, session=session, caption="Palsu", upload=SimpleUploadedFile("x.pdf", b"MZ bukan pdf")
        )
    assert "file" in error.value.message_dict
