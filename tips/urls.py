from django.urls import path

from . import views

app_name = "tips"

urlpatterns = [
    path("", views.tip_page_list, name="tip_page_list"),
    path("<slug:slug>/", views.tip_page_detail, name="tip_page_detail"),
]
