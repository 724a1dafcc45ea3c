"""What a user picks from when querying: the result formats and the default time limit.

Apart from the modules that run queries, so that the command line builds its options
from them without loading Oxigraph or rdflib (`kg --help` stays quick).
"""

#: Seconds a query may run before its process is killed (`kg query --timeout`).
DEFAULT_TIMEOUT = 30.0

#: The forms `format_result` writes an answer in (`kg query --format`).
RESULT_FORMATS = ("table", "csv", "json")
