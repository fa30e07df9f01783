"""The stand-in provider's parts without Terraform: values, planning, fakes, wiring, handshake."""

from __future__ import annotations

import base64
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from offline_helpers import ROOT
from tfstandin import cty, planning
from tfstandin.planning import Key
from tfstandin.schema import TypeSchema, load, pinned_providers
from tfstandin.server import MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, load_protocol
from tfstandin.wiring import backend_block, cli_config, launcher_dir, placeholder_variables

PINNED = pinned_providers()


def _resource(provider: str, name: str) -> TypeSchema:
    return load(PINNED[provider]).resources[name]


# --- values on the wire --------------------------------------------------------------


def test_values_round_trip_through_cty_msgpack_with_unknowns_kept_byte_for_byte() -> None:
    refined = cty.Unknown(12, b"\x81\x01\xc3")  # an unknown refined as "not null"
    value = {"id": cty.UNKNOWN, "tags": ["a", refined], "size": 3, "ok": True, "none": None}
    data = cty.encode(value)
    back = cty.decode(data)
    assert cty.encode(back) == data
    assert isinstance(back["id"], cty.Unknown)
    assert back["id"].code == 0
    assert back["tags"][1].code == 12
    assert back["tags"][1].data == b"\x81\x01\xc3"
    assert cty.encode(cty.UNKNOWN) == b"\xd4\x00\x00"  # what cty writes for an unknown
    assert cty.decode(b"") is None


def test_an_unknown_equals_nothing_not_even_another_unknown() -> None:
    assert not cty.equal(cty.UNKNOWN, cty.UNKNOWN)
    assert cty.equal({"a": [1, "x"]}, {"a": [1, "x"]})
    assert not cty.equal(True, 1)


def test_a_foreign_msgpack_extension_is_refused_with_its_type() -> None:
    with pytest.raises(ValueError, match="extension type 5 is not a cty value"):
        cty.decode(b"\xd4\x05\x00")


# --- planning -------------------------------------------------------------------------


def test_create_plan_fills_defaults_and_marks_unset_computed_attributes_unknown() -> None:
    ts = _resource("random", "random_password")
    proposed: dict[str, Any] = dict.fromkeys(ts.block.attributes)
    proposed.update(length=32, special=False)
    planned, replace = planning.plan(ts, None, proposed)
    assert replace == []
    assert planned["length"] == 32
    assert planned["special"] is False
    assert planned["upper"] is True
    assert planned["min_lower"] == 0
    for name in ("id", "result", "bcrypt_hash", "number"):  # computed, no default
        assert isinstance(planned[name], cty.Unknown), name
    assert planned["keepers"] is None  # optional, not computed: stays null


def _applied(ts: TypeSchema, config: dict[str, Any]) -> Any:
    """The state a create of ``config`` leaves (defaults and fakes filled)."""
    return planning.apply(ts, planning.plan(ts, None, config)[0], config)


def _domain(**changes: Any) -> dict[str, Any]:
    """A libvirt_domain configuration (as Terraform's proposed new state for a create)."""
    ts = _resource("libvirt", "libvirt_domain")
    obj = planning.null_object(ts.block)
    obj.update(id="d-1", name="ctl1", memory=4096, vcpu=2, running=True)
    obj["console"] = [
        {
            "type": "pty",
            "target_port": "0",
            "target_type": "serial",
            "source_host": "127.0.0.1",
            "source_path": None,
            "source_service": "0",
        }
    ]
    obj.update(changes)
    return obj


def test_update_plan_keeps_prior_computed_values_and_reports_force_new_paths() -> None:
    ts = _resource("libvirt", "libvirt_domain")
    prior = _applied(ts, _domain(id=None))
    # Terraform's proposed new state: the prior state with the new configuration.
    proposed = dict(prior, memory=8192)
    proposed["console"] = [dict(prior["console"][0], type="tcp")]
    planned, replace = planning.plan(ts, prior, proposed)
    assert planned["id"] == prior["id"]
    assert planned["arch"] == prior["arch"]
    assert sorted(replace, key=str) == sorted([("memory",), ("console", 0, "type")], key=str)
    # autostart is not ForceNew: an in-place change; nothing: no change at all.
    planned, replace = planning.plan(ts, prior, dict(prior, autostart=True))
    assert replace == []
    assert planned == dict(prior, autostart=True)
    assert planning.plan(ts, prior, prior) == (prior, [])


def test_replace_qualifiers_of_the_plugin_framework() -> None:
    ts = _resource("random", "random_password")
    config: dict[str, Any] = dict.fromkeys(ts.block.attributes)
    config.update(length=8, keepers={"a": "1"}, override_special="")
    prior = _applied(ts, config)
    removed = dict(prior, keepers=None, override_special=None)
    _, replace = planning.plan(ts, prior, removed)
    assert replace == []  # keepers removed; "" -> null: neither replaces
    _, replace = planning.plan(ts, prior, dict(prior, keepers={"a": "2"}))
    assert replace == [("keepers",)]


def test_destroy_plans_and_applies_null() -> None:
    ts = _resource("libvirt", "libvirt_volume")
    assert planning.plan(ts, {"id": "x"}, None) == (None, [])
    assert planning.apply(ts, None, None) is None


def test_apply_fills_unknowns_deterministically_from_type_and_configuration() -> None:
    ts = _resource("libvirt", "libvirt_domain")
    config = _domain(id=None)
    planned, _ = planning.plan(ts, None, config)
    first = planning.apply(ts, planned, config)
    assert first == planning.apply(ts, planned, config)
    assert cty.is_known(first)
    assert re.fullmatch(
        r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}", first["id"]
    )
    assert first["memory"] == 4096
    assert first["name"] == "ctl1"
    other = planning.apply(ts, planned, _domain(id=None, name="ctl2"))
    assert other["id"] != first["id"]


def test_fake_secrets_follow_the_configured_length_and_classes() -> None:
    ts = _resource("random", "random_password")
    config: dict[str, Any] = dict.fromkeys(ts.block.attributes)
    config.update(length=40, special=False, upper=True, lower=True, numeric=True)
    state = planning.apply(ts, planning.plan(ts, None, config)[0], config)
    assert re.fullmatch(r"[A-Za-z0-9]{40}", state["result"])
    assert state["bcrypt_hash"].startswith("$2a$10$")
    assert len(state["bcrypt_hash"]) == 60
    assert state["number"] is True  # the deprecated alias of numeric

    ts = _resource("random", "random_bytes")
    config = dict.fromkeys(ts.block.attributes)
    config.update(length=256)
    state = planning.apply(ts, planning.plan(ts, None, config)[0], config)
    raw = base64.b64decode(state["base64"])
    assert len(raw) == 256
    assert raw.hex() == state["hex"]


def test_a_data_source_reads_fixed_values_and_import_knows_only_the_id() -> None:
    schema = load(PINNED["openstack"])
    ts = schema.data_sources["openstack_images_image_v2"]
    config: dict[str, Any] = dict.fromkeys(ts.block.attributes)
    config["name"] = "debian-12-genericcloud"
    first = planning.read_data_source(ts, config)
    assert first == planning.read_data_source(ts, config)
    assert first["name"] == "debian-12-genericcloud"
    assert isinstance(first["id"], str)
    imported = planning.imported(schema.resources["openstack_networking_port_v2"], "p-1")
    assert imported["id"] == "p-1"
    assert [k for k, v in imported.items() if v not in (None, [], {})] == ["id"]


def test_map_keys_in_paths_are_not_attribute_names() -> None:
    assert planning._schema_path(("disk", 0, "scsi")) == ("disk", "scsi")
    assert planning._schema_path(("meta", Key("disk"), "x")) == ("meta", "x")


# --- schema on the wire ------------------------------------------------------------


def test_every_pinned_schema_converts_to_wire_messages() -> None:
    from tfstandin.schema import wire_schema

    pb, _ = load_protocol()
    for pinned in PINNED.values():
        schema = load(pinned)
        for ts in [schema.provider, *schema.resources.values(), *schema.data_sources.values()]:
            message = wire_schema(pb, ts)
            assert [a.name for a in message.block.attributes] == list(ts.raw.get("attributes", {}))
            decoded = pb.Schema.FromString(message.SerializeToString())
            assert decoded == message


# --- wiring -----------------------------------------------------------------------


def test_every_pinned_provider_has_an_executable_launcher_named_for_it() -> None:
    config = cli_config()
    for p in PINNED.values():
        launcher = launcher_dir(p.name) / f"terraform-provider-{p.name}"
        assert launcher.is_file(), launcher
        assert os.access(launcher, os.X_OK), launcher
        assert f'"{p.source}" = "{launcher_dir(p.name)}"' in config
    assert "direct {}" in config


def test_backend_block_is_found_only_at_the_top_of_the_terraform_block() -> None:
    text = (
        'terraform {\n  required_providers {\n    x = { source = "a/x" }\n  }\n'
        '  # backend "commented" {}\n  backend "s3" {\n    bucket = "a}b"\n  }\n}\n'
    )
    assert backend_block(text) == 'backend "s3" {\n    bucket = "a}b"\n  }'
    assert backend_block('resource "x" "y" {\n  backend "z" {}\n}\n') is None
    assert backend_block("terraform {\n}\n") is None


def test_placeholders_only_for_required_string_variables() -> None:
    text = (
        'variable "a" {\n  type = string\n  sensitive = true\n}\n'
        'variable "b" {\n  type = string\n  default = "x"\n}\n'
        'variable "c" {\n  type = number\n}\n'
        'variable "d" {\n  validation {\n    condition = true\n    error_message = "{"\n  }\n}\n'
    )
    assert placeholder_variables(text) == {
        "a": "placeholder for variable a (tfstandin)",
        "d": "placeholder for variable d (tfstandin)",
    }


# --- the handshake ------------------------------------------------------------------


def _launch(env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(launcher_dir("random") / "terraform-provider-random")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PLUGIN_", "TF_PLUGIN"))}
    env["TFSTANDIN_PYTHON"] = sys.executable
    env.update(extra)
    return env


def test_a_launcher_started_by_hand_explains_itself_and_exits() -> None:
    proc = _launch(_env())
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 1
    assert "this is a Terraform plugin" in err
    assert out == ""
    proc = _launch(_env(**{MAGIC_COOKIE_KEY: MAGIC_COOKIE_VALUE, "PLUGIN_PROTOCOL_VERSIONS": "6"}))
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 1
    assert "speaks plugin protocol 5, the client offered 6" in err


def test_go_plugin_handshake_schema_call_and_shutdown() -> None:
    import grpc

    proc = _launch(
        _env(**{MAGIC_COOKIE_KEY: MAGIC_COOKIE_VALUE, "PLUGIN_PROTOCOL_VERSIONS": "5,6"})
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        core, proto, network, address, protocol, cert = line.split("|")
        assert (core, proto, network, protocol, cert) == ("1", "5", "unix", "grpc", "")
        pb, _ = load_protocol()
        with grpc.insecure_channel(f"unix:{address}") as channel:
            get_schema = channel.unary_unary(
                "/tfplugin5.Provider/GetSchema",
                request_serializer=pb.GetProviderSchema.Request.SerializeToString,
                response_deserializer=pb.GetProviderSchema.Response.FromString,
            )
            response = get_schema(pb.GetProviderSchema.Request(), timeout=30)
            assert sorted(response.resource_schemas) == ["random_bytes", "random_password"]
            assert response.resource_schemas["random_password"].version == 3
            assert response.server_capabilities.plan_destroy
            shutdown = channel.unary_unary("/plugin.GRPCController/Shutdown")
            assert shutdown(b"", timeout=10) == b""
        started = time.monotonic()
        proc.wait(timeout=10)
        assert proc.returncode == 0
        assert time.monotonic() - started < 5  # go-plugin kills after 2 s otherwise
        assert not Path(address).exists()
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=10)  # reaps it and closes the pipes


def test_the_stand_ins_live_under_tests() -> None:
    assert launcher_dir("libvirt").is_relative_to(ROOT / "tests" / "standin")
