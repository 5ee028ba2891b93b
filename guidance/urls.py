from django.urls import path

from . import views

app_name = "guidance"

urlpatterns = [
    path("", views.home, name="home"),
    path("guidance/", views.article_list, name="article_list"),
    path("guidance/<slug:slug>/", views.article_detail, name="article_detail"),
    path("help/", views.help_page, name="help"),
    path("a/<int:pk>/", views.short_link, {"kind": "a"}, name="article_short"),
    path("t/<int:pk>/", views.short_link, {"kind": "t"}, name="tip_page_short"),
]
