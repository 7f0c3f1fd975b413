import type { Command } from '../command.js';

/** CLI commands of the workflow area, one value each. */
export const workflowCommands: Command[] = [];
