"""tfbindgen: typed Python bindings for Terraform/OpenTofu providers, from schema JSON.

Generation reads ``terraform providers schema -json`` documents and never
imports the CDK engine; only the generated code (through ``tfbindgen.runtime``
and ``tfbindgen.engine``) does.
"""

__version__ = "0.1.0"
