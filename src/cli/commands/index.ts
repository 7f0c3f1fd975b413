import type { Command } from '../command.js';
import { serveCommand } from './serve.js';

/** Every CLI command, one file each. `serve` is the default when no command is given. */
export const COMMANDS: Command[] = [serveCommand];
