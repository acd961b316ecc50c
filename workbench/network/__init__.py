"""The partner network: the graph, its analysis in plain words, the offline HTML page and the picture."""
