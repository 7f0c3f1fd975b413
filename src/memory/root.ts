import { join } from 'node:path';

/** The memory folder of a project: an explicit folder wins, else `<project>/.ai/memory`. */
export function memoryRoot(projectRoot: string, explicit?: string): string {
  return explicit ?? join(projectRoot, '.ai', 'memory');
}
