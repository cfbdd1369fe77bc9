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
start, cpu = time.perf_counter(), time.process_time()
communities = graph.community_multilevel()
result = {"version": igraph.__version__, "buildSeconds": build, "louvainSeconds": time.perf_counter() - start,
          "louvainCpuSeconds": time.process_time() - cpu,
          "modularity": communities.modularity, "communities": len(communities)}
sources = random.sample(range(nodes), pivots)
start, cpu = time.perf_counter(), time.process_time()
try:
    graph.betweenness(sources=sources, targets=None)
    result["millisecondsPerPivot"] = 1000 * (time.perf_counter() - start) / pivots
    result["cpuMillisecondsPerPivot"] = 1000 * (time.process_time() - cpu) / pivots
except TypeError:
    # igraph before 0.10.3 has no subset betweenness: on small graphs, exact betweenness divided by n is the
    # time per source; on big ones there is no fair figure.
    if nodes <= 20000:
        start, cpu = time.perf_counter(), time.process_time()
        graph.betweenness()
        result["millisecondsPerPivot"] = 1000 * (time.perf_counter() - start) / nodes
        result["cpuMillisecondsPerPivot"] = 1000 * (time.process_time() - cpu) / nodes
        result["pivotNote"] = "exact betweenness / n"
    else:
        result["millisecondsPerPivot"] = None
result["peakMegabytes"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
print(json.dumps(result))
