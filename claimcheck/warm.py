"""Imported by the fork server of `--jobs` (batch._PRELOAD): the pipeline's lazy tables
(patterns, word lists) are built there once, and every worker forked from it starts with them."""
from .batch import warm_up

warm_up()
