"""The database job queue: enqueued with the transaction, claimed once, retried, visible to its owner."""

import datetime as dt
import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from lumbung.jobs import queue
from lumbung.jobs.models import Job

CALLS: list[dict] = []


@queue.task("tests.echo")
def echo(job: Job, *, value: str = "", fail: str = "") -> None:
    CALLS.append({"job": job.pk, "value": value})
    queue.report(job, 1, 2, "setengah jalan")
    if fail == "user":
        raise queue.JobError("Baris 3: unit tidak dikenal.")
    if fail == "crash":
        raise RuntimeError("boom")
    if fail == "later":
        raise queue.RetryLater("Server surat sedang mati.")
    queue.report(job, 2, 2, "selesai")
    queue.attach(job, "hasil.txt", f"nilai={value}".encode())
    job.result = {"summary": f"Nilai {value} diproses."}


@pytest.fixture(autouse=True)
def _reset_calls():
    CALLS.clear()


@pytest.mark.django_db
def test_a_job_runs_once_and_keeps_its_result(innovator):
    job = queue.enqueue("tests.echo", title="Uji", user=innovator, args={"value": "a"})
    assert queue.run_pending().done == 1
    assert queue.run_pending().done == 0  # nothing left: it ran once
    job.refresh_from_db()
    assert job.state == Job.State.DONE and job.percent == 100
    assert job.result == {"summary": "Nilai a diproses."}
    assert job.result_file.read() == b"nilai=a"
    assert [{"job": job.pk, "value": "a"}] == CALLS


@pytest.mark.django_db(transaction=True)
def test_a_job_of_a_rolled_back_transaction_never_exists():
    with pytest.raises(RuntimeError), transaction.atomic():
        queue.enqueue("tests.echo", title="Uji", args={"value": "b"})
        raise RuntimeError("rollback")
    assert not Job.objects.exists()


@pytest.mark.django_db
def test_unknown_task_is_refused_at_enqueue():
    with pytest.raises(ValueError):
        queue.enqueue("tests.tidak-ada", title="x")


@pytest.mark.django_db
def test_a_user_error_fails_at_once_with_its_message():
    job = queue.enqueue("tests.echo", title="Uji", args={"fail": "user"})
    queue.run_pending()
    job.refresh_from_db()
    assert job.state == Job.State.FAILED and job.attempts == 1
    assert job.error == "Baris 3: unit tidak dikenal."


@pytest.mark.django_db
def test_a_crash_is_retried_with_back_off_then_fails_readably():
    job = queue.enqueue("tests.echo", title="Uji", args={"fail": "crash"}, max_attempts=2)
    queue.run_pending()
    job.refresh_from_db()
    assert job.state == Job.State.QUEUED and job.attempts == 1
    assert job.run_after > timezone.now() + dt.timedelta(seconds=20)
    assert queue.run_pending().done == 0  # not before its time
    Job.objects.filter(pk=job.pk).update(run_after=timezone.now())
    queue.run_pending()
    job.refresh_from_db()
    assert job.state == Job.State.FAILED and job.attempts == 2
    assert "tak terduga" in job.error and "boom" not in job.error


@pytest.mark.django_db
def test_retry_later_keeps_its_message_when_giving_up():
    job = queue.enqueue("tests.echo", title="Surel", args={"fail": "later"}, max_attempts=1)
    queue.run_pending()
    job.refresh_from_db()
    assert job.state == Job.State.FAILED and job.error == "Server surat sedang mati."


@pytest.mark.django_db
def test_an_abandoned_job_is_taken_again_after_its_lease():
    job = queue.enqueue("tests.echo", title="Uji", args={"value": "c"})
    claimed = queue.claim_next("pekerja-1")
    assert claimed is not None and claimed.pk == job.pk
    assert queue.claim_next("pekerja-2") is None  # still leased to the first worker
    Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - queue.LEASE - dt.timedelta(seconds=1))
    again = queue.claim_next("pekerja-2")
    assert again is not None and again.worker == "pekerja-2" and again.attempts == 2
    queue.run_job(again)
    assert Job.objects.get(pk=job.pk).state == Job.State.DONE


@pytest.mark.django_db(transaction=True)
def test_two_workers_never_take_the_same_job():
    jobs = [queue.enqueue("tests.echo", title=f"Uji {i}", args={"value": str(i)}) for i in range(40)]
    taken: dict[str, list[int]] = {"a": [], "b": []}

    def work(name: str) -> None:
        try:
            while (job := queue.claim_next(name)) is not None:
                taken[name].append(job.pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(name,)) for name in taken]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    everything = taken["a"] + taken["b"]
    assert sorted(everything) == sorted(job.pk for job in jobs)
    assert len(set(everything)) == len(everything)


@pytest.mark.django_db(transaction=True)  # the worker closes stale connections between jobs
def test_worker_command_runs_ready_jobs():
    job = queue.enqueue("tests.echo", title="Uji", args={"value": "d"})
    out = StringIO()
    call_command("worker", "--once", stdout=out)
    assert Job.objects.get(pk=job.pk).state == Job.State.DONE
    assert f"#{job.pk}" in out.getvalue()


@pytest.mark.django_db
def test_job_pages_belong_to_their_owner(client, innovator, other_innovator):
    job = queue.enqueue("tests.echo", title="Ekspor saya", user=innovator, args={"value": "e"})
    client.force_login(innovator)
    running = client.get(reverse("jobs:detail", args=[job.pk]))
    assert 'hx-trigger="every 1s"' in running.content.decode()  # polls while it is not finished
    queue.run_pending()
    page = client.get(reverse("jobs:detail", args=[job.pk]), HTTP_HX_REQUEST="true")
    body = page.content.decode()
    assert "hx-trigger" not in body and "Nilai e diproses." in body and 'value="100"' in body
    download = client.get(reverse("jobs:download", args=[job.pk]))
    assert (
        download["Content-Disposition"].startswith("attachment")
        and b"".join(download.streaming_content) == b"nilai=e"
    )
    assert "Ekspor saya" in client.get(reverse("jobs:list")).content.decode()
    client.force_login(other_innovator)
    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 404
    assert client.get(reverse("jobs:download", args=[job.pk])).status_code == 404
    assert "Ekspor saya" not in client.get(reverse("jobs:list")).content.decode()


@pytest.mark.django_db
def test_job_times_are_shown_in_the_region_zone(client, innovator, region):
    job = queue.enqueue("tests.echo", title="Di Parepare", user=innovator, region=region, args={"value": "f"})
    client.force_login(innovator)
    assert "WITA" in client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert "WITA" in client.get(reverse("jobs:list")).content.decode()
