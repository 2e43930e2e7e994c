"""Who may read and manage a cohort. Views never fetch lab data without these."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from lumbung.accounts.access import AnyUser, is_region_admin, memberships_of

from .models import Cohort, Session


def visible_cohorts(user: AnyUser) -> QuerySet[Cohort]:
    """Cohorts of the user's regions, plus those the user is enrolled in (coaches from elsewhere)."""
    if not user.is_authenticated:
        return Cohort.objects.none()
    if user.is_superuser:
        return Cohort.objects.all()
    region_ids = {m.region_id for m in memberships_of(user)}
    return Cohort.objects.filter(Q(region_id__in=region_ids) | Q(participants__user=user)).distinct()


def get_cohort_for_user(user: AnyUser, pk: int) -> Cohort:
    """The cohort if the user may read it; 404 otherwise, so its existence is not revealed."""
    cohort = visible_cohorts(user).filter(pk=pk).select_related("region").first()
    if cohort is None:
        raise Http404
    return cohort


def can_manage(user: AnyUser, cohort: Cohort) -> bool:
    return is_region_admin(user, cohort.region)


def get_cohort_for_admin(user: AnyUser, pk: int) -> Cohort:
    """The cohort for its region's admin: 404 to those who cannot read it, 403 to readers."""
    cohort = get_cohort_for_user(user, pk)
    if not can_manage(user, cohort):
        raise PermissionDenied
    return cohort


def get_session_for_admin(user: AnyUser, cohort: Cohort, pk: int) -> Session:
    if not can_manage(user, cohort):
        raise PermissionDenied
    session = Session.objects.filter(pk=pk, stage__cohort=cohort).select_related("stage").first()
    if session is None:
        raise Http404
    return session
