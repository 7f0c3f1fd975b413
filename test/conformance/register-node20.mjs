// Lets @modelcontextprotocol/conformance run on Node 20: its CLI imports `globSync` from 'fs', which Node added
// in 22. Usage: node --import ./test/conformance/register-node20.mjs node_modules/@modelcontextprotocol/conformance/dist/index.js ...
import { register } from 'node:module';

register('./node20-hooks.mjs', import.meta.url);
