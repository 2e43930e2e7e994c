import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from lumbung.innovations import services
from lumbung.innovations.models import Innovation, SearchDocument, Status

from .factories import make_version, set_status

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(innovator, region, unit):
    return set_status(make_version(innovator, region, unit), Status.APPROVED)


@pytest.mark.parametrize("status", [Status.APPROVED, Status.READY, Status.SENT])
def test_admin_publishes_an_approved_innovation(status, admin, innovator, region, unit):
    version = set_status(make_version(innovator, region, unit), status)
    innovation = services.innovation_publish(actor=admin, innovation=version.innovation)
    stored = Innovation.objects.get(pk=innovation.pk)
    assert stored.published_at is not None
    assert stored.published_by == admin
    assert SearchDocument.objects.filter(innovation=innovation).exists()


@pytest.mark.parametrize(
    "status", [Status.DRAFT, Status.SUBMITTED, Status.IN_VALIDATION, Status.NEEDS_REVISION]
)
def test_an_unapproved_innovation_is_refused_and_nothing_is_written(status, admin, innovator, region, unit):
    version = set_status(make_version(innovator, region, unit), status)
    with pytest.raises(ValidationError) as error:
        services.innovation_publish(actor=admin, innovation=version.innovation)
    assert error.value.code == "not_approved"
    assert "disetujui" in error.value.messages[0]
    stored = Innovation.objects.get(pk=version.innovation_id)
    assert stored.published_at is None and stored.published_by is None
    assert not SearchDocument.objects.exists()


def test_publishing_twice_is_refused_and_keeps_the_first_date(admin, approved):
    first = services.innovation_publish(actor=admin, innovation=approved.innovation).published_at
    with pytest.raises(ValidationError) as error:
        services.innovation_publish(actor=admin, innovation=Innovation.objects.get(pk=approved.innovation_id))
    assert error.value.code == "published"
    assert Innovation.objects.get(pk=approved.innovation_id).published_at == first


@pytest.mark.parametrize("who", ["innovator", "verifier", "leader", "foreign_admin"])
def test_only_the_regions_admin_may_publish(who, request, approved):
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.innovation_publish(actor=actor, innovation=approved.innovation)
    assert Innovation.objects.get(pk=approved.innovation_id).published_at is None
    assert not SearchDocument.objects.exists()


def test_unpublish_clears_the_mark_and_the_index(admin, approved):
    services.innovation_publish(actor=admin, innovation=approved.innovation)
    services.innovation_unpublish(actor=admin, innovation=approved.innovation)
    stored = Innovation.objects.get(pk=approved.innovation_id)
    assert stored.published_at is None and stored.published_by is None
    assert not SearchDocument.objects.exists()


def test_unpublish_refuses_an_unpublished_innovation(admin, approved):
    with pytest.raises(ValidationError) as error:
        services.innovation_unpublish(actor=admin, innovation=approved.innovation)
    assert error.value.code == "not_published"


def test_unpublish_is_refused_to_an_innovator(admin, innovator, approved):
    services.innovation_publish(actor=admin, innovation=approved.innovation)
    with pytest.raises(PermissionDenied):
        services.innovation_unpublish(actor=innovator, innovation=approved.innovation)
    assert Innovation.objects.get(pk=approved.innovation_id).published_at is not None
    assert SearchDocument.objects.filter(innovation_id=approved.innovation_id).exists()


# Pages


def test_admin_sees_the_publish_button_and_publishes(client, admin, approved):
    client.force_login(admin)
    page = client.get(reverse("innovations:detail", args=[approved.pk])).content.decode()
    assert reverse("innovations:publish", args=[approved.pk]) in page
    assert "data-confirm" in page
    response = client.post(reverse("innovations:publish", args=[approved.pk]))
    assert response.status_code == 302
    assert Innovation.objects.get(pk=approved.innovation_id).published_at is not None
    page = client.get(reverse("innovations:detail", args=[approved.pk])).content.decode()
    assert reverse("innovations:unpublish", args=[approved.pk]) in page
    client.post(reverse("innovations:unpublish", args=[approved.pk]))
    assert Innovation.objects.get(pk=approved.innovation_id).published_at is None


def test_a_draft_shows_no_button_and_a_post_is_refused_with_a_message(client, admin, innovator, region, unit):
    draft = make_version(innovator, region, unit)
    client.force_login(admin)
    page = client.get(reverse("innovations:detail", args=[draft.pk])).content.decode()
    assert reverse("innovations:publish", args=[draft.pk]) not in page
    response = client.post(reverse("innovations:publish", args=[draft.pk]), follow=True)
    assert "belum dapat dipublikasikan" in response.content.decode()
    assert Innovation.objects.get(pk=draft.innovation_id).published_at is None


def test_innovator_gets_403_and_sees_no_button(client, innovator, approved):
    client.force_login(innovator)
    page = client.get(reverse("innovations:detail", args=[approved.pk])).content.decode()
    assert reverse("innovations:publish", args=[approved.pk]) not in page
    assert client.post(reverse("innovations:publish", args=[approved.pk])).status_code == 403
    assert Innovation.objects.get(pk=approved.innovation_id).published_at is None


def test_another_regions_admin_gets_404(client, foreign_admin, approved):
    client.force_login(foreign_admin)
    assert client.post(reverse("innovations:publish", args=[approved.pk])).status_code == 404
    assert client.post(reverse("innovations:unpublish", args=[approved.pk])).status_code == 404
    assert Innovation.objects.get(pk=approved.innovation_id).published_at is None


def test_publish_needs_post(client, admin, approved):
    client.force_login(admin)
    assert client.get(reverse("innovations:publish", args=[approved.pk])).status_code == 405
