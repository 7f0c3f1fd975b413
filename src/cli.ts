#!/usr/bin/env node
import { main } from './cli/main.js';

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }).then(
  (code) => {
    // serve keeps the process alive through its transport; every other command ends here.
    if (code !== 0) process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`aws-backend-architect: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  },
);
