// The C interface of libgvc and libcgraph as pimsim uses it, plus accessors for what Swift cannot
// use directly: the library's mutable globals (Swift 6 refuses to read them) and its macros.
#ifndef PIMSIM_CGRAPHVIZ_SHIM_H
#define PIMSIM_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/// The description of a directed graph (the library's global `Agdirected`).
static inline Agdesc_t pimsim_agdirected(void) { return Agdirected; }

/// The head node of an edge: `aghead` is a macro up to Graphviz 2.4x and a function after.
static inline Agnode_t *pimsim_aghead(Agedge_t *edge) { return aghead(edge); }

#endif
