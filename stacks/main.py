"""The app of cdktf.json: synthesize a lab as HCL into cdktf.out/stacks/<lab>/cdk.tf.

    python stacks/main.py                       # the default libvirt lab
    python stacks/main.py --platform openstack  # the same lab on an OpenStack cloud
    python stacks/main.py --lab lab.yaml        # a lab file (only what differs)

The CDK CLIs (``cdktn synth``/``cdktf synth``) run it with no arguments; they
can pass the same choices as context (``-c lab=lab.yaml -c platform=openstack``)
or through ``OPENSTACK_HA_LAB`` / ``OPENSTACK_HA_PLATFORM``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _use_project_venv() -> None:
    """Re-run in the project's .venv when started by a Python without the project.

    ``cdktf.json`` says ``python3 stacks/main.py``; a CLI started outside the
    venv would otherwise fail on the first import.
    """
    try:
        import openstack_ha  # noqa: F401, PLC0415
    except ImportError:
        venv = ROOT / ".venv"
        python = venv / "bin" / "python"
        if python.exists() and Path(sys.prefix).resolve() != venv.resolve():
            os.execv(python, [str(python), *sys.argv])
        sys.exit("stacks/main.py: the project is not installed; run scripts/setup first")


_use_project_venv()

from openstack_ha.stack import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
