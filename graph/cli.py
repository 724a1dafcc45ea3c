"""The `kg` command: a thin layer over the library (parse options, call, print)."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

# Only what the options and help are made of is imported here: each command imports the
# library it runs when it runs, so `kg --help` loads no spaCy, rdflib, Oxigraph or pyvis.
from graph.errors import KgError
from graph.export import WRITERS, describe_formats
from graph.layout import CACHE_DIR, STORE_DIR, TRIG_FILE, TURTLE_FILE, VIEW_FILE
from graph.store.choices import DEFAULT_TIMEOUT, RESULT_FORMATS

if TYPE_CHECKING:
    from rich.console import Console
    from spacy.language import Language

    from graph.read import Document
    from graph.store.named import NamedQuery

DEFAULT_INPUT = Path("seeds")
DEFAULT_OUT = Path("out")

F = TypeVar("F", bound=Callable[..., Any])


@functools.cache
def _console() -> Console:
    """Status lines and progress on standard error (rich: loaded by the commands that show them)."""
    from rich.console import Console

    return Console(stderr=True)


#: `--timeout` of `kg query` and `kg serve`.
_timeout_option = click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds a query may run before it is stopped.",
)


def user_errors(command: F) -> F:
    """Turn the library's input errors into click's one-line `Error: …`."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except KgError as error:
            from graph.store import printable

            # A message may quote input (a label, a file name): no control character goes raw.
            raise click.ClickException(printable(str(error))) from None

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="myndighetsgraf")
def main() -> None:
    """Build and explore knowledge graphs of Swedish public-sector news.

    \b
    Start with the bundled articles:
      kg build                       # seeds/ → out/graph.ttl, graph.trig, graph.html, store/
      kg query out 'SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name }'
      kg view out --focus Försäkringskassan -o fk.html
    """


def _swedish_pipeline() -> Language:
    """The shipped pipeline, loaded with a status line."""
    with _console().status("Loading the Swedish pipeline"):
        return _load_pipeline()


def _load_pipeline() -> Language:
    """The shipped pipeline; a missing or damaged model is an installation problem, said once."""
    from graph.nlp import MODEL_DIR, load

    try:
        return load()
    except (OSError, ValueError) as error:
        raise click.ClickException(
            f"cannot load the Swedish model in {MODEL_DIR} ({error.__class__.__name__}); "
            "reinstall the package"
        ) from None


@contextmanager
def _progress_bar(total: int) -> Iterator[Callable[[Document], None]]:
    """A progress bar over `total` articles; yields the callback that advances it."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=_console(),
        transient=True,
    ) as bar:
        task = bar.add_task("Analysing articles", total=total)
        yield lambda document: bar.update(task, advance=1, description=document.id)


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path),
    default=DEFAULT_OUT,
    show_default=True,
    help=f"Folder for {TURTLE_FILE}, {TRIG_FILE}, {VIEW_FILE}, {STORE_DIR}/ and {CACHE_DIR}/.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="the machine's cores",
    help="Worker processes for the analysis, each with its own copy of the model.",
)
@click.option(
    "--cluster",
    metavar="ADDRESS",
    help="Analyse on a Dask cluster (tcp://HOST:8786), or on local:N worker processes.",
)
@click.option("--full", is_flag=True, help="Analyse every document again, ignoring the cache.")
@user_errors
def build(inputs: tuple[Path, ...], out: Path, jobs: int, cluster: str | None, full: bool) -> None:
    """Build the graph from articles (.txt, .html, .jsonl files or folders; default: seeds/).

    A failed build leaves the previous contents of OUT untouched. A build into a folder
    built before analyses only the documents that are new or changed since (OUT/cache/
    keeps each document's analysis) and gives the graph a fresh build would.

    \b
    Examples:
      kg build news/ --out out          # all cores; again later: only what changed
      kg build news/ --jobs 1 --full    # one process, everything analysed again
      kg build news/ --cluster tcp://10.0.0.5:8786
    """
    from graph.pipeline import build as run_build
    from graph.read import read_paths
    from graph.store.build_folder import check_target

    check_target(out)  # a folder that no build made is refused before any work
    documents = read_paths(inputs or (DEFAULT_INPUT,))  # bad input fails before the model loads
    if cluster and not _cluster_address(cluster):
        raise click.BadParameter("give tcp://HOST:PORT or local:N", param_hint="--cluster")
    # Worker processes load their own copies; this process loads one only if it analyses.
    nlp = _load_pipeline if jobs > 1 or cluster else _swedish_pipeline()
    with _progress_bar(len(documents)) as progress:
        summary = run_build(documents, out, nlp, progress, jobs=jobs, cluster=cluster, full=full)
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Built {summary.out}", show_header=False)
    table.add_row("documents", str(summary.documents))
    changes = summary.changes
    table.add_row(
        "since the last build",
        f"{len(changes.added)} added, {len(changes.changed)} changed, "
        f"{len(changes.removed)} removed, {len(changes.reused)} reused",
    )
    table.add_row("sentences", str(summary.sentences))
    for cls, n in summary.entities.items():
        table.add_row(f"entities: {cls}", str(n))
    for prop, n in sorted(summary.facts.items()):
        table.add_row(f"facts: {prop}", str(n))
    table.add_row("seconds", f"{summary.seconds:.1f}")
    cpu = ", ".join(f"{stage} {seconds:.1f}" for stage, seconds in summary.stages.items())
    table.add_row("CPU seconds by stage", cpu)
    Console().print(table)


def _cluster_address(address: str) -> bool:
    local = address.removeprefix("local:")
    return local.isdigit() and int(local) > 0 if local != address else "://" in address


@main.command(context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED, metavar="[DIR|FILE] SPARQL|NAME")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(RESULT_FORMATS),
    default="table",
    show_default=True,
)
@_timeout_option
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and stop.")
@user_errors
def query(args: tuple[str, ...], fmt: str, timeout: float, list_queries: bool) -> None:
    """Run a SPARQL query, or a named query, on a build folder (default: out/) or an RDF file.

    The prefixes kg:, id:, doc:, rdf:, rdfs:, owl:, xsd:, skos:, prov:, schema:, org:,
    foaf:, dcterms: and wd: are predeclared. Queries only read: updates, LOAD and
    SERVICE are refused. A named query (see --list) takes its parameters as options;
    an IRI is given as the table prints it.

    \b
    Examples:
      kg query 'SELECT ?who ?title WHERE { ?who kg:jobTitle ?title }'
      kg query out/graph.ttl 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' --format csv
      kg query --list
      kg query offices --agency '<https://myndighetsgraf.se/id/agency/forsakringskassan>'
    """
    # Answers in plain cells: rdflib takes longer to import than a simple query to answer.
    from graph.store import ask, ask_named, format_result, named_queries

    queries = named_queries()
    if list_queries:
        click.echo(_query_list(queries), nl=False)
        return
    words, values = _split_parameters(args)
    if not words or len(words) > 2:
        raise click.UsageError("give a query (quoted) or a query name, and at most a location")
    location, text = (DEFAULT_OUT, words[0]) if len(words) == 1 else (Path(words[0]), words[1])
    if text in queries:
        result = ask_named(location, text, values, timeout=timeout)
    elif values:
        raise click.UsageError(f"options {', '.join(values)} are for named queries only")
    else:
        result = ask(location, text, timeout=timeout)
    # color=True: click would otherwise strip escape sequences from values written to a pipe.
    click.echo(format_result(result, fmt, terminal=sys.stdout.isatty()), nl=False, color=True)


def _split_parameters(args: tuple[str, ...]) -> tuple[list[str], dict[str, str]]:
    """Positional words, and ``--name value`` or ``--name=value`` pairs (a named query's)."""
    words: list[str] = []
    values: dict[str, str] = {}
    items = iter(args)
    for item in items:
        if not item.startswith("--"):
            words.append(item)
            continue
        name, equals, value = item[2:].partition("=")
        if not equals:
            following = next(items, None)
            if following is None:
                raise click.UsageError(f"option --{name} needs a value")
            value = following
        values[name] = value
    return words, values


def _query_list(queries: dict[str, NamedQuery]) -> str:
    lines: list[str] = []
    for named in queries.values():
        lines.append(f"{named.name}: {named.summary}")
        lines += [f"    --{p.name} ({p.kind}): {p.help}" for p in named.parameters]
    return "".join(f"{line}\n" for line in lines)


@main.command()
@click.argument("location", type=click.Path(path_type=Path), default=DEFAULT_OUT)
@click.option(
    "--focus",
    help="Draw only the neighbourhood of this entity (label or other name); with --timeline, "
    "the posts of this organisation (one row per person) or of this person.",
)
@click.option(
    "--depth", type=click.IntRange(min=1), default=1, show_default=True, help="Hops around --focus."
)
@click.option(
    "--class",
    "classes",
    multiple=True,
    help="Keep only entities of this class (Agency, Organization, Office, Place, Person, "
    "Project, Decision, Quote); repeatable.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="HTML file to write.  [default: view.html, or timeline.html with --timeline]",
)
@click.option(
    "--timeline",
    is_flag=True,
    help="Draw who held which post when (the role nodes), one row per organisation.",
)
@user_errors
def view(
    location: Path,
    focus: str | None,
    depth: int,
    classes: tuple[str, ...],
    output: Path | None,
    timeline: bool,
) -> None:
    """Draw the graph as an interactive network (one HTML file that works offline).

    \b
    Examples:
      kg view                                       # out/ → view.html
      kg view out --focus Försäkringskassan -o fk.html
      kg view out --class Person --class Agency -o people.html
      kg view out --timeline --focus Tullverket     # → timeline.html
    """
    from graph.store import open_graph
    from graph.views import write_timeline, write_view

    if timeline:
        output = output or Path("timeline.html")
        drawn = write_timeline(open_graph(location), output, focus=focus)
        bars = sum(len(row.bars) for row in drawn.rows)
        click.echo(f"{output}: {bars} roles in {len(drawn.rows)} rows")
        return
    output = output or Path("view.html")
    data = write_view(open_graph(location), output, focus=focus, depth=depth, classes=classes)
    click.echo(
        f"{output}: {len(data.nodes)} nodes, {len(data.edges)} edges"
        + (f" ({data.dropped} smaller nodes left out)" if data.dropped else "")
    )


@main.command()
@click.argument("location", type=click.Path(path_type=Path), default=DEFAULT_OUT)
@click.option(
    "--format", "fmt", type=click.Choice(list(WRITERS)), required=True, help=describe_formats()
)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True)
@click.option(
    "--with-evidence",
    is_flag=True,
    help="Network formats: the full provenance graph (documents, evidence nodes) "
    "instead of the entity network.",
)
@user_errors
def export(location: Path, fmt: str, output: Path, with_evidence: bool) -> None:
    """Write the graph in another format (GraphML or GEXF for Gephi and other network tools).

    \b
    Examples:
      kg export out --format graphml -o graph.graphml
      kg export out --format gexf --with-evidence -o provenance.gexf
      kg export out --format trig -o graph.trig
    """
    from graph.export import export as run_export

    run_export(location, fmt, output, with_evidence=with_evidence)
    click.echo(f"{output} ({fmt})")


@main.command()
@click.argument("location", type=click.Path(path_type=Path), default=DEFAULT_OUT)
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@_timeout_option
@click.option(
    "--allow-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="Also answer requests whose Host header is NAME (default: localhost only); repeatable.",
)
@user_errors
def serve(
    location: Path, port: int, host: str, timeout: float, allowed_hosts: tuple[str, ...]
) -> None:
    """Serve the build's store as a read-only SPARQL 1.1 endpoint (Ctrl-C stops it).

    Queries see the same predeclared prefixes as `kg query`. Updates, LOAD and
    SERVICE are refused (HTTP 403), a query past --timeout is stopped (503), and a
    rebuild of LOCATION is served from the next query on.

    \b
    Example:
      kg serve out --port 7878
      curl 'http://127.0.0.1:7878/query' --data-urlencode 'query=ASK { ?x a kg:Agency }'
    """
    from graph.store import serve as run_serve

    endpoint = run_serve(
        location, host=host, port=port, timeout=timeout, allowed_hosts=allowed_hosts
    )
    click.echo(f"SPARQL endpoint on {endpoint.url} (Ctrl-C to stop)")
    try:
        endpoint.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        endpoint.server_close()


@main.command()
@click.argument("location", type=click.Path(path_type=Path), default=DEFAULT_OUT)
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="The server's Graph Store Protocol URL (Oxigraph: http://HOST:PORT/store).",
)
@click.option(
    "--graph",
    "graph_iri",
    metavar="IRI",
    help="Put the merged graph into this one named graph, not one graph per document.",
)
@user_errors
def push(location: Path, endpoint: str, graph_iri: str | None) -> None:
    """Send a build's graphs to a SPARQL server; each graph sent replaces its namesake there.

    \b
    Example:
      oxigraph serve --location remote --bind 127.0.0.1:7879 &
      kg push out --endpoint http://127.0.0.1:7879/store
      kg push out --endpoint http://127.0.0.1:7879/store --graph https://example.org/news
    """
    from graph.store import open_dataset
    from graph.store import push as run_push

    sent = run_push(open_dataset(location), endpoint, graph=graph_iri)
    click.echo(f"{location}: {sent} {'graph' if sent == 1 else 'graphs'} sent to {endpoint}")


@main.command(name="eval")
@click.argument("gold", type=click.Path(path_type=Path))
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--graph",
    "graph_file",
    type=click.Path(path_type=Path),
    help="Score this built graph (.ttl or build folder) instead of building INPUTS.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@user_errors
def evaluate(gold: Path, inputs: tuple[Path, ...], graph_file: Path | None, as_json: bool) -> None:
    """Score the graph against a gold file: precision, recall and F1 for entities and facts.

    Builds INPUTS in memory (default: seeds/) unless --graph is given. Only the
    gold lines of documents that were built are scored.

    \b
    Examples:
      kg eval gold.jsonl articles/                  # build articles/ and score it
      kg eval gold.jsonl --graph out/               # score a finished build
      kg eval gold.jsonl articles/ --json > s.json  # the reference scorer's JSON
    """
    from graph import evaluate as ev
    from graph.scoring import score_build

    if graph_file:
        score = score_build(gold, graph=graph_file)
    else:
        nlp = _swedish_pipeline()
        with _console().status("Building the graph"):
            score = score_build(gold, inputs or (DEFAULT_INPUT,), nlp=nlp)
    click.echo(
        json.dumps(ev.as_json(score), ensure_ascii=False, indent=1) if as_json else ev.report(score)
    )
