from django.contrib import admin
from django.urls import path

from . import views

app_name = "accounts"

# Included under settings.ADMIN_PATH (config/urls.py), beside the admin itself.
urlpatterns = [
    path("login/", views.login, name="login"),
    path("login/code/", views.verify, name="verify"),
    path("login/set-up/", views.enrol, name="enrol"),
    path("backup-codes/", admin.site.admin_view(views.backup_codes), name="backup_codes"),
]
