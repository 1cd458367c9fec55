"""Tests for eventcoder.ontology and its generator, scripts/build_ontology.py."""

from __future__ import annotations

import csv
import importlib.util
import shutil
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

from eventcoder import ontology
from eventcoder.ontology import CameoCode, PloverMapping

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PACKAGE_DATA = resources.files("eventcoder.ontology").joinpath("data")
CONTRACT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_ontology", REPO / "scripts" / "build_ontology.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ontology_tables_load():
    codes = ontology.cameo_codes()
    assert len(codes) >= 300
    assert all(isinstance(c, CameoCode) for c in codes)
    assert [c.code for c in codes] == sorted(c.code for c in codes)
    assert len({c.code for c in codes}) == len(codes)


def test_ontology_all_twenty_roots_present():
    roots = {c.root for c in ontology.cameo_codes()}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    for root in roots:
        assert ontology.cameo(root).name.isupper()  # cue categories carry upper-case names


def test_ontology_every_code_is_well_formed():
    for c in ontology.cameo_codes():
        assert c.name and c.code.isdigit() and 2 <= len(c.code) <= 4, c
        assert c.root == c.code[:2]
        assert -10.0 <= c.goldstein <= 10.0, c
        assert c.quad_class in (1, 2, 3, 4), c


def test_ontology_every_code_has_an_explicit_plover_decision():
    listed = {
        line.split("\t")[0]
        for line in PACKAGE_DATA.joinpath("plover_map.tsv").read_text("utf-8").splitlines()[2:]
    }
    assert listed == {c.code for c in ontology.cameo_codes()}


def test_ontology_every_mapping_uses_known_plover_terms():
    modes = {t.name: set(t.modes) for t in ontology.plover_types()}
    contexts = {c.name for c in ontology.plover_contexts()}
    for c in ontology.cameo_codes():
        m = ontology.to_plover(c.code)
        if m.event_type is None:
            assert m.mode is None and m.context == (), c.code
            continue
        assert m.mode is None or m.mode in modes[m.event_type], c.code
        assert set(m.context) <= contexts, c.code


def test_ontology_plover_types_follow_the_contract():
    types = ontology.plover_types()
    assert tuple(t.name for t in types) == CONTRACT_TYPES
    assert all(t.definition and t.quad_class in (1, 2, 3, 4) for t in types)
    assert "visit" in {t.name: t.modes for t in types}["CONSULT"]


@pytest.mark.parametrize(
    ("code", "name", "goldstein", "quad", "plover"),
    [
        ("043", "Host a visit", 2.8, 1, PloverMapping("CONSULT", "visit")),
        ("041", "Discuss by telephone", 1.0, 1, PloverMapping("CONSULT", "phone")),
        ("044", 'Meet at a "third" location', 2.5, 1, PloverMapping("CONSULT", "third-party")),
        ("010", "Make statement, not specified below", 0.0, 1, PloverMapping(None, None)),
        ("019", "Express accord", 3.4, 1, PloverMapping(None, None)),
        ("016", "Deny responsibility", -5.0, 1, PloverMapping("REJECT", None)),
        ("0233", "Appeal for humanitarian aid", 3.4, 1,
         PloverMapping("REQUEST", "assist", ("human_security",))),
        ("026", "Appeal to others to meet or negotiate", 4.0, 1,
         PloverMapping("REQUEST", "meet", ("diplomatic",))),
        ("057", "Sign formal agreement", 8.0, 1, PloverMapping("SUPPORT", None, ("diplomatic",))),
        ("073", "Provide humanitarian aid", 7.4, 2,
         PloverMapping("AID", None, ("human_security",))),
        ("0841", "Return, release person(s)", 7.0, 2, PloverMapping("RETREAT", "release")),
        ("0871", "Declare truce, ceasefire", 9.0, 2,
         PloverMapping("RETREAT", "ceasefire", ("military",))),
        ("082", "Ease political dissent", 5.0, 2, PloverMapping("CONCEDE", None)),
        ("0813", "Ease curfew", 5.0, 2, PloverMapping("RETREAT", None, ("rights_freedoms",))),
        ("091", "Investigate crime, corruption", -2.0, 3,
         PloverMapping("ACCUSE", "investigate", ("crime", "corruption"))),
        ("112", "Accuse, not specified below", -2.0, 3, PloverMapping("ACCUSE", "allege")),
        ("116", "Find guilty or liable (legally)", -2.0, 3,
         PloverMapping("ACCUSE", "disapprove", ("legal",))),
        ("1385", "Threaten attack with WMD", -7.0, 3,
         PloverMapping("THREATEN", "violence", ("cbrn",))),
        ("145", "Protest violently, riot, not specified below", -7.5, 4,
         PloverMapping("PROTEST", "riot")),
        ("163", "Impose embargo, boycott, or sanctions", -8.0, 4,
         PloverMapping("COERCE", "restrict", ("economic",))),
        ("173", "Arrest, detain, or charge with legal action", -5.0, 4,
         PloverMapping("COERCE", "arrest", ("legal",))),
        ("175", "Use tactics of violent repression", -9.0, 4,
         PloverMapping("ASSAULT", None, ("repression",))),
        ("1712", "Destroy property", -9.2, 4, PloverMapping("ASSAULT", "destroy")),
        ("186", "Assassinate", -10.0, 4, PloverMapping("ASSAULT", "targeted")),
        ("190", "Use conventional military force, not specified below", -10.0, 4,
         PloverMapping("ASSAULT", None, ("military",))),
        ("191", "Impose blockade, restrict movement", -9.5, 4,
         PloverMapping("COERCE", "restrict", ("military",))),
        ("192", "Occupy territory", -9.5, 4,
         PloverMapping("COERCE", "seize", ("military", "territory"))),
        ("2042", "Detonate nuclear weapons", -10.0, 4,
         PloverMapping("ASSAULT", "unconventional", ("cbrn",))),
    ],
)
def test_ontology_selected_facts(code, name, goldstein, quad, plover):
    c = ontology.cameo(code)
    assert (c.code, c.name, c.goldstein, c.root, c.quad_class) == (
        code, name, goldstein, code[:2], quad
    )
    assert ontology.quad_class(code) == quad
    assert ontology.to_plover(code) == plover


@pytest.mark.parametrize(
    ("code", "icews", "gdelt"),
    [("016", -5.0, -2.0), ("022", 3.4, 3.2), ("164", -6.5, -7.0), ("043", 2.8, 2.8)],
)
def test_ontology_goldstein_scales(code, icews, gdelt):
    assert ontology.cameo(code).goldstein == icews
    assert ontology.cameo(code, goldstein="icews").goldstein == icews
    assert ontology.cameo(code, goldstein="gdelt").goldstein == gdelt
    gdelt_codes = {c.code: c.goldstein for c in ontology.cameo_codes(goldstein="gdelt")}
    assert gdelt_codes[code] == gdelt


@pytest.mark.parametrize(
    ("code", "standard", "neutral01"),
    [
        ("01", 1, 0), ("016", 1, 0), ("0211", 1, 0), ("03", 1, 1), ("057", 1, 1),
        ("06", 2, 2), ("0874", 2, 2), ("09", 3, 3), ("139", 3, 3), ("14", 4, 4),
        ("175", 4, 4), ("2042", 4, 4),
    ],
)
def test_ontology_quad_class_schemes(code, standard, neutral01):
    assert ontology.quad_class(code) == standard
    assert ontology.quad_class(code, scheme="standard") == standard
    assert ontology.quad_class(code, scheme="neutral01") == neutral01


@pytest.mark.parametrize(("code", "parent"), [("1834", "183"), ("1951", "195"), ("0215", "021")])
def test_ontology_four_digit_codes_fall_back_to_their_parent(code, parent):
    assert ontology.to_plover(code) == ontology.to_plover(parent)
    assert ontology.quad_class(code) == ontology.quad_class(parent)
    with pytest.raises(KeyError):
        ontology.cameo(code)  # no name or score is invented for an unlisted code


@pytest.mark.parametrize("code", ["999", "21", "", "43", "04a", "1764", " 043", 43, None])
def test_ontology_unknown_code_raises_key_error(code):
    for lookup in (ontology.cameo, ontology.to_plover, ontology.quad_class):
        with pytest.raises(KeyError, match="Unknown CAMEO code"):
            lookup(code)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: ontology.cameo("043", goldstein="acled"), "Goldstein scale 'acled'"),
        (lambda: ontology.cameo_codes(goldstein="ICEWS"), "Goldstein scale 'ICEWS'"),
        (lambda: ontology.quad_class("043", scheme="neutral"), "quad scheme 'neutral'"),
    ],
)
def test_ontology_bad_option_raises_value_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_ontology_versions_are_stated():
    assert "CAMEO 1.1b3" in ontology.ONTOLOGY_VERSION and "PLOVER 2.0" in ontology.ONTOLOGY_VERSION
    assert ontology.QUAD_VERSION


def test_build_ontology_regenerates_identical_tables(builder, tmp_path):
    assert builder.main(["--out", str(tmp_path)]) == 0
    built = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    committed = {p.name: p.read_bytes() for p in PACKAGE_DATA.iterdir() if p.name.endswith(".tsv")}
    assert built.keys() == committed.keys()
    for name in built:
        assert built[name] == committed[name], f"{name} is stale: run scripts/build_ontology.py"


@pytest.mark.parametrize(
    ("table", "old", "new", "problem"),
    [
        ("cameo_codes.tsv", "043\tHost a visit\t2.8", "043\tHost a visit\t12.8",
         "outside [-10, 10]"),
        ("cameo_codes.tsv", "043\tHost a visit\t2.8", "043\tHost a visit\tmany", "not a number"),
        ("cameo_codes.tsv", "043\tHost a visit\t", "043\t\t", "no name"),
        ("cameo_codes.tsv", "043\tHost a visit\t2.8\t", "043\tHost a visit\t2.8\t2.8",
         "goldstein_alt repeats"),
        ("cameo_codes.tsv", "2042\t", "2142\t", "root 21 is not one of 01-20"),
        ("cameo_codes.tsv", "043\tHost a visit", "04x\tHost a visit", "2 to 4 digits"),
        ("cameo_to_plover.tsv", "043\tCONSULT\tvisit", "043\tCONSULT\tvisiting",
         "mode 'visiting' is not a mode of CONSULT"),
        ("cameo_to_plover.tsv", "043\tCONSULT", "043\tMEET", "unknown PLOVER type 'MEET'"),
        ("cameo_to_plover.tsv", "0233\tREQUEST\tassist\thuman_security",
         "0233\tREQUEST\tassist\thumanitarian", "unknown PLOVER context 'humanitarian'"),
        ("cameo_to_plover.tsv", "043\tCONSULT\tvisit\t\t", "", "'043' has no PLOVER mapping"),
        ("cameo_to_plover.tsv", "010\t\t\t\t", "010\t\tvisit\t\t", "without an event type"),
        ("plover_types.tsv", "CONSULT\t1\tvisit;", "CONSULT\t1\tvisit;visit;", "listed twice"),
        ("plover_types.tsv", "AGREE\t1", "AGREED\t1", "type AGREE missing"),
        ("plover_contexts.tsv", "military\t", "military\t\n", "1 fields, expected 2"),
    ],
)
def test_build_ontology_rejects_bad_sources(builder, tmp_path, capsys, table, old, new, problem):
    src = tmp_path / "src"
    shutil.copytree(REPO / "data" / "ontology-src", src)
    text = (src / table).read_text(encoding="utf-8")
    assert old in text
    (src / table).write_text(text.replace(old, new, 1), encoding="utf-8")
    out = tmp_path / "out"
    assert builder.main(["--src", str(src), "--out", str(out)]) == 1
    assert problem in capsys.readouterr().err
    assert not out.exists()  # nothing is written unless every check passes


def test_ontology_matches_shared_reference_codebook():
    """Every code of the shared reference codebook is ours, with the same Goldstein scores."""
    reference = SHARED / "data" / "ontology" / "cameo-codes.tsv"
    if not reference.is_file():
        pytest.skip(f"reference codebook absent: {reference}")
    with reference.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    ours = {c.code: c for c in ontology.cameo_codes()}
    ours_gdelt = {c.code: c for c in ontology.cameo_codes(goldstein="gdelt")}
    differences = []
    for row in rows:
        code = row["code"]
        if code not in ours or not ours[code].name:
            differences.append(f"{code} {row['name']!r}: missing")
            continue
        if float(row["goldstein_icews"]) != ours[code].goldstein:
            differences.append(
                f"{code}: ICEWS Goldstein {row['goldstein_icews']} there, "
                f"{ours[code].goldstein} here"
            )
        # An empty GDELT value means GDELT does not score the code; we fall back to ICEWS.
        if row["goldstein_gdelt"] and float(row["goldstein_gdelt"]) != ours_gdelt[code].goldstein:
            differences.append(
                f"{code}: GDELT Goldstein {row['goldstein_gdelt']} there, "
                f"{ours_gdelt[code].goldstein} here"
            )
    extra = sorted(set(ours) - {row["code"] for row in rows})
    differences += [f"{code}: ours only" for code in extra]
    assert differences == [], "\n".join(differences)


def test_the_manual_reading_of_find_guilty_is_selectable():
    # The published table and PLV code a conviction as ACCUSE; the manual as SANCTION convict.
    assert ontology.to_plover("116").event_type == "ACCUSE"
    manual = ontology.to_plover("116", reading="manual")
    assert (manual.event_type, manual.mode) == ("SANCTION", "convict")
    assert ontology.to_plover("1123", reading="manual") == ontology.to_plover("1123")
    with pytest.raises(ValueError, match="PLOVER reading"):
        ontology.to_plover("116", reading="icews")


def test_the_manual_reading_of_intent_to_yield_is_concede():
    # "announced ... would withdraw troops" is CONCEDE in the manual, AGREE in the table.
    assert ontology.to_plover("0356").event_type == "AGREE"
    manual = ontology.to_plover("0356", reading="manual")
    assert (manual.event_type, manual.context) == ("CONCEDE", ("military",))
    assert ontology.to_plover("035", reading="manual").event_type == "CONCEDE"
    assert ontology.to_plover("036", reading="manual").event_type == "AGREE"


def test_the_manual_reading_of_sanctions_imposed_is_sanction():
    # The manual codes international sanctions as SANCTION discontinue; the published table
    # (and PLV's annotators) as COERCE restrict, which stays the default.
    assert ontology.to_plover("163").event_type == "COERCE"
    manual = ontology.to_plover("163", reading="manual")
    assert (manual.event_type, manual.mode) == ("SANCTION", "discontinue")
