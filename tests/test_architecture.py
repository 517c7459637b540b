"""The layout's rules: no import cycle inside the package (imports read with ``ast``), no module over 600 lines,
and the stage wiring (reads vs assigns) of the default pipeline and of edited pipelines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import thucydides
from thucydides.errors import InputError, PipelineError
from thucydides.pipeline.registry import Pipeline, check_stages, default_pipeline
from thucydides.pipeline.state import FIELDS, INITIAL_FIELDS, Stage, State
from thucydides.plugins import hookimpl

PKG = Path(thucydides.__file__).parent


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in PKG.rglob("*.py")}


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement, at any depth (function-level imports count), outside ``if TYPE_CHECKING:``."""
    found: list[ast.Import | ast.ImportFrom] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if _type_checking_only(node):
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        stack.extend(ast.iter_child_nodes(node))
    return found


def _targets(module: str, node: ast.Import | ast.ImportFrom) -> set[str]:
    """The package modules an import statement loads (a name that is a submodule counts as that module)."""
    if isinstance(node, ast.Import):
        return {a.name for a in node.names if a.name in MODULES}
    base = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    if node.level:
        base = ".".join(base.split(".")[: len(base.split(".")) - node.level + 1])
        source = f"{base}.{node.module}" if node.module else base
    else:
        source = node.module or ""
    subs = {f"{source}.{a.name}" for a in node.names if f"{source}.{a.name}" in MODULES}
    plain = [a for a in node.names if f"{source}.{a.name}" not in MODULES]
    return subs | ({source} if plain and source in MODULES else set())


def import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[name] = {t for node in _imports(tree) for t in _targets(name, node)} - {name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_import_graph_is_read() -> None:
    graph = import_graph()
    assert "thucydides.pipeline.state" in graph["thucydides.stages.events.detect"]
    assert "thucydides.stages.status.judgement" in graph["thucydides.stages.status.settle"]


def test_no_import_cycle_inside_the_package() -> None:
    assert _cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_stages_import_the_state_never_the_assembler() -> None:
    graph = import_graph()
    assembler = {"thucydides.pipeline.registry", "thucydides.pipeline.run"}
    for name, deps in graph.items():
        if name.startswith("thucydides.stages.") or name == "thucydides.pipeline.state":
            assert not deps & assembler, (name, deps & assembler)


def test_no_module_over_600_lines() -> None:
    long = {name: n for name, path in MODULES.items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 600}
    assert long == {}


# --------------------------------------------------------------------------- stage wiring


def _noop(state: State) -> None:
    """A stage body for wiring tests."""


def _assigned_before(stages: list[Stage], index: int) -> set[str]:
    return set(INITIAL_FIELDS).union(*(s.assigns for s in stages[:index]))


def _rules() -> Pipeline:
    from thucydides.pipeline.registry import pipeline_for

    return pipeline_for("rules")


def test_default_pipeline_wiring() -> None:
    from thucydides.pipeline.registry import pipeline_for

    assert default_pipeline().names == (
        "actors.gazetteer.v1", "dates.dateparser.v1", "places.geonames.v1", "events.rules.v1",
        "attribution.rules.v1", "status.rules.v1", "events.learned.v1", "events.nonpolitical.v1",
        "events.counterpart.v1", "events.document_parties.v1", "merge.claims.v1", "propositions.parties.v1", "places.link.v1", "losses.rules.v1")
    assert "events.model.v1" in pipeline_for("rules").names
    assert pipeline_for("rules").names[-7] == "events.nonpolitical.v1"
    assert pipeline_for("model").names == (
        "actors.gazetteer.v1", "dates.dateparser.v1", "places.geonames.v1", "events.learned.v1",
        "events.nonpolitical.v1", "events.counterpart.v1", "events.document_parties.v1", "merge.claims.v1", "propositions.parties.v1",
        "places.link.v1", "losses.rules.v1")
    for extractor in ("learned", "rules", "model"):
        stages = list(pipeline_for(extractor))
        for i, stage in enumerate(stages):
            assert set(stage.reads) <= _assigned_before(stages, i), stage.name
            assert set(stage.reads) | set(stage.assigns) <= FIELDS, stage.name
        assert {"propositions", "loss_claims"} <= _assigned_before(stages, len(stages))


def test_a_stage_reading_a_field_assigned_later_is_refused_with_e016() -> None:
    stages = list(_rules())
    merge = next(s for s in stages if s.name == "merge.claims.v1")
    with pytest.raises(PipelineError) as err:
        check_stages([merge] + [s for s in stages if s is not merge])
    assert err.value.code == "E016"
    assert "'merge.claims.v1'" in str(err.value) and "'events.status'" in str(err.value)
    assert "status.rules.v1" in str(err.value)


def test_a_field_nothing_assigns_is_named() -> None:
    with pytest.raises(PipelineError, match="E016.*'weather'.*not a field"):
        Pipeline([Stage("weather.rules.v1", _noop, ("doc", "weather"), ("weather",))])


def test_replace_keeps_the_wiring_and_checks_it() -> None:
    learned = Stage("events.plugin.v1", _noop, ("doc", "mentions", "dates"), ("events",))
    pipeline = _rules().replace("events.rules.v1", learned)
    at = _rules().names.index("events.rules.v1")
    assert pipeline.names[at] == "events.plugin.v1" and "events.rules.v1" not in pipeline.names
    late = Stage("events.late.v1", _noop, ("doc", "events.status"), ("events",))
    with pytest.raises(PipelineError, match="E016.*'events.late.v1'.*'events.status'.*status.rules.v1"):
        _rules().replace("events.rules.v1", late)


def test_insert_beside_the_rules_and_unknown_names() -> None:
    beside = Stage("events.plugin.v1", _noop, ("doc", "mentions", "dates", "events"), ("events",))
    pipeline = _rules().insert_after("events.rules.v1", beside)
    assert pipeline.names.index("events.plugin.v1") == pipeline.names.index("events.rules.v1") + 1
    assert _rules().insert_before("attribution.rules.v1", beside).names == pipeline.names
    with pytest.raises(PipelineError, match="E017.*'events.nope.v1'"):
        _rules().replace("events.nope.v1", beside)
    with pytest.raises(PipelineError, match="E017.*twice"):
        _rules().insert_after("events.rules.v1", _rules().get("events.rules.v1"))


def test_a_plugin_stage_is_placed_where_it_asks() -> None:
    base = _rules()
    after = Stage("events.plugin.v1", _noop, ("doc", "mentions", "dates", "events"), ("events",),
                  after="events.rules.v1")
    assert base.place(after).names == base.insert_after("events.rules.v1", after).names
    instead = Stage("events.plugin.v1", _noop, ("doc", "mentions", "dates"), ("events",),
                    replaces="events.rules.v1")
    assert "events.rules.v1" not in base.place(instead).names


class _LearnedPlugin:
    """A plugin as a third party writes it: a stage beside the rules, through the register_stages hook."""

    @staticmethod
    @hookimpl
    def register_stages() -> list[Stage]:
        return [Stage("events.plugin.v1", _noop, ("doc", "mentions", "dates", "events"), ("events",),
                      after="events.learned.v1")]

    @staticmethod
    @hookimpl
    def register_extractors() -> dict[str, list[Stage]]:
        return {"keywords": [Stage("events.keywords.v1", _noop, ("doc", "mentions", "dates"),
                                   ("events", "events.status"))]}


def test_a_plugin_registers_a_stage_through_the_hook() -> None:
    from thucydides.plugins import pipeline_plugin_manager

    plugin = _LearnedPlugin()
    manager = pipeline_plugin_manager()
    manager.register(plugin, name="test-learned")
    default_pipeline.cache_clear()
    try:
        from thucydides.pipeline.registry import pipeline_for

        names = default_pipeline().names
        assert names[names.index("events.learned.v1") + 1] == "events.plugin.v1"
        keywords = pipeline_for("keywords").names  # an extractor takes the place of every event stage
        assert keywords[3:5] == ("events.keywords.v1", "merge.claims.v1") and "events.plugin.v1" not in keywords
    finally:
        manager.unregister(plugin)
        default_pipeline.cache_clear()
    assert "events.plugin.v1" not in default_pipeline().names


def test_the_hybrid_is_the_default_and_the_other_extractors_take_the_event_stages_place() -> None:
    from thucydides.pipeline.registry import pipeline_for
    from thucydides.stages.builtin import hybrid_stages, learned_stages, rule_stages

    hybrid = Pipeline(hybrid_stages()).names
    assert hybrid == default_pipeline().names == pipeline_for("learned").names
    assert hybrid.index("events.learned.v1") == hybrid.index("status.rules.v1") + 1
    assert "events.model.v1" not in hybrid
    assert Pipeline(rule_stages()).names == pipeline_for("rules").names
    assert Pipeline(learned_stages()).names == pipeline_for("model").names
    with pytest.raises(InputError) as err:
        pipeline_for("oracle")
    assert err.value.code == "E001" and "'learned', 'model', 'rules'" in str(err.value)


def test_the_commands_the_web_server_and_the_store_load_no_parser() -> None:
    """spaCy (and through thinc, torch where it is installed) costs seconds to import: only extraction loads it.
    ``thucydides serve`` started in 3.4 s on the shared corpus's store when ``import thucydides`` loaded it,
    1.4 s since."""
    import subprocess
    import sys

    code = ("import sys, thucydides, thucydides.cli, thucydides.web.app, thucydides.store, thucydides.ledger; "
            "print(sorted(m for m in ('spacy', 'thinc', 'torch') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    extract = "import sys, thucydides; thucydides.extract('Russia shelled Kharkiv.'); print('spacy' in sys.modules)"
    lazy = subprocess.run([sys.executable, "-c", extract], capture_output=True, text=True, check=True)
    assert lazy.stdout.strip() == "True"
