import type { Command } from '../command.js';

/** CLI commands of the review area, one value each. */
export const reviewCommands: Command[] = [];
