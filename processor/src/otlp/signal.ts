/** Signals the receivers handle; `metrics` is pass-through only. */
export type Signal = 'traces' | 'logs' | 'metrics';
export type Transport = 'http' | 'grpc';
