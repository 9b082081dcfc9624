"""ASGI entry point, for servers that prefer it; production uses WSGI."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kyoso.settings")
application = get_asgi_application()
