from django.urls import path

from . import views

app_name = "guidance"

urlpatterns = [
    path("guidance/", views.article_list, name="article_list"),
    path("guidance/<slug:slug>/", views.article_detail, name="article_detail"),
    path("help/", views.help_page, name="help"),
    path("help/<slug:nation>/", views.help_for_nation, name="help_nation"),
]
