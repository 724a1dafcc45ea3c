"""Training, assembly and evaluation of the Swedish pipeline shipped in graph/model/."""
