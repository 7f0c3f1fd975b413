import type { Command } from '../command.js';

/** CLI commands of the cost area, one value each. */
export const costCommands: Command[] = [];
