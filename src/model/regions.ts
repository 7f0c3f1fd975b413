import { z } from 'zod';
import { REGION_CODES } from './region-data.js';

export * from './region-data.js';

/** A commercial region code. Unknown codes are refused; the MCP layer adds a "did you mean". */
export const RegionSchema = z
  .enum(REGION_CODES)
  .describe('AWS Region code, e.g. us-east-1 or eu-west-1 (the 34 commercial Regions).');
