import type { Command } from '../command.js';
import { costCommands } from './cost.js';
import { iacCommands } from './iac.js';
import { reviewCommands } from './review.js';
import { serveCommand } from './serve.js';
import { workflowCommands } from './workflow.js';

/** Every CLI command, by area. `serve` is the default when no command is given. */
export const COMMANDS: Command[] = [serveCommand, ...workflowCommands, ...iacCommands, ...reviewCommands, ...costCommands];
