"""Option values as typer would coerce them, without typer's pydantic for the usual ones.

typer 0.29 checks every parameter value with a pydantic TypeAdapter built when the command
line is parsed, which costs more than the rest of `claimcheck extract` on one article
(importing pydantic alone, ~90 ms). The values a run usually has (defaults, plain strings,
numbers in range, choice names) are coerced here to exactly what that adapter returns;
anything else (a bad value and its message, a path, a clamped number) goes to typer's own
coercion, built on first need. Older typer versions, which have no adapters, are left alone.
"""
from __future__ import annotations

import enum
from typing import Any, List, get_args, get_origin

import typer.core

# What `plain_value` returns when the value is not one it vouches for.
UNSURE = object()
# Longer digit strings go to typer: pydantic and int() may part ways on huge numbers.
_MAX_DIGITS = 18


def _number(annotation: type, value: Any) -> Any:
    """`value` as an int or float when it is one already, or plain ASCII digits (with one point for a float)."""
    if type(value) is annotation:
        return value
    if type(value) is not str or not value.isascii() or len(value) > _MAX_DIGITS:
        return UNSURE
    whole, point, fraction = value.partition(".") if annotation is float else (value, "", "")
    if not whole.isdigit() or (point and not fraction.isdigit()):
        return UNSURE
    return annotation(value)


def _choice(annotation: type[enum.Enum], value: Any, case_sensitive: bool) -> Any:
    """The member named by `value` (its value, compared as typer compares choices)."""
    if isinstance(value, annotation):
        return value
    if type(value) is not str:
        return UNSURE
    wanted = value if case_sensitive else value.casefold()
    for member in annotation:
        name = str(member.value)
        if (name if case_sensitive else name.casefold()) == wanted:
            return member
    return UNSURE


def plain_value(annotation: Any, info: Any, value: Any) -> Any:
    """What typer's adapter makes of `value` for a parameter of this type, or UNSURE.

    `info` is the parameter's typer ParameterInfo; `value` is not None.
    """
    if info.parser is not None:
        return UNSURE
    if annotation is str:
        return value if type(value) is str else UNSURE
    if get_origin(annotation) is list and get_args(annotation) == (str,):
        if isinstance(value, (list, tuple)) and all(type(item) is str for item in value):
            return list(value)
        return UNSURE
    if annotation is int or annotation is float:
        number = _number(annotation, value)
        if number is UNSURE or info.clamp:
            return UNSURE
        in_range = (info.min is None or number >= info.min) and (info.max is None or number <= info.max)
        return number if in_range else UNSURE
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return _choice(annotation, value, info.case_sensitive)
    return UNSURE


class CommonValues:
    """A parameter's coercion: the usual values here, any other through typer's own, built once needed."""

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        if value is None:
            return () if param.multiple or param.nargs == -1 else None
        if ctx.token_normalize_func is None:
            descriptor = param.type_descriptor
            result = plain_value(descriptor.annotation, descriptor.parameter_info, value)
            if result is not UNSURE:
                return result
        param._runtime_param = None
        return param.get_runtime_param().coerce(value, param=param, ctx=ctx)


def adapts_lazily(param: Any) -> bool:
    """Whether `param` is a typer >= 0.29 parameter whose adapter is not built yet."""
    return (
        getattr(param, "_runtime_param", UNSURE) is None
        and hasattr(param, "get_runtime_param")
        and getattr(param, "type_descriptor", None) is not None
        and getattr(param.type_descriptor, "file_annotation", UNSURE) is None
    )


def _install(command: Any, ctx: Any) -> None:
    for param in command.get_params(ctx):
        if adapts_lazily(param):
            param._runtime_param = CommonValues()


class Command(typer.core.TyperCommand):
    """typer's command, with `CommonValues` coercion for each parameter that would build an adapter."""

    def parse_args(self, ctx: Any, args: List[str]) -> List[str]:
        _install(self, ctx)
        return super().parse_args(ctx, args)


class Group(typer.core.TyperGroup):
    """typer's group of commands, with `CommonValues` coercion for its own options."""

    def parse_args(self, ctx: Any, args: List[str]) -> List[str]:
        _install(self, ctx)
        return super().parse_args(ctx, args)
