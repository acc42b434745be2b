export { blastMapDiagram, type ImpactRef } from './blast-map.ts';
export { MAX_DIAGRAM_NODES } from './cap.ts';
export { type DependencyRef, dependencyDiagram } from './dependencies.ts';
export { mermaidLabel, mermaidUrl } from './escape.ts';
export { type Flowchart, toMermaid } from './flowchart.ts';
export { livesOnDiagram } from './lives-on.ts';
export type { Diagram, DiagramLinks, Titled } from './model.ts';
export { type ChainVolume, diskName, type OsdPlacement, storageChainDiagram } from './storage-chain.ts';
