"""The data packs rasd ships: every YAML file parses, and no mapping in it names a key
twice (YAML keeps the last silently, so an earlier list would be lost without a word)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from rasd.data import data_path


class _UniqueKeyLoader(yaml.SafeLoader):
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"key {key!r} given twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


PACKS = sorted(p.name for p in data_path(".").iterdir() if p.name.endswith(".yaml"))


def test_the_data_packs_are_found() -> None:
    assert {"assembly.yaml", "triggers.yaml", "actors.yaml", "place_cues.yaml"} <= set(PACKS)


@pytest.mark.parametrize("name", PACKS)
def test_a_data_pack_names_each_key_once(name: str) -> None:
    with data_path(name).open("r", encoding="utf-8") as handle:
        assert yaml.load(handle, Loader=_UniqueKeyLoader) is not None  # noqa: S506 - a safe loader


def test_a_key_given_twice_is_caught() -> None:
    with pytest.raises(yaml.constructor.ConstructorError, match="given twice"):
        yaml.load("a: [1]\nb: 2\na: [3]\n", Loader=_UniqueKeyLoader)  # noqa: S506 - a safe loader
