/**
 * The vocabulary every module reads: requirements, the architecture (components, connections, network, security,
 * resilience, observability, usage), decisions, findings, cost reports and generated files.
 */
export * from './regions.js';
export * from './requirements.js';
export * from './components.js';
export * from './decision.js';
export * from './architecture.js';
export * from './finding.js';
export * from './cost.js';
export * from './generated.js';
export * from './validate.js';
export * from './permissions.js';
