import { z } from 'zod';
import { Layer } from './layer.js';

/** A rejected candidate and why it lost. */
export const Alternative = z.object({
  service: z.string().describe('Catalog id of the candidate.'),
  score: z.number().describe('Score from 0 to 100.'),
  whyNot: z.string().describe('Why it was not chosen.'),
});
export type Alternative = z.infer<typeof Alternative>;

/**
 * One service choice: for a need in a layer, what was chosen, how it scored, why, and what lost.
 * `basedOn` cites requirement paths (`traffic.peakRps`) and memory notes (`memory://decisions/...`).
 */
export const Decision = z.object({
  id: z.string().describe('Stable id, e.g. d-compute-api.'),
  layer: Layer,
  /** The need this decision answers, e.g. "API compute" or "message history store". */
  need: z.string().describe('The need this answers, e.g. "message history store".'),
  chosen: z.string().describe('Catalog id of the chosen service.'),
  /** Component ids that implement the choice. */
  components: z.array(z.string()).default([]).describe('Component ids that implement the choice.'),
  score: z.number().min(0).max(100).describe('Score from 0 to 100.'),
  rationale: z.string().describe('Why, tied to the requirements.'),
  alternatives: z.array(Alternative).default([]),
  basedOn: z.array(z.string()).default([]).describe('Requirement paths and memory note URIs the decision rests on.'),
});
export type Decision = z.infer<typeof Decision>;
