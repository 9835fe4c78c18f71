"""Load: files, directories and standard input into text with offsets as written."""
from .files import ARTICLE_SUFFIXES, STDIN, Input, decode, iter_inputs, read_file, read_stream
from .lines import LineIndex
from .markdown import Prose, read_prose

__all__ = [
    "ARTICLE_SUFFIXES",
    "STDIN",
    "Input",
    "LineIndex",
    "Prose",
    "decode",
    "iter_inputs",
    "read_file",
    "read_prose",
    "read_stream",
]
