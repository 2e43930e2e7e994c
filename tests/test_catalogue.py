"""The public catalogue: pages anyone may read, and nothing unpublished ever shown, counted or found."""

import pytest
import segno
from django.urls import reverse

from lumbung.catalogue import selectors
from lumbung.innovations import services
from lumbung.innovations.models import Attachment, InnovationVersion, Status, TeamMember, Transition
from lumbung.innovations.search import search

from .factories import LONG_DESIGN, make_version, set_status, walk_to

pytestmark = pytest.mark.django_db

NEUTRAL = {
    "goals": "Mendekatkan program kepada warga.",
    "benefits": "Warga terbantu.",
    "results": "Program berjalan.",
    "design": "Rancangan sederhana.",
}
LIST = reverse("catalogue:list")


def detail_url(version: InnovationVersion) -> str:
    return reverse("catalogue:detail", args=[version.innovation_id])


def without_echo(html: str, query: str) -> str:
    """The page without the places that repeat the typed query (the box, the count, the language form)."""
    for echo in (f'value="{query}"', f"“{query}”", "?q=" + query.replace(" ", "+")):
        html = html.replace(echo, "")
    return html


@pytest.fixture
def publish(admin, region, other_unit):
    """Register an innovation of Dinas Perdagangan with this profile, approve it and publish it."""

    def make(name: str, **fields: str) -> InnovationVersion:
        version = set_status(
            make_version(admin, region, other_unit, name=name, **{**NEUTRAL, **fields}), Status.APPROVED
        )
        services.innovation_publish(actor=admin, innovation=version.innovation)
        return version

    return make


@pytest.fixture
def hidden(admin, innovator, verifier, region, unit):
    """One innovation in each state the public must never see, by name."""
    draft = make_version(innovator, region, unit, name="Rahasia Draf", **NEUTRAL)
    approved = set_status(
        make_version(innovator, region, unit, name="Rahasia Disetujui", **NEUTRAL), Status.APPROVED
    )
    withdrawn = set_status(
        make_version(innovator, region, unit, name="Rahasia Ditarik", **NEUTRAL), Status.APPROVED
    )
    services.innovation_publish(actor=admin, innovation=withdrawn.innovation)
    services.innovation_unpublish(actor=admin, innovation=withdrawn.innovation)
    # Published once, then a new year's draft became the current version.
    reopened = walk_to(
        make_version(innovator, region, unit, name="Rahasia Dibuka", design=LONG_DESIGN),
        Status.APPROVED,
        innovator,
        verifier,
        admin,
    )
    services.innovation_publish(actor=admin, innovation=reopened.innovation)
    services.version_resubmit(actor=innovator, version=reopened, year=reopened.year + 1, developed_since="-")
    return [draft, approved, withdrawn, reopened]


# The list and search


def test_the_catalogue_needs_no_login_and_lists_the_newest_first(client, publish):
    older = publish("Pasar Daring", goals="Pedagang berjualan daring.")
    newer = publish("Posyandu Keliling", goals="Petugas melayani ibu hamil.")
    response = client.get(LIST)
    assert response.status_code == 200
    assert [r.version.pk for r in response.context["catalogue"].page] == [newer.pk, older.pk]
    html = response.content.decode()
    assert html.index("Posyandu Keliling") < html.index("Pasar Daring")
    assert "Dinas Perdagangan" in html and "Kota Parepare" in html and "Penerapan" in html
    assert "2 inovasi dipublikasikan" in html
    assert f'href="{detail_url(newer)}"' in html


def test_a_query_ranks_by_the_index_and_marks_the_matched_words(client, publish):
    publish("Pasar Daring", goals="Pedagang berjualan daring.")
    in_body = publish("Program Satu", goals="Petugas <b>melayani</b> warga di balai.")
    in_name = publish("Pelayanan Terpadu")
    response = client.get(LIST, {"q": "pelayanan"})
    catalogue = response.context["catalogue"]
    assert [r.version.pk for r in catalogue.page] == [in_name.pk, in_body.pk]
    assert catalogue.total == 2
    html = response.content.decode()
    assert "&lt;b&gt;<mark>melayani</mark>&lt;/b&gt;" in html
    assert "<b>melayani" not in html
    assert "Pasar Daring" not in html
    assert "2 inovasi cocok dengan" in html


def test_nothing_found_shows_suggestions_and_the_newest(client, publish):
    publish("Pasar Daring")
    response = client.get(LIST, {"q": "kapal selam"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tidak ada inovasi yang cocok" in html
    assert "Coba kata yang lebih umum" in html
    assert "Inovasi terbaru" in html and "Pasar Daring" in html


def test_an_empty_catalogue_says_so(client, reference_data):
    html = client.get(LIST).content.decode()
    assert "Belum ada inovasi yang dipublikasikan" in html


@pytest.mark.parametrize("query", ["", "layanan"])
def test_pages_of_twenty_and_a_page_past_the_end_shows_the_last(client, publish, monkeypatch, query):
    monkeypatch.setattr(selectors, "PAGE_SIZE", 2)
    for name in ("Satu", "Dua", "Tiga", "Empat", "Lima"):
        publish(f"Layanan {name}")
    pages = [client.get(LIST, {"q": query, "page": n}).context["catalogue"].page for n in (1, 2, 3)]
    assert [len(p) for p in pages] == [2, 2, 1]
    assert len({r.version.pk for p in pages for r in p}) == 5
    assert pages[0].paginator.count == 5 and pages[0].paginator.num_pages == 3
    past = client.get(LIST, {"q": query, "page": 99999})
    assert past.status_code == 200
    assert past.context["catalogue"].page.number == 3
    assert 'rel="prev"' in past.content.decode()


def test_the_page_size_is_twenty():
    assert selectors.PAGE_SIZE == 20


BAD_QUERIES = [
    '"',
    '"layanan',
    "layanan*",
    "*",
    "NEAR",
    "layanan NEAR warga",
    "NEAR(layanan warga)",
    "layanan OR",
    "OR AND NOT",
    "'; DROP TABLE innovations_innovation; --",
    "layanan'); DELETE FROM innovations_searchdocument; --",
    "name_terms:layanan",
    "layanan & | ! <-> :*",
    "😀 layanan 🙏",
    "🙏",
    "x" * 5000,
    "layanan " * 700,
    "",
    "   ",
    "\x00layanan",
    "<script>alert(1)</script>",
]
BAD_PAGES = ["abc", "-1", "0", "99999", "1.5", "9" * 5000, ""]


@pytest.mark.parametrize("query", BAD_QUERIES, ids=range(len(BAD_QUERIES)))
def test_bad_queries_give_a_normal_page(client, publish, region, query):
    publish("Layanan Warga", goals="Melayani warga NEAR pasar.")
    for url in (LIST, reverse("catalogue:region", args=[region.code])):
        response = client.get(url, {"q": query})
        assert response.status_code == 200
        assert "<script>alert" not in response.content.decode()
    assert InnovationVersion.objects.count() == 1


@pytest.mark.parametrize("page", BAD_PAGES)
@pytest.mark.parametrize("query", ["", "layanan"])
def test_bad_page_numbers_give_a_normal_page(client, publish, region, query, page):
    publish("Layanan Warga")
    for url in (LIST, reverse("catalogue:region", args=[region.code])):
        response = client.get(url, {"q": query, "page": page})
        assert response.status_code == 200
        assert "Layanan Warga" in response.content.decode()


def test_page_number_parsing():
    assert [selectors.page_number(raw) for raw in (None, "", "abc", "-1", "0", "3", "1.5")] == [
        1,
        1,
        1,
        1,
        1,
        3,
        1,
    ]
    assert selectors.page_number("9" * 5000) == 1
    assert selectors.page_number("99999999999999999999") == selectors.MAX_PAGE


def test_query_counts_do_not_grow_with_the_results(client, publish, django_assert_max_num_queries):
    for n in range(22):
        publish(f"Layanan Nomor {n}", goals="Melayani warga.")
    # Browse: count and page. Search: count and page in the index, then the page's versions.
    with django_assert_max_num_queries(3):
        assert len(client.get(LIST).context["catalogue"].page) == 20
    with django_assert_max_num_queries(4):
        assert len(client.get(LIST, {"q": "layanan"}).context["catalogue"].page) == 20
    with django_assert_max_num_queries(7):  # past the end: the index is asked again for the last page
        assert len(client.get(LIST, {"q": "layanan", "page": 50}).context["catalogue"].page) == 2
    with django_assert_max_num_queries(5):  # nothing found: plus the newest as suggestions
        client.get(LIST, {"q": "kapal"})


# Nothing unpublished leaks


def test_unpublished_innovations_never_appear_in_a_list_a_count_or_a_search(client, publish, hidden, region):
    shown = publish("Layanan Terbit", goals="Melayani warga.")
    region_url = reverse("catalogue:region", args=[region.code])
    for url in (LIST, region_url):
        for query in ("", "program", "warga", "Parepare", "kesehatan"):
            response = client.get(url, {"q": query})
            catalogue = response.context["catalogue"]
            assert {r.version.pk for r in catalogue.page} <= {shown.pk}
            assert catalogue.total <= 1
            assert "Rahasia" not in response.content.decode()
        for version in hidden:
            response = client.get(url, {"q": version.name})
            assert response.context["catalogue"].total == 0
            html = response.content.decode()
            assert detail_url(version) not in html
            assert "Rahasia" not in without_echo(html, version.name)
    assert client.get(LIST).context["catalogue"].total == 1
    assert client.get(region_url).context["catalogue"].total == 1


def test_an_unpublished_name_finds_nothing_even_with_a_stale_index(client, publish, hidden):
    # A published innovation's index row left behind after its version was reopened: the catalogue
    # filters search hits through the published versions again.
    from lumbung.innovations.search.backends import backend
    from lumbung.innovations.search.documents import build_document

    reopened = hidden[3]
    engine = backend()
    engine.replace([reopened.innovation_id], [build_document(InnovationVersion.objects.get(pk=reopened.pk))])
    assert search("Rahasia Dibuka").total == 1
    response = client.get(LIST, {"q": "Rahasia Dibuka"})
    assert response.context["catalogue"].page.object_list == []
    assert response.context["catalogue"].total == 0
    assert "Rahasia" not in without_echo(response.content.decode(), "Rahasia Dibuka")


def test_unpublished_innovations_have_no_page_and_no_qr(client, hidden):
    for version in hidden:
        assert client.get(detail_url(version)).status_code == 404
        for name in ("catalogue:qr_png", "catalogue:qr_svg"):
            assert client.get(reverse(name, args=[version.innovation_id])).status_code == 404
    assert client.get(reverse("catalogue:detail", args=[999_999])).status_code == 404


# The innovation page


def test_the_page_shows_the_public_profile(client, publish):
    version = publish(
        "Layanan Antar Obat",
        goals="Tujuan terbuka.",
        benefits="Manfaat terbuka.",
        design="Rancangan terbuka.",
        results="Hasil terbuka.",
        video_url="https://video.example.id/antar-obat",
    )
    response = client.get(detail_url(version))
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Layanan Antar Obat",
        "Dinas Perdagangan",
        "Kota Parepare",
        "Penerapan",
        "Non digital",
        "Inovasi pelayanan publik",
        "Kesehatan",
        "Tujuan terbuka.",
        "Manfaat terbuka.",
        "Rancangan terbuka.",
        "Hasil terbuka.",
        'href="https://video.example.id/antar-obat"',
        "1 Juni 2023",
    ):
        assert text in html, text


def test_the_page_never_shows_notes_files_people_or_history(client, publish, admin):
    version = publish("Layanan Antar Obat")
    InnovationVersion.objects.filter(pk=version.pk).update(
        revision_notes={"_note": "Catatan internal verifikator", "goals": "Catatan isian"},
        initiator_name="Nama Inisiator Pribadi",
        budget=123_456_789,
    )
    TeamMember.objects.create(version=version, user=admin, role="Ketua tim")
    TeamMember.objects.create(version=version, name="Warga Mitra", role="Kontak 0812-0000-0000")
    Attachment.objects.create(
        version=version,
        kind=Attachment.Kind.BUDGET,
        caption="Berkas anggaran internal",
        file="innovations/x/anggaran.pdf",
        original_name="anggaran.pdf",
        content_type="application/pdf",
        extension=".pdf",
        size=10,
        sha256="0" * 64,
    )
    Transition.objects.create(
        version=version, from_status=Status.IN_VALIDATION, to_status=Status.APPROVED, note="Riwayat rahasia"
    )
    html = client.get(detail_url(version)).content.decode()
    for secret in (
        "Catatan internal verifikator",
        "Catatan isian",
        "Nama Inisiator Pribadi",
        "Ketua tim",
        admin.email,
        admin.full_name,
        "Warga Mitra",
        "0812",
        "Berkas anggaran internal",
        "anggaran.pdf",
        "Riwayat rahasia",
        f'href="{reverse("innovations:detail", args=[version.pk])}"',
    ):
        assert secret not in html, secret


def test_an_unsafe_video_link_is_not_a_link(client, publish):
    version = publish("Layanan Antar Obat")
    InnovationVersion.objects.filter(pk=version.pk).update(video_url="javascript:alert(1)")
    html = client.get(detail_url(version)).content.decode()
    assert "javascript:" not in html


@pytest.mark.parametrize(
    ("name", "content_type", "kind"),
    [("catalogue:qr_png", "image/png", "png"), ("catalogue:qr_svg", "image/svg+xml", "svg")],
)
def test_the_qr_code_encodes_the_pages_absolute_address(client, publish, name, content_type, kind):
    import io

    version = publish("Layanan Antar Obat")
    response = client.get(reverse(name, args=[version.innovation_id]))
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    expected = io.BytesIO()
    segno.make(f"http://testserver{detail_url(version)}", error="m").save(
        expected, kind=kind, scale=8, border=4
    )
    assert response.content == expected.getvalue()


def test_share_links_are_plain_urls(client, publish):
    version = publish("Layanan Antar Obat")
    html = client.get(detail_url(version)).content.decode()
    address = f"http%3A//testserver{detail_url(version)}".replace("/", "%2F")
    assert f"https://wa.me/?text=Layanan%20Antar%20Obat%0A{address}" in html
    assert "mailto:?subject=Inovasi%20daerah%3A%20Layanan%20Antar%20Obat" in html
    assert reverse("catalogue:qr_svg", args=[version.innovation_id]) in html
    assert "<script>" not in html.split("</head>")[1]
    assert 'style="' not in html


# The region page


def test_the_region_page_lists_only_its_published_innovations(
    client, publish, hidden, region, other_region, foreign_admin, foreign_innovator, foreign_unit
):
    ours = publish("Layanan Kita")
    theirs = set_status(
        make_version(foreign_innovator, other_region, foreign_unit, name="Layanan Mereka"), "disetujui"
    )
    services.innovation_publish(actor=foreign_admin, innovation=theirs.innovation)
    response = client.get(reverse("catalogue:region", args=[region.code]))
    assert response.status_code == 200
    catalogue = response.context["catalogue"]
    assert [r.version.pk for r in catalogue.page] == [ours.pk]
    assert "1 inovasi dipublikasikan" in response.content.decode()
    searched = client.get(reverse("catalogue:region", args=[other_region.code]), {"q": "layanan"})
    assert [r.version.pk for r in searched.context["catalogue"].page] == [theirs.pk]
    assert client.get(LIST, {"q": "layanan"}).context["catalogue"].total == 2


def test_an_unknown_region_is_404(client, reference_data):
    assert client.get(reverse("catalogue:region", args=["99.99"])).status_code == 404


# The header link


def test_everyone_sees_the_catalogue_link(client, innovator):
    link = f'href="{LIST}"'
    assert link in client.get(reverse("accounts:login")).content.decode()
    client.force_login(innovator)
    assert link in client.get(reverse("home")).content.decode()
