"""Lab files: YAML specifics, file:line in problems, merging onto the default lab."""

from __future__ import annotations

from collections.abc import Callable
from ipaddress import IPv4Network

import pytest
from model_helpers import triples

from openstack_ha.model import LabError, LabSpec, load_lab, parse_lab
from openstack_ha.model.loader import default_document, parse_lab_text

TOP_KEYS = (
    "brokers, controllers, converged, corosync, database, domain, fencing, layout, libvirt, "
    "load_balancers, name, networks, openstack, os_family, pacemaker, platform, vips"
)


def test_an_empty_file_is_the_default_lab(lab_file: Callable[..., str]) -> None:
    assert load_lab(lab_file("")) == LabSpec()
    assert load_lab(lab_file("# only a comment\n")) == LabSpec()


def test_unknown_top_level_key_names_file_line_and_suggests(lab_file: Callable[..., str]) -> None:
    name = lab_file("name: lab1\ndatbase:\n  count: 3\n")
    with pytest.raises(LabError) as caught:
        load_lab(name)
    (problem,) = caught.value.problems
    assert (problem.code, problem.loc, problem.source) == ("unknown_key", "datbase", "lab.yaml:2")
    assert str(problem) == (
        f"lab.yaml:2: datbase: unknown key 'datbase'; allowed: {TOP_KEYS}; did you mean 'database'?"
    )


def test_unknown_nested_key_lists_that_level(lab_file: Callable[..., str]) -> None:
    name = lab_file("networks:\n  management:\n    vlan: 10\n")
    with pytest.raises(LabError) as caught:
        load_lab(name)
    assert [(p.code, p.loc, p.message, p.source) for p in caught.value.problems] == [
        (
            "unknown_key",
            "networks.management.vlan",
            "unknown key 'vlan'; allowed: cidr, dhcp_end, dhcp_start, vlan_id; did you mean "
            "'vlan_id'?",
            "lab.yaml:3",
        )
    ]


def test_a_key_given_twice_is_an_error_not_a_silent_override(
    lab_file: Callable[..., str],
) -> None:
    name = lab_file("database:\n  count: 3\ndatabase:\n  count: 5\n")
    with pytest.raises(LabError) as caught:
        load_lab(name)
    assert [(p.code, p.loc, p.message, p.source) for p in caught.value.problems] == [
        (
            "yaml_duplicate_key",
            "database",
            "the key is given twice in one mapping (first at line 1), got 'database' again; "
            "keep one",
            "lab.yaml:3",
        )
    ]


@pytest.mark.parametrize(
    ("text", "message", "source"),
    [
        (
            "database: {count: 3\n",
            "not valid YAML (while parsing a flow mapping, expected ',' or '}', but got "
            "'<stream end>'), got the end of the file; fix the syntax at column 1",
            "lab.yaml:2",
        ),
        (
            "name: x\n\tdatabase: 1\n",
            "not valid YAML (while scanning for the next token, found character '\\t' that "
            "cannot start any token), got 'database: 1'; fix the syntax at column 1",
            "lab.yaml:2",
        ),
        (
            "name: x\nlayout: \x07\n",
            "not valid YAML (a character YAML does not allow), got #x0007; remove it",
            "lab.yaml:2",
        ),
    ],
    ids=["unclosed flow mapping", "tab indentation", "control character"],
)
def test_yaml_syntax_errors_give_the_line(
    lab_file: Callable[..., str], text: str, message: str, source: str
) -> None:
    name = lab_file(text)
    with pytest.raises(LabError) as caught:
        load_lab(name)
    assert [(p.code, p.loc, p.message, p.source) for p in caught.value.problems] == [
        ("yaml_syntax", "", message, source)
    ]


def test_top_level_must_be_a_mapping(lab_file: Callable[..., str]) -> None:
    with pytest.raises(LabError) as caught:
        load_lab(lab_file("- database\n- brokers\n"))
    assert [(p.code, p.message, p.source) for p in caught.value.problems] == [
        (
            "yaml_not_mapping",
            "a lab is a mapping of settings, got ['database', 'brokers']; write key: value "
            "lines such as 'database: {count: 5}'",
            "lab.yaml",
        )
    ]


def test_keys_must_be_names(lab_file: Callable[..., str]) -> None:
    with pytest.raises(LabError) as caught:
        load_lab(lab_file("database:\n  1: x\n"))
    assert [(p.code, p.loc, p.message, p.source) for p in caught.value.problems] == [
        ("invalid_type", "database", "keys are setting names, got 1; rename it", "lab.yaml:2")
    ]


def test_a_missing_file_is_a_lab_error(lab_file: Callable[..., str]) -> None:
    lab_file("")  # only to move into the temporary directory
    with pytest.raises(LabError) as caught:
        load_lab("nope.yaml")
    assert [(p.code, p.message, p.source) for p in caught.value.problems] == [
        (
            "lab_file",
            "cannot read the lab file (No such file or directory), got 'nope.yaml'; check the path",
            "nope.yaml",
        )
    ]


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (
            {"os_family": "debian11"},
            (
                "invalid_choice",
                "os_family",
                "not an allowed value, got 'debian11'; use debian12, el9 or ubuntu2404; did you "
                "mean 'debian12'?",
            ),
        ),
        (
            {"layout": "spread"},
            (
                "invalid_choice",
                "layout",
                "not an allowed value, got 'spread'; use dedicated or collapsed",
            ),
        ),
        (
            {"corosync": {"links": ["management", "tenantt"]}},
            (
                "invalid_choice",
                "corosync.links[1]",
                "not an allowed value, got 'tenantt'; use management, storage, tenant, external "
                "or storage_management; did you mean 'tenant'?",
            ),
        ),
        (
            {"database": {"count": "3"}},
            (
                "invalid_type",
                "database.count",
                "expected a whole number, got '3'; write it without quotes",
            ),
        ),
        (
            {"database": {"count": 3.5}},
            (
                "invalid_type",
                "database.count",
                "expected a whole number, got 3.5; write it without quotes",
            ),
        ),
        (
            {"database": {"arbitrator": "maybe"}},
            (
                "invalid_type",
                "database.arbitrator",
                "expected true or false, got 'maybe'; write true or false",
            ),
        ),
        (
            {"name": 5},
            ("invalid_type", "name", "expected a text value, got 5; quote it"),
        ),
        (
            {"corosync": {"links": "management"}},
            ("invalid_type", "corosync.links", "expected a list, got 'management'; write [a, b]"),
        ),
        (
            {"database": 5},
            (
                "invalid_type",
                "database",
                "expected a mapping of settings, got 5; write key: value pairs",
            ),
        ),
        (
            {"vips": {"public": {"address": "10.20.3.300"}}},
            (
                "invalid_address",
                "vips.public.address",
                "not an IPv4 address, got '10.20.3.300'; write e.g. 10.20.0.10",
            ),
        ),
        (
            {"networks": {"storage": {"cidr": "10.20.1.5/24"}}},
            (
                "invalid_network",
                "networks.storage.cidr",
                "the network address has host bits set, got '10.20.1.5/24'; use 10.20.1.0/24 "
                "(the network address)",
            ),
        ),
        (
            {"networks": {"storage": {"cidr": "storage-net"}}},
            (
                "invalid_network",
                "networks.storage.cidr",
                "not an IPv4 network in CIDR notation, got 'storage-net'; write e.g. 10.20.0.0/24",
            ),
        ),
        (
            {"networks": {"storage_management": {"vlan_id": 5}}},
            (
                "missing_key",
                "networks.storage_management.cidr",
                "a required setting is missing, got nothing; add cidr",
            ),
        ),
    ],
    ids=lambda v: v[1] if isinstance(v, tuple) else None,
)
def test_structural_errors_python_dict_and_yaml(
    lab_file: Callable[..., str], doc: dict[str, object], expected: tuple[str, str, str]
) -> None:
    import yaml

    with pytest.raises(LabError) as from_dict:
        parse_lab(doc)
    assert triples(from_dict.value) == [expected]
    with pytest.raises(LabError) as from_file:
        load_lab(lab_file(yaml.safe_dump(doc)))
    assert triples(from_file.value) == [expected]
    assert all(p.source.startswith("lab.yaml:") for p in from_file.value.problems)


def test_structural_errors_and_rule_problems_are_reported_together(
    lab_file: Callable[..., str],
) -> None:
    name = lab_file("datbase:\n  count: 3\nbrokers:\n  count: 4\ndatabase:\n  count: x\n")
    with pytest.raises(LabError) as caught:
        load_lab(name)
    assert [(p.code, p.loc, p.source) for p in caught.value.problems] == [
        ("broker_even", "brokers.count", "lab.yaml:4"),
        ("invalid_type", "database.count", "lab.yaml:6"),
        ("unknown_key", "datbase", "lab.yaml:1"),
    ]


def test_rules_reading_a_broken_part_are_skipped(lab_file: Callable[..., str]) -> None:
    # With management's cidr broken, the loader stands in the default subnet; the VIP
    # rules would then report a bogus "outside the subnet", so they must not run.
    name = lab_file(
        "networks:\n  management:\n    cidr: 10.30.0.5/24\n"
        "vips:\n  internal:\n    address: 10.30.0.10\n"
    )
    with pytest.raises(LabError) as caught:
        load_lab(name)
    assert [(p.code, p.loc) for p in caught.value.problems] == [
        ("invalid_network", "networks.management.cidr")
    ]


def test_mappings_merge_onto_the_default_and_lists_replace(lab_file: Callable[..., str]) -> None:
    spec = load_lab(
        lab_file(
            "networks:\n  management:\n    vlan_id: 10\n"
            "corosync:\n  links: [management]\n"
            "database:\n  count: 5\n"
        )
    )
    assert spec.networks.management.cidr == IPv4Network("10.20.0.0/24")  # default kept
    assert spec.networks.management.vlan_id == 10
    assert spec.networks.storage == LabSpec().networks.storage
    assert spec.corosync.links == ("management",)
    assert spec.database.count == 5
    assert spec.database.sst_method == "mariabackup"


def test_yaml_anchors_and_merge_keys_work(lab_file: Callable[..., str]) -> None:
    spec = load_lab(
        lab_file(
            "controllers: &size\n  vcpus: 2\n  memory_mib: 4096\n"
            "database:\n  <<: *size\n  count: 5\n"
        )
    )
    assert (spec.database.vcpus, spec.database.memory_mib, spec.database.count) == (2, 4096, 5)


def test_active_passive_without_count_gets_two_brokers(lab_file: Callable[..., str]) -> None:
    spec = load_lab(lab_file("brokers:\n  mode: active-passive\n"))
    assert spec.brokers.resolved_count() == 2


def test_default_document_round_trips() -> None:
    assert parse_lab(default_document()) == LabSpec()


def test_problem_text_and_lab_error_text() -> None:
    with pytest.raises(LabError) as caught:
        parse_lab_text("database:\n  count: 2\nbrokers:\n  count: 4\n", source="lab.yaml")
    assert str(caught.value) == (
        "2 problems in the lab:\n"
        "  lab.yaml:4: brokers.count: cluster_partition_handling pause_minority stops both "
        "halves of an even split, got 4; use 3 or 5\n"
        "  lab.yaml:2: database.count: Galera needs an odd number of members to keep quorum, "
        "got 2; use 3, 5 or 7, or set database.arbitrator: true to add garbd as a tie-breaker"
    )
