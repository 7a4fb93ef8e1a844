"""One running editor per person: a second `presskit FILE` (a double-click in a file
manager while presskit is open) hands FILE to the editor already running, instead of a
second process that would find the kit locked and open it read-only.

The running editor listens on a local socket (QLocalServer) named for the person and their
settings folder; the newcomer sends one line, the kit's absolute path, and waits for one
line back: ``ok``, or ``error: SENTENCE`` when the kit cannot be opened.
"""

from __future__ import annotations

import getpass
import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from presskit.errors import PresskitError

CONNECT_TIMEOUT_MS = 1000
REPLY_TIMEOUT_MS = 30_000  # the running editor opens the kit before it answers
NO_ANSWER = "the presskit already running did not answer; close it and try again"


def server_name() -> str:
    """Per person and per settings folder: another account, or a test with its own HOME,
    has an editor of its own."""
    config = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    key = f"{getpass.getuser()}\0{config}".encode()
    return "presskit-" + hashlib.sha256(key).hexdigest()[:16]


def hand_off(path: str) -> str | None:
    """Asks a running presskit to open ``path``. None when no presskit is running; else its
    answer: "" when it opened the kit, or the sentence saying why it could not."""
    socket = QLocalSocket()
    socket.connectToServer(server_name())
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return None
    socket.write(str(Path(path).resolve()).encode("utf-8") + b"\n")
    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    reply = b""
    while not reply.endswith(b"\n") and socket.waitForReadyRead(REPLY_TIMEOUT_MS):
        reply += bytes(socket.readAll())
    socket.disconnectFromServer()
    if not reply.endswith(b"\n"):
        return NO_ANSWER
    answer = reply.decode("utf-8").strip()
    return "" if answer == "ok" else answer.removeprefix("error: ")


def _answers(name: str) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(name)
    connected = socket.waitForConnected(CONNECT_TIMEOUT_MS)
    socket.abort()
    return connected


class InstanceServer(QObject):
    """Listens for kits handed off by a second `presskit FILE`; ``open_kit`` opens one (a
    PresskitError's sentence goes back to the newcomer)."""

    def __init__(self, open_kit: Callable[[str], None], parent: QObject | None = None):
        super().__init__(parent)
        self.open_kit = open_kit
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        name = server_name()
        if _answers(name):
            # Another presskit (a second bare `presskit`) keeps the hand-offs: listening
            # would take its socket's name from it, since Qt replaces the socket file.
            return
        QLocalServer.removeServer(name)  # a socket a presskit that crashed left behind
        self.server.listen(name)

    def _accept(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._answer(s))
            socket.disconnected.connect(socket.deleteLater)
            self._answer(socket)  # the line may have come with the connection

    def _answer(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        path = bytes(socket.readLine()).decode("utf-8").rstrip("\n")
        try:
            self.open_kit(path)
            reply = "ok"
        except PresskitError as err:
            reply = f"error: {err}"
        socket.write(reply.encode("utf-8") + b"\n")
        socket.flush()
