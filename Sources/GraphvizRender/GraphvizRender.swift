import CGraphviz

/// DOT text in, rendered bytes out, through libgvc in-process (placeholder, filled by issue 5).
public enum GraphvizRender {}
