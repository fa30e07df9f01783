"""Rendered cluster configuration: pure functions from the lab plan to each node's files.

``render_lab(plan, secrets)`` gives every node's files (path, content, mode,
owner) and its ``#cloud-config`` user-data, plus each Pacemaker cluster's
CIB as data; ``write_lab`` writes them to a folder. Secrets are plain
strings or Terraform tokens and appear verbatim (see ``Secrets``). No CDK
import here: plain Python, jinja2 templates from ``cloud-init/``.
"""

from openstack_ha.render.cib import Cib, cib_for_cluster, to_xml
from openstack_ha.render.secrets import Secrets, is_token
from openstack_ha.render.tree import (
    CIB_PATH,
    USER_DATA,
    LabRender,
    NodeTree,
    RenderedFile,
    node_script,
    render_lab,
    render_node,
    write_lab,
)

__all__ = [
    "CIB_PATH",
    "USER_DATA",
    "Cib",
    "LabRender",
    "NodeTree",
    "RenderedFile",
    "Secrets",
    "cib_for_cluster",
    "is_token",
    "node_script",
    "render_lab",
    "render_node",
    "to_xml",
    "write_lab",
]
