"""Mistakes fail at construction: messages name where, what, the value and what is allowed."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tfbindgen.engine import App, TerraformStack, Token
from tfbindgen.runtime import BindingError
from tfproviders.libvirt import Domain, LibvirtProvider
from tfproviders.libvirt.domain import DomainDisk
from tfproviders.openstack import NetworkingSecgroupRuleV2, NetworkingSubnetV2
from tfproviders.random import Password


@pytest.fixture
def stack() -> TerraformStack:
    return TerraformStack(App(), "lab")


@pytest.fixture
def rules(fixture_bindings: Path) -> Any:
    """The constraints fixture: every rule kind the extras can express."""
    return importlib.import_module("fx_rules.thing").Thing


def message(build: Callable[[], object]) -> str:
    with pytest.raises(BindingError) as caught:
        build()
    return str(caught.value)


# The arguments every rules_thing needs to satisfy its own cross-field rules.
VALID = {"name": "n", "length": 8, "network_id": "net", "listener_id": "l"}


def test_an_unknown_argument_names_the_construct_and_suggests_the_close_match(
    stack: TerraformStack,
) -> None:
    text = message(lambda: Password(stack, "pw", length=8, uper=True))
    assert text == (
        "lab/pw (random_password): 'uper' is not an argument; did you mean 'upper'? allowed: "
        "connection, count, depends_on, for_each, keepers, length, lifecycle, lower, min_lower, "
        "min_numeric, min_special, min_upper, number, numeric, override_special, provider, "
        "provisioners, special, upper"
    )


def test_a_missing_required_argument_is_named(stack: TerraformStack) -> None:
    assert message(lambda: Password(stack, "pw")) == (
        "lab/pw (random_password): 'length' is required (missing)"
    )


def test_arguments_after_the_id_must_be_keywords(stack: TerraformStack) -> None:
    assert message(lambda: Password(stack, "pw", 8)) == (  # type: ignore[misc]
        "lab/pw (random_password): 2 problems:\n"
        "  - takes scope and id_ positionally, every other argument by keyword "
        "(got 1 more positional)\n"
        "  - 'length' is required (missing)"
    )


def test_every_wrong_value_of_one_resource_is_reported_in_one_error(stack: TerraformStack) -> None:
    text = message(
        lambda: Domain(
            stack,
            "vm",
            name="vm",
            vcpu="two",  # type: ignore[arg-type]
            memory=1.5,
            disk=[{"volume": "v"}, DomainDisk(volume_id="a")],
            nvram=[{"file": "a"}, {"file": "b"}],
        )
    )
    assert text == (
        "lab/vm (libvirt_domain): 4 problems:\n"
        "  - 'memory' must be a whole number (got 1.5)\n"
        "  - 'vcpu' must be a number (got 'two': str)\n"
        "  - 'disk[0].volume' is not an argument; did you mean 'volume_id'? allowed: "
        "block_device, file, scsi, url, volume_id, wwn\n"
        "  - 'nvram' takes at most 1 block (got 2)"
    )


def test_a_block_class_checks_its_own_arguments_when_built() -> None:
    assert message(lambda: DomainDisk(scsi="yes")) == (  # type: ignore[arg-type]
        "DomainDisk (libvirt_domain.disk): 'scsi' must be a boolean (got 'yes': str)"
    )
    assert message(lambda: DomainDisk(volume_idd="x")) == (  # type: ignore[call-arg]
        "DomainDisk (libvirt_domain.disk): 'volume_idd' is not an argument; did you mean "
        "'volume_id'? allowed: block_device, file, scsi, url, volume_id, wwn"
    )


def test_too_few_blocks_are_refused(fixture_bindings: Path, stack: TerraformStack) -> None:
    thing = importlib.import_module("fx_modes.thing").Thing
    text = message(
        lambda: thing(
            stack, "m", single_required={"v": "x"}, set_required=[{}], list_two_to_three=[{}]
        )
    )
    assert text == "lab/m (modes_thing): 'list_two_to_three' needs at least 2 blocks (got 1)"


def test_a_value_outside_an_enumeration_lists_what_is_allowed(stack: TerraformStack) -> None:
    text = message(
        lambda: NetworkingSecgroupRuleV2(
            stack, "r", direction="inbound", ethertype="IPv4", security_group_id="sg"
        )
    )
    assert text == (
        "lab/r (openstack_networking_secgroup_rule_v2): 'direction' must be one of "
        "'ingress', 'egress' (got 'inbound')"
    )


def test_enumerations_bounds_and_whole_numbers_come_from_the_extras(
    rules: Any, stack: TerraformStack
) -> None:
    text = message(
        lambda: rules(stack, "r", **VALID, port=80.5, protocol="tcp", mode="INGRESS", weight=5)
    )
    assert text == (
        "lab/r (rules_thing): 3 problems:\n"
        "  - 'port' must be a whole number (got 80.5)\n"
        "  - 'protocol' must be one of 'TCP', 'UDP', 'HTTP' (got 'tcp')\n"
        "  - 'weight' must be one of 4, 6 (got 5)"
    )
    assert message(lambda: rules(stack, "r", **VALID, port=70000)) == (
        "lab/r (rules_thing): 'port' must be <= 65535 (got 70000)"
    )


def test_conflicting_arguments_are_refused_both_ways(rules: Any, stack: TerraformStack) -> None:
    assert message(lambda: rules(stack, "r", **VALID, cidr="10.0.0.0/8", prefix_length=24)) == (
        "lab/r (rules_thing): 2 problems:\n"
        "  - 'cidr' conflicts with 'prefix_length': set only one of them\n"
        "  - 'prefix_length' conflicts with 'cidr': set only one of them"
    )


def test_a_conflict_reaching_into_a_block_uses_its_first_element(
    rules: Any, stack: TerraformStack
) -> None:
    assert message(lambda: rules(stack, "r", **VALID, path="/a", target=[{"path": "/b"}])) == (
        "lab/r (rules_thing): 2 problems:\n"
        "  - 'path' conflicts with 'target.path': set only one of them\n"
        "  - 'target.path' conflicts with 'path': set only one of them"
    )


def test_exactly_one_and_at_least_one_of_a_group_must_be_set(
    rules: Any, stack: TerraformStack
) -> None:
    assert message(lambda: rules(stack, "r", name="n", length=8)) == (
        "lab/r (rules_thing): 2 problems:\n"
        "  - exactly one of 'listener_id', 'loadbalancer_id' must be set (got none)\n"
        "  - at least one of 'network_id', 'port_id', 'subnet_id' must be set (got none)"
    )
    assert message(lambda: rules(stack, "r", **VALID, loadbalancer_id="lb")) == (
        "lab/r (rules_thing): exactly one of 'listener_id', 'loadbalancer_id' must be set "
        "(got 'listener_id', 'loadbalancer_id')"
    )


def test_required_with_sum_and_item_count_rules(rules: Any, stack: TerraformStack) -> None:
    text = message(
        lambda: rules(
            stack, "r", **{**VALID, "length": 2}, min_upper=2, min_lower=1, preload=True,
            policies=[],
        )
    )  # fmt: skip
    assert text == (
        "lab/r (rules_thing): 3 problems:\n"
        "  - 'policies' needs at least 1 item (got 0)\n"
        "  - 'length' must be at least the sum of 'min_upper', 'min_lower' (3) (got 2)\n"
        "  - 'preload' requires 'max_age' to be set too"
    )


def test_a_real_subnet_conflict_from_the_pinned_extras(stack: TerraformStack) -> None:
    text = message(
        lambda: NetworkingSubnetV2(stack, "s", network_id="n", cidr="10.0.0.0/24", prefix_length=24)
    )
    assert text.startswith(
        "lab/s (openstack_networking_subnet_v2): 2 problems:\n"
        "  - 'cidr' conflicts with 'prefix_length': set only one of them"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"a"}, "'policies' must be a list (got {'a'}: set); sets have no stable order, "
                "pass a list (sorted if order does not matter)"),
        ("abc", "'policies' must be a list (got 'abc': str)"),
        ([None], "'policies[0]' must not be None inside a collection; leave the element out"),
        ([1], "'policies[0]' must be a string (got 1: int)"),
    ],
)  # fmt: skip
def test_collections_are_checked_element_by_element(
    rules: Any, stack: TerraformStack, value: object, expected: str
) -> None:
    assert message(lambda: rules(stack, "r", **VALID, policies=value)) == (
        f"lab/r (rules_thing): {expected}"
    )


def test_an_unterminated_template_sequence_is_refused_with_the_escape_to_use(
    rules: Any, stack: TerraformStack
) -> None:
    assert message(lambda: rules(stack, "r", **{**VALID, "name": "cost: ${"})) == (
        "lab/r (rules_thing): 'name' is not a valid Terraform template: unterminated template "
        "sequence '${' at offset 6; close it with '}' or write a literal '${' as '$${'"
    )


def test_numbers_javascript_cannot_carry_are_refused(rules: Any, stack: TerraformStack) -> None:
    assert message(lambda: rules(stack, "r", **VALID, max_age=2**60)) == (
        "lab/r (rules_thing): 'max_age' must be within ±2**53 to survive JavaScript "
        "(got 1152921504606846976)"
    )
    assert message(lambda: rules(stack, "r", **VALID, max_age=float("nan"))) == (
        "lab/r (rules_thing): 'max_age' must be a finite number (got nan)"
    )


def test_tokens_are_accepted_anywhere_and_skip_value_checks(
    rules: Any, stack: TerraformStack
) -> None:
    number = Token.as_number("${var.n}")
    password = Password(stack, "pw", length=8)
    rules(
        stack,
        "r",
        name=password.result,
        length=number,
        port=number,
        protocol="${var.protocol}",
        cidr=password.result,
        prefix_length=number,  # both set, but unknown until apply: SDKv2 does not object
        network_id="n",
        listener_id="l",
        policies=Token.as_list("${var.policies}"),
        preload=password.special,
        max_age=number,
    )
    assert [c.node.id for c in stack.node.children] == ["pw", "r"]


def test_a_refused_construct_leaves_nothing_in_the_tree(stack: TerraformStack) -> None:
    with pytest.raises(BindingError):
        Password(stack, "pw", length="8")  # type: ignore[arg-type]
    assert stack.node.children == []
    Password(stack, "pw", length=8)  # the id is still free


def test_the_error_is_both_a_type_error_and_a_value_error(stack: TerraformStack) -> None:
    with pytest.raises(TypeError):
        Password(stack, "a", length="8")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="must be >= 1"):
        Password(stack, "b", length=0)


def test_an_environment_backed_required_provider_argument_may_be_omitted(
    fixture_bindings: Path, stack: TerraformStack
) -> None:
    provider = importlib.import_module("fx_rules.provider").RulesProvider
    provider(stack, "p")  # RULES_URI can supply it, as LIBVIRT_DEFAULT_URI does for libvirt
    LibvirtProvider(stack, "libvirt")
    assert [c.node.id for c in stack.node.children] == ["p", "libvirt"]


def test_what_hcl_could_not_carry_faithfully_is_refused_at_construction(
    fixture_bindings: Path, stack: TerraformStack
) -> None:
    value = importlib.import_module("fx_fidelity.value").Value
    assert message(lambda: value(stack, "v", sl=['${upper(\n"x")}'])) == (
        "lab/v (fidelity_value): 'sl' cannot be written faithfully in HCL: the template "
        "sequence '${upper(\\n\"x\")}' spans lines; inside a list, map or object value, or in "
        "a string with CR or an 'EOF' line, HCL can only carry it on one line: put the "
        "expression on one line"
    )
    assert message(lambda: value(stack, "v", labelled={"${x}": {}})) == (
        "lab/v (fidelity_value): \"labelled['${x}']\" is a block label with a template "
        "sequence; labels are literal strings"
    )


def test_a_block_argument_refuses_an_expression(stack: TerraformStack) -> None:
    text = message(lambda: Domain(stack, "vm", name="vm", disk=Token.as_any(["x"])))
    assert text.startswith(
        "lab/vm (libvirt_domain): 'disk' takes DomainDisk blocks, not an expression"
    )
    assert text.endswith(
        "build them in Python, e.g. [... for item in items], or put for_each on the resource"
    )
