from django.urls import path

from . import views

app_name = "innovations"
urlpatterns = [
    path("", views.innovation_list, name="list"),
    path("baru/", views.innovation_new, name="new"),
    path("<int:pk>/", views.version_detail, name="detail"),
    path("<int:pk>/ubah/", views.version_edit, name="edit"),
    path("<int:pk>/tim/", views.version_team, name="team"),
    path("<int:pk>/lampiran/", views.version_attachments, name="attachments"),
    path("<int:pk>/lampiran/<int:attachment_id>/", views.attachment_download, name="attachment"),
    path("<int:pk>/langkah/<slug:move>/", views.version_move, name="move"),
    path("<int:pk>/ajukan-kembali/", views.version_resubmit, name="resubmit"),
    path("<int:pk>/publikasikan/", views.innovation_publish, name="publish"),
    path("<int:pk>/batalkan-publikasi/", views.innovation_unpublish, name="unpublish"),
]
