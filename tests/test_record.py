"""`@record`: an immutable dataclass for mypy, made into a dataclass at run time only when
its first instance is made (the compiled flows are unpickled and never call `__init__`)."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import field

from overdue_guide.base.record import made, record


@record
class Point:
    x: int
    y: int = 0
    tags: tuple[str, ...] = field(default_factory=tuple)


@record
class Unmade:
    name: str


def test_a_record_takes_its_fields_by_position_and_name_with_defaults() -> None:
    point = Point(1, tags=("a",))
    assert (point.x, point.y, point.tags) == (1, 0, ("a",))


def test_a_record_class_is_not_a_dataclass_until_its_first_instance() -> None:
    assert not dataclasses.is_dataclass(Unmade)
    Unmade("x")
    assert [f.name for f in dataclasses.fields(Unmade)] == ["name"]


def test_an_unpickled_record_keeps_its_values_without_its_init() -> None:
    again = pickle.loads(pickle.dumps(Point(3, 4)))
    assert (again.x, again.y, again.tags) == (3, 4, ())


def test_records_compare_by_identity() -> None:
    assert Point(1) != Point(1)


def test_replace_gives_a_new_record_with_the_field_changed() -> None:
    assert dataclasses.replace(Point(1, 2), y=5).y == 5


def test_a_record_derived_from_a_record_has_its_base_fields_first() -> None:
    @record
    class Base:
        a: int

    @record
    class Derived(Base):
        b: str

    made(Derived)
    assert [f.name for f in dataclasses.fields(Derived)] == ["a", "b"]
    assert (Derived(1, "x").a, Derived(1, "x").b) == (1, "x")
