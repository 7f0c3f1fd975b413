import type { Command } from '../command.js';

/** CLI commands of the iac area, one value each. */
export const iacCommands: Command[] = [];
