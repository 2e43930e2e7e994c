from lumbung.accounts.models import Role, User
from lumbung.jobs import queue
from lumbung.jobs.models import Job
from lumbung.regions.models import Region

from .models import Kind
from .services import notify


@queue.task("notifications.role_added")
def role_added(job: Job, *, user_id: int, region_id: int, role: str, actor_id: int | None = None) -> None:
    """Put a new role in the person's inbox; accounts (below this app) enqueues it by name."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    region = Region.objects.filter(pk=region_id).first()
    if user is None or region is None:
        return  # removed since: nothing to tell
    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    context = {"role": Role(role).label, "region": region.name, "actor": actor.full_name if actor else ""}
    # In the inbox only: accounts has already mailed the invitation, which carries the set-password link.
    notify(recipients=[user], kind=Kind.INVITATION, context=context, url="/", region=region, mail=False)
