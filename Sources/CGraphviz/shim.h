// The C interface of libgvc and libcgraph as pimsim uses it, plus accessors for the library's
// mutable globals, which Swift 6 refuses to read directly.
#ifndef PIMSIM_CGRAPHVIZ_SHIM_H
#define PIMSIM_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/// The description of a directed graph (the library's global `Agdirected`).
static inline Agdesc_t pimsim_agdirected(void) { return Agdirected; }

#endif
