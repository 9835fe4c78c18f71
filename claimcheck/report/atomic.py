"""Writing a report or baseline file all at once: either the whole new file or the old one, never half.

The text goes to a temporary file in the same folder, is flushed to disk, then renamed
over the target (`os.replace` is atomic on POSIX and Windows). An error or Ctrl-C
before the end removes the temporary file and leaves what was there before.
"""
from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import Iterator, TextIO, Union


@contextlib.contextmanager
def atomic_writer(path: Union[str, os.PathLike[str]], encoding: str = "utf-8") -> Iterator[TextIO]:
    """A text stream that becomes `path` when the `with` block ends without an exception.

    The new file keeps the mode of the file it replaces, or gets the usual mode for a
    new file (0666 less the umask), not the 0600 of a temporary file.
    """
    target = Path(path)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline="") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


__all__ = ["atomic_writer"]
