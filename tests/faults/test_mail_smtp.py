"""Mail through a real SMTP server (aiosmtpd on a free local port) configured the way a
deployment does it: EMAIL_URL in the environment, read by a fresh settings module."""

from __future__ import annotations

import email
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message

pytestmark = pytest.mark.faults
ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox(Message):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[email.message.Message] = []

    def handle_message(self, message) -> None:
        self.messages.append(message)


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, inbox
    controller.stop()


def test_mail_goes_through_the_smtp_server_of_email_url(smtp_server, tmp_path):
    controller, inbox = smtp_server
    script = textwrap.dedent(
        """
        import django
        django.setup()
        from django.conf import settings
        from django.core.mail import send_mail
        assert settings.EMAIL_BACKEND.endswith("smtp.EmailBackend"), settings.EMAIL_BACKEND
        send_mail(
            "CWG-Internet-21: your proposal was included",
            "The chair included your proposal in the draft agenda.",
            None,
            ["delegate@example.org"],
        )
        """
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "AGENDUM_VAR_DIR": str(tmp_path),
        "EMAIL_URL": f"smtp://{controller.hostname}:{controller.port}",
        "DEFAULT_FROM_EMAIL": "Agendum <agendum@itu.example>",
    }
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True, timeout=60)

    assert len(inbox.messages) == 1
    mail = inbox.messages[0]
    assert mail["Subject"] == "CWG-Internet-21: your proposal was included"
    assert mail["From"] == "Agendum <agendum@itu.example>"
    assert mail["To"] == "delegate@example.org"
    assert "The chair included your proposal" in mail.get_payload()
