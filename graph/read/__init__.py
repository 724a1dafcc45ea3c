"""Reading documents: input paths → clean article text.

The first stage of the pipeline, on the ground floor: it imports nothing of ours
from outside this package. It reads plain text, HTML and JSON Lines in any encoding
a Swedish file is found in, and strips what scraped news pages carry besides the
article: cookie notices, ads, "Läs mer" link lists, bylines, photo credits, comment
widgets, datelines, repeated captions and section labels glued to the first word
of a news brief.

Every document's text is a list of paragraphs joined by a blank line ("\\n\\n"),
in Unicode NFC, with odd white space folded, so that the character offsets later
stages record point at the same characters in anybody's copy of the text.

The modules, in the order a file passes through them:

- `files`: paths and folders → one reader per file type
- `decode`: bytes → text in one normalised spelling
- `html_tree`, `html_article`: an HTML page → its article's text and metadata
- `json_lines`: one article per JSON line
- `clean`, `boilerplate`, `dates`: scraped text → paragraphs without page furniture
- `document`: the `Document` type and cleaning one article's text into it
"""

from graph.read.clean import Cleaned, clean
from graph.read.decode import decode, normalise
from graph.read.document import Document, ReadError, read_text
from graph.read.files import read_file, read_paths
from graph.read.html_article import Page, extract_html

__all__ = [
    "Cleaned",
    "Document",
    "Page",
    "ReadError",
    "clean",
    "decode",
    "extract_html",
    "normalise",
    "read_file",
    "read_paths",
    "read_text",
]
