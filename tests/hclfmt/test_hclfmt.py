"""format_hcl writes what ``terraform fmt`` writes: checked against the real binary.

Three sources of input, each compared byte for byte with Terraform's own
output and checked for idempotence: the synthesized labs (default libvirt,
OpenStack, collapsed layout), a CDK program of tricky values through the
pinned bindings, and seeded random documents. The rules themselves are
pinned by cases with their expected output written out here (taken from
Terraform 1.11.4), so they still run where Terraform is missing. Without
Terraform the comparisons skip - except under CI=true, where they fail.

Deeper random runs: ``HCLFMT_SEED=7 HCLFMT_COUNT=5000 pytest tests/hclfmt``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hclfmt_gen import documents

from tfbindgen import hclfmt
from tfbindgen.hclfmt import HclFormatError, format_hcl

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SEED = int(os.environ.get("HCLFMT_SEED", "20250101"))
COUNT = int(os.environ.get("HCLFMT_COUNT", "300"))

Fmt = Callable[[Sequence[str]], list[str]]

# ---------------------------------------------------------------- terraform


def _terraform_env() -> dict[str, str]:
    # No update check: fmt needs no network and the tests must send none.
    return {**os.environ, "CHECKPOINT_DISABLE": "1", "TF_IN_AUTOMATION": "1"}


@pytest.fixture(scope="module")
def terraform() -> str:
    path = shutil.which("terraform")
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(
                "CI=true but terraform is not on PATH: the comparison with the real "
                "terraform fmt is what these tests prove; install Terraform 1.11.4 "
                "at /usr/local/bin/terraform"
            )
        pytest.skip("terraform is not installed; the pinned cases and idempotence still ran")
    return path


@pytest.fixture(scope="module")
def terraform_fmt(terraform: str, tmp_path_factory: pytest.TempPathFactory) -> Fmt:
    """Formats texts with the real ``terraform fmt``: one call per batch, files as written."""
    folder = tmp_path_factory.mktemp("terraform-fmt")
    batches = iter(range(1_000_000))

    def run(texts: Sequence[str]) -> list[str]:
        batch = folder / f"b{next(batches)}"
        batch.mkdir()
        # Named files (not a folder): each is formatted on its own, exactly
        # as `terraform fmt FILE` would, with nothing module-wide added.
        paths = [batch / f"f{index:05d}.tf" for index in range(len(texts))]
        for path, text in zip(paths, texts, strict=True):
            path.write_text(text, encoding="utf-8", newline="")
        done = subprocess.run(
            [terraform, "fmt", "-list=false", "-write=true", *map(str, paths)],
            capture_output=True, text=True, env=_terraform_env(), timeout=300, check=False,
        )  # fmt: skip
        assert done.returncode == 0, f"terraform fmt failed:\n{done.stderr}"
        return [path.read_bytes().decode("utf-8") for path in paths]

    return run


def _first_difference(expected: str, got: str) -> str:
    lines_expected = expected.splitlines(keepends=True)
    lines_got = got.splitlines(keepends=True)
    for number, (a, b) in enumerate(zip(lines_expected, lines_got, strict=False), start=1):
        if a != b:
            return f"line {number}: terraform {a!r}, format_hcl {b!r}"
    return f"lengths differ: terraform {len(lines_expected)} lines, format_hcl {len(lines_got)}"


def _assert_same_as_terraform(texts: Sequence[str], terraform_fmt: Fmt, what: str) -> None:
    expected = terraform_fmt(texts)
    for index, (text, reference) in enumerate(zip(texts, expected, strict=True)):
        ours = format_hcl(text)
        assert ours == reference, (
            f"{what} #{index}: {_first_difference(reference, ours)}\ninput:\n{text}"
        )


# ------------------------------------------------------- the labs and corpus


# The engine's own output, before the synth lays it out with format_hcl.
_RAW_SYNTH = """
import sys
from openstack_ha.stack import build, build_spec
lab, platform, out = sys.argv[1:]
app, _ = build(build_spec(lab or None, platform or None), out)
app.synth()
"""


def _synthesize_lab(out: Path, lab: str = "", platform: str = "") -> str:
    done = subprocess.run(
        [sys.executable, "-c", _RAW_SYNTH, lab, platform, str(out)],
        capture_output=True, text=True, cwd=ROOT, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, (
        f"synth of {lab or 'the default lab'} {platform} failed:\n{done.stderr}"
    )
    (cdk_tf,) = out.glob("stacks/*/cdk.tf")
    return cdk_tf.read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def labs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The unformatted cdk.tf of each lab shape, as the engine writes it."""
    collapsed = ROOT / "examples" / "labs" / "collapsed.yaml"
    shapes = {
        "default-libvirt": ("", ""),
        "openstack": ("", "openstack"),
        "collapsed": (str(collapsed), ""),
    }
    return {
        name: _synthesize_lab(tmp_path_factory.mktemp(name), *args) for name, args in shapes.items()
    }


@pytest.fixture(scope="module")
def engine_corpus(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("corpus")
    done = subprocess.run(
        [sys.executable, str(HERE / "hclfmt_engine_corpus.py"), str(out)],
        capture_output=True, text=True, cwd=ROOT, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, f"hclfmt_engine_corpus.py failed:\n{done.stderr}"
    return Path(done.stdout.strip()).read_bytes().decode("utf-8")


@pytest.mark.slow
def test_the_synthesized_labs_are_formatted_exactly_as_terraform_fmt_does(
    labs: dict[str, str], terraform_fmt: Fmt
) -> None:
    names = sorted(labs)
    expected = terraform_fmt([labs[name] for name in names])
    for name, reference in zip(names, expected, strict=True):
        ours = format_hcl(labs[name])
        assert ours != labs[name], f"{name}: the engine's output should need formatting"
        assert ours == reference, f"{name}: {_first_difference(reference, ours)}"


@pytest.mark.slow
def test_terraform_fmt_check_accepts_the_formatted_labs(
    labs: dict[str, str], terraform: str, tmp_path: Path
) -> None:
    for name, text in sorted(labs.items()):
        path = tmp_path / f"{name}.tf"
        path.write_text(format_hcl(text), encoding="utf-8", newline="")
        done = subprocess.run(
            [terraform, "fmt", "-check", "-diff", str(path)],
            capture_output=True, text=True, env=_terraform_env(), timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode == 0, f"{name}: terraform fmt -check refused it:\n{done.stdout}"


@pytest.mark.slow
def test_the_labs_format_idempotently(labs: dict[str, str]) -> None:
    for name, text in labs.items():
        once = format_hcl(text)
        assert format_hcl(once) == once, name


@pytest.mark.slow
def test_the_engine_corpus_of_tricky_values_is_formatted_as_terraform_fmt_does(
    engine_corpus: str, terraform_fmt: Fmt
) -> None:
    # The corpus must hold what it claims, or the comparison proves little.
    for shape in ("<<EOF\n", '\\"', "\\\\", "${", "%{", "ключ", "🎉", "provider = ", "{\n}"):
        assert shape in engine_corpus, f"the engine corpus has no {shape!r}"
    _assert_same_as_terraform([engine_corpus], terraform_fmt, "engine corpus")
    once = format_hcl(engine_corpus)
    assert format_hcl(once) == once


def test_random_documents_are_formatted_as_terraform_fmt_does(terraform_fmt: Fmt) -> None:
    texts = documents(SEED, COUNT)
    expected = terraform_fmt(texts)
    changed = sum(text != reference for text, reference in zip(texts, expected, strict=True))
    assert changed > COUNT * 0.9, "the generator should give terraform fmt work to do"
    for index, (text, reference) in enumerate(zip(texts, expected, strict=True)):
        ours = format_hcl(text)
        assert ours == reference, (
            f"seed {SEED} document {index}: {_first_difference(reference, ours)}\ninput:\n{text}"
        )


def test_random_documents_format_idempotently() -> None:
    for index, text in enumerate(documents(SEED + 1, COUNT)):
        once = format_hcl(text)
        assert format_hcl(once) == once, f"seed {SEED + 1} document {index}"


# ------------------------------------------------------------ pinned cases

# (id, input, what terraform fmt 1.11.4 writes for it)
CASES: list[tuple[str, str, str]] = [
    (
        "indent and align the engine's flat output",
        'resource "random_password" "p" {\nlength = 32\nspecial = false\n}\n',
        'resource "random_password" "p" {\n  length  = 32\n  special = false\n}\n',
    ),
    (
        "nested blocks and object items each align in their own run",
        'terraform {\nrequired_providers {\n  random = {\nversion = "3.9.0"\n'
        'source = "h/r"\n}\n}\n}\n',
        'terraform {\n  required_providers {\n    random = {\n      version = "3.9.0"\n'
        '      source  = "h/r"\n    }\n  }\n}\n',
    ),
    (
        "blank lines are kept, never collapsed, and break an alignment run",
        "a = 1\nbb = 2\n\n\n\nccc = 3\n\n\n",
        "a  = 1\nbb = 2\n\n\n\nccc = 3\n\n\n",
    ),
    (
        "comments, blocks and multi-line values break a run; a heredoc does not",
        'x {\na = 1\n# c\nbb = 2\nb {\n}\ndddd = [\n"x",\n]\ne = 1\n'
        "xslt = <<EOF\n  kept\nEOF\nff = 2\n}\n",
        'x {\n  a = 1\n  # c\n  bb = 2\n  b {\n  }\n  dddd = [\n    "x",\n  ]\n  e    = 1\n'
        "  xslt = <<EOF\n  kept\nEOF\n  ff   = 2\n}\n",
    ),
    (
        "heredoc lines keep their bytes; spaces inside ${ } are normalised",
        "a = <<-EOT\n    x   \n\t\ty\n  ${ b+1 }\n    EOT\n",
        "a = <<-EOT\n    x   \n\t\ty\n  ${b + 1}\n    EOT\n",
    ),
    (
        "an attribute that is only an interpolation is unwrapped; other templates stay",
        'r {\na = "${x.y.id}"\nb = "${x}-${ y }"\nc = ["${x}"]\nd = {k = "${x}"}\n}\n',
        'r {\n  a = x.y.id\n  b = "${x}-${y}"\n  c = ["${x}"]\n  d = { k = "${x}" }\n}\n',
    ),
    (
        "an interpolation over several lines is unwrapped into parentheses",
        'x = "${\na ? b : c\n}"\ny = "${a ?\nb : c}"\nw = "${(a ?\nb : c)}"\nz = "${ "q" }"\n',
        'x = a ? b : c\ny = (a ?\nb : c)\nw = (a ?\nb : c)\nz = "q"\n',
    ),
    (
        "strings keep escapes, nested quotes and template escapes byte for byte",
        'a = "q\\"\\\\ ${f("x\\"y")} $${n} %%{m} é"\nbb = "%{ if c }y%{ endif }"\n',
        'a  = "q\\"\\\\ ${f("x\\"y")} $${n} %%{m} é"\nbb = "%{if c}y%{endif}"\n',
    ),
    (
        "legacy variable types are rewritten in top-level variable blocks only",
        'variable "v" {\ntype = "string"\n}\nvariable "w" {\ntype = list\n}\n'
        'x {\nvariable "q" {\ntype = "map"\n}\n}\n',
        'variable "v" {\n  type = string\n}\nvariable "w" {\n  type = list(any)\n}\n'
        'x {\n  variable "q" {\n    type = "map"\n  }\n}\n',
    ),
    (
        "labels are re-quoted from their value; a label the scanner splits at $ or % is lost",
        'resource aws_x y {}\nresource "a\\u00e9\\u00a0" "z" {}\nresource "a$b" "c" {}\n',
        'resource "aws_x" "y" {}\nresource "aé\\u00a0" "z" {}\nresource "c" {}\n',
    ),
    (
        "widths are grapheme clusters (emoji, flags, combining marks)",
        'm = {\n"ключ" = 1\n"e\u0301" = 2\n"🇫🇷" = 3\n"👍🏽" = 4\nx = 5\n}\n',
        'm = {\n  "ключ" = 1\n  "e\u0301"    = 2\n  "🇫🇷"    = 3\n  "👍🏽"    = 4\n'
        "  x      = 5\n}\n",
    ),
    (
        "trailing comments align; comment bytes are kept",
        "a = 1 # x   \nbb = 2 // yy\n# z\nccc = [1,2] # w\n",
        "a  = 1 # x   \nbb = 2 // yy\n# z\nccc = [1, 2] # w\n",
    ),
    (
        "operators, for expressions, splats and calls",
        "a = {for k, v in m: k => v}\nb = [for x in [1]: x if x>0]\nc = -1 - -2\nd = !x\n"
        "e = f(a, b...)\ng = a[*].b\nh = a . b [ 0 ]\n",
        "a = { for k, v in m : k => v }\nb = [for x in [1] : x if x > 0]\nc = -1 - -2\nd = !x\n"
        "e = f(a, b...)\ng = a[*].b\nh = a.b[0]\n",
    ),
    (
        "brackets that do not balance line by line use the indent stack",
        'a = ["x",\n"y"]\nb = [[1,\n2],\n[3]]\nc = {\na = {\nb = 1\n}}\nd = 1\n',
        'a = ["x",\n"y"]\nb = [[1,\n  2],\n[3]]\nc = {\n  a = {\n    b = 1\n} }\nd = 1\n',
    ),
    (
        "CRLF line endings are kept",
        'a = "x"\r\nbb = <<EOF\r\ny\r\nEOF\r\n',
        'a  = "x"\r\nbb = <<EOF\r\ny\r\nEOF\r\n',
    ),
    ("no final newline is added", "a   =   1\n\n  b=2", "a = 1\n\nb = 2"),
    ("spaces after the last newline are kept", "a = 1\n   ", "a = 1\n   "),
    ("one-line and empty blocks", "r {   a=1   }\nq {  }\ns {\n}\n", "r { a = 1 }\nq {}\ns {\n}\n"),
    ("the empty document", "", ""),
    (
        "tabs and stray spaces go, indentation is two spaces",
        "\tr {\n\t\ta\t=\t1   \n   }\n",
        "r {\n  a = 1\n}\n",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_pinned_case(text: str, expected: str) -> None:
    assert format_hcl(text) == expected
    assert format_hcl(expected) == expected


def test_the_pinned_cases_are_what_terraform_fmt_writes(terraform_fmt: Fmt) -> None:
    results = terraform_fmt([text for _, text, _ in CASES])
    for (name, _, expected), result in zip(CASES, results, strict=True):
        assert result == expected, f"{name}: {_first_difference(result, expected)}"


# Corners checked against terraform fmt only (and for idempotence everywhere).
CORNERS: list[str] = [
    'resource /* x */ "a" /* y */ "b" {\n}\n',
    "a = b == c\nbb = 1\n",
    "a = f(\n1,\n2\n)\nb = 3\n",
    "a = 1 # c",
    "a = 1 # c\r\nbb = 2\r\n",
    "a = 1 /* x\ny */\nbb = 2\n",
    "# only a comment\n",
    "\n\n\n",
    'a = "${<<EOF\nx\nEOF\n}"\n',
    "a = trimspace(<<EOF\n  x\nEOF\n)\nb = 1\n",
    "a = <<EOF\n${\nx\n}\nEOF\nb = 1\n",
    "a = [\n<<EOF\nx\nEOF\n, 2]\n",
    "/* a\n b */ a = 1\nbb = 2\n",
    "y = [-1, - 2, (-1), x ? -1 : -2, f(-1), 1 - -1, b -1, !!b, a.*.b[0]]\n",
    'z = {for k, v in m: k => v...}\nw = {(k) = 1, "" = 2}\nr {\n} # end\n',
    "resource a-b c {\n}\n",
    "in = 1\nfor = 2\nif = [for in in x: in]\n",
    "a = [\n  1, # one\n  22, # two\n]\n",
    'a = { k: 1, "x": 2 }\nd = {\nk: 1\nkk: 2\n}\n',
    'a = "${ {a=1} }"\nb = "%{~ for x in l ~}${x}%{ endfor ~}"\n',
    'resource "$${" "s" {}\nresource "%%{" "t" {}\nresource "" "u" {}\nresource "a\\tb" "v" {}\n',
    'resource x "y\\U0001F600\\u0007" {}\n',
    'm = {\n"क्षि" = 1\n"👨\u200d👩\u200d👧" = 2\n"1️⃣" = 3\n"❤️" = 4\n"🇫🇷🇩" = 5\n'
    '"ᄀᄀ각" = 6\n"\u0600x" = 7\n"a\u200bb" = 8\n"x\u00adz" = 9\n"🏻" = 10\nzz = 0\n}\n',
]


def test_corners_are_formatted_as_terraform_fmt_does(terraform_fmt: Fmt) -> None:
    _assert_same_as_terraform(CORNERS, terraform_fmt, "corner")


@pytest.mark.parametrize("text", CORNERS)
def test_corners_format_idempotently(text: str) -> None:
    once = format_hcl(text)
    assert format_hcl(once) == once


# ------------------------------------------------------------------ errors

# (input, the start of the message) for text terraform fmt refuses too.
INVALID: list[tuple[str, str]] = [
    ('a = "x\n', "line 1, column 7: a quoted string must end on its own line"),
    ('a = "\\q"\n', "line 1, column 6: invalid escape sequence '\\\\q' in a quoted string"),
    ("a = <<EOF\nx\n", "line 3, column 1: the text ends inside a string, heredoc"),
    ("a = <<EOF\nx\nEOF", "line 3, column 1: heredoc <<EOF is not closed"),
    ("r {\na = 1\n", "line 3: block 'r' is not closed; add '}'"),
    ("a = 1 /* x\n", "line 1, column 7: comment '/*' is not closed"),
    ("a = 1 ~ 2\n", "line 1, column 7: unexpected character '~'"),
    ("= 1\n", "line 1: expected an attribute (name = value) or a block, got '='"),
    ("a =\n", "line 1: attribute 'a' has no value"),
]


@pytest.mark.parametrize(("text", "message"), INVALID)
def test_invalid_text_is_refused_with_where_and_why(text: str, message: str) -> None:
    with pytest.raises(HclFormatError) as raised:
        format_hcl(text)
    assert str(raised.value).startswith(message)


@pytest.mark.parametrize(("text", "message"), INVALID)
def test_terraform_fmt_refuses_the_invalid_text_too(
    text: str, message: str, terraform: str
) -> None:
    del message
    done = subprocess.run(
        [terraform, "fmt", "-"], input=text, capture_output=True, text=True,
        env=_terraform_env(), timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode != 0, f"terraform fmt accepted {text!r}"


# -------------------------------------------------------------- the module


def test_public_api() -> None:
    assert hclfmt.__all__ == ["HclFormatError", "format_hcl"]
    assert issubclass(HclFormatError, ValueError)


def test_the_formatter_never_imports_the_cdk_engine() -> None:
    code = (
        "import sys, tfbindgen.hclfmt\n"
        "loaded = [m for m in ('cdktn', 'cdktf', 'constructs', 'jsii', 'tfbindgen.engine')"
        " if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
