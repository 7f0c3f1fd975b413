// The naming rules live with the shared emitters; src/mcp/tools/review reads the prefixes from here.
export { componentPrefixes, fixedName, fixedNameComponents } from '../shared/names.js';
