import CorpusFilters
print("filter-throughput: not yet")
