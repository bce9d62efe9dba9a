export interface Metric {
  value: number;
  unit: string;
  goal?: number;
  better: 'lower' | 'higher';
  note?: string;
}
export type Metrics = Record<string, Metric>;
