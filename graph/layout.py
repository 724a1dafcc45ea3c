"""The build folder's layout: the name of every file `kg build` writes into --out, once.

    out/
      graph.ttl                 the merged graph (Turtle)
      graph.trig                one named graph per document, and the default graph
      graph.html                the overview (an offline network view)
      store/                    the Oxigraph store on disk, the same quads
      cache/                    each document's analysis, for the next build
      .myndighetsgraf-build     the marker: a build made this folder and may replace it

The pipeline writes these, the store reads them, tests look for them; each takes the
names from here, and `ontology_dir` says where the package's own ontology files are. This
module imports only pathlib, so any floor of the package may use it.
"""

from pathlib import Path

TURTLE_FILE = "graph.ttl"
TRIG_FILE = "graph.trig"
VIEW_FILE = "graph.html"
STORE_DIR = "store"
CACHE_DIR = "cache"
#: Written into every build folder; its presence is what lets a later build replace it.
MARKER = ".myndighetsgraf-build"

#: Everything a finished build folder holds, in the order the layout above lists it.
BUILD_FOLDER = (TURTLE_FILE, TRIG_FILE, VIEW_FILE, STORE_DIR, CACHE_DIR, MARKER)


def ontology_dir() -> Path:
    """The folder with kg.ttl, shapes.ttl and gazetteers/.

    A wheel carries it inside the package (graph/ontology); a source checkout
    has it at the top of the repository.
    """
    packaged = Path(__file__).with_name("ontology")
    return packaged if packaged.is_dir() else Path(__file__).parents[1] / "ontology"
