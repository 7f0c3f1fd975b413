import { z } from 'zod';

export const LAYERS = ['edge', 'compute', 'data', 'integration', 'security', 'observability', 'network'] as const;
export const Layer = z.enum(LAYERS).describe('Architecture layer: edge, compute, data, integration, security, observability or network.');
export type Layer = z.infer<typeof Layer>;
