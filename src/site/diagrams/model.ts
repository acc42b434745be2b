/** A diagram ready for the renderer: Mermaid source plus what was left out of the picture. */
export interface Diagram {
  /** Says what the picture shows, for screen readers and as its caption. */
  title: string;
  source: string;
  /** Boxes drawn, and boxes folded into "+N more" boxes (listed in full on the page). */
  nodes: number;
  hidden: number;
}

/** Where diagram nodes link: page URLs relative to the page that shows the diagram. */
export interface DiagramLinks {
  /** The page of a graph node, or null when it has none. */
  urlOf(id: string): string | null;
  /** Where the full list is (an anchor on the same page), for "+N more" boxes. */
  moreUrl: string;
}

export interface Titled {
  id: string;
  title: string;
}
