"""libyaml's emitter and PyYAML's own write the same user-data bytes."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from openstack_ha.model import LabSpec, derive_plan
from openstack_ha.render import Secrets, cloudinit, render_lab


@pytest.mark.skipif(not hasattr(yaml, "CSafeDumper"), reason="PyYAML built without libyaml")
@pytest.mark.parametrize("layout", ["dedicated", "collapsed"])
def test_the_c_and_python_yaml_emitters_agree_on_every_user_data(
    layout: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents: list[dict[str, Any]] = []
    original = cloudinit.dump_cloud_config

    def capture(doc: dict[str, Any]) -> str:
        documents.append(doc)
        return original(doc)

    monkeypatch.setattr("openstack_ha.render.tree.dump_cloud_config", capture)
    render_lab(derive_plan(LabSpec(layout=layout)), Secrets.for_tests())
    assert documents

    class PythonDumper(yaml.SafeDumper):
        pass

    PythonDumper.add_representer(str, cloudinit._str_representer)
    for doc in documents:
        python = "#cloud-config\n" + yaml.dump(
            doc,
            Dumper=PythonDumper,
            sort_keys=False,
            default_flow_style=False,
            allow_unicode=True,
            width=1 << 30,
            indent=2,
        )
        assert original(doc) == python
