/**
 * What every controller input shares, and the pod template as a controller stores it (the API
 * server fills in the pod-spec defaults).
 */
import { withSpecDefaults } from './pods.ts';
import type { AreaFile, KubeObject, Labels, PodTemplate } from './types.ts';

export interface WorkloadInput {
  file: AreaFile;
  name: string;
  namespace: string;
  created: string;
  /** Object labels; the selector labels are added to them. */
  labels?: Labels;
  annotations?: Labels;
  selector: Labels;
  template: PodTemplate;
  podsStarted: string;
  owners?: KubeObject[];
  generation?: number;
}

export function templateObject(template: PodTemplate, extraLabels: Labels = {}) {
  return {
    metadata: {
      ...(template.annotations ? { annotations: template.annotations } : {}),
      labels: { ...template.labels, ...extraLabels },
    },
    spec: withSpecDefaults(template.spec),
  };
}
