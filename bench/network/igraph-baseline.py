#!/usr/bin/env python3
"""igraph baseline for the network benchmark: reads int32 edge pairs, runs multilevel (Louvain) and sampled
betweenness, prints one JSON line. Usage: igraph-baseline.py EDGES_FILE NODES PIVOTS"""
import json, random, resource, sys, time
from array import array

try:
    import igraph
except ImportError:
    print(json.dumps({"error": "python3-igraph is not installed"}))
    sys.exit(0)

path, nodes, pivots = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
pairs = array("i")
with open(path, "rb") as handle:
    pairs.frombytes(handle.read())
start = time.perf_counter()
graph = igraph.Graph(n=nodes, edges=list(zip(pairs[0::2], pairs[1::2])), directed=False)
del pairs
build = time.perf_counter() - start
random.seed(1)
start = time.perf_counter()
communities = graph.community_multilevel()
louvain_seconds = time.perf_counter() - start
result = {"version": igraph.__version__, "buildSeconds": build, "louvainSeconds": louvain_seconds,
          "modularity": communities.modularity, "communities": len(communities)}
sources = random.sample(range(nodes), pivots)
start = time.perf_counter()
try:
    graph.betweenness(sources=sources, targets=None)
    result["millisecondsPerPivot"] = 1000 * (time.perf_counter() - start) / pivots
except TypeError:
    result["millisecondsPerPivot"] = None  # this igraph has no subset betweenness
result["peakMegabytes"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
print(json.dumps(result))
