from django.urls import include, path

from lumbung.innovations import views as innovation_views

urlpatterns = [
    path("", innovation_views.home, name="home"),
    path("", include("lumbung.core.urls")),
    path("akun/", include("lumbung.accounts.urls")),
    path("wilayah/", include("lumbung.regions.urls")),
    path("inovasi/", include("lumbung.innovations.urls")),
    path("katalog/", include("lumbung.catalogue.urls")),
    path("lab/", include("lumbung.labs.urls")),
    path("iid/", include("lumbung.assessment.urls")),
    path("pekerjaan/", include("lumbung.jobs.urls")),
    path("laporan/", include("lumbung.reports.urls")),
    path("notifikasi/", include("lumbung.notifications.urls")),
]
