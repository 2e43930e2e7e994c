from django.db.models import QuerySet
from django.http import Http404

from lumbung.accounts.access import AnyUser

from .models import Job


def jobs_for(user: AnyUser) -> QuerySet[Job]:
    """The jobs a person started (a superuser sees every job)."""
    if not user.is_authenticated:
        return Job.objects.none()
    jobs = Job.objects.select_related("region")
    return jobs if user.is_superuser else jobs.filter(created_by=user)


def get_job_for_user(user: AnyUser, pk: int) -> Job:
    job = jobs_for(user).filter(pk=pk).first()
    if job is None:
        raise Http404
    return job
