/**
 * Phases 1 and 2 of the workflow: a brief into checkable Requirements (stated values, derived values with their
 * assumptions, open questions, conflicts), then Requirements into an Architecture with one decision per need.
 * Pure functions of their inputs; the MCP tools wrap them.
 */
export { analyzeRequirements, answersToFields, applyFields } from './analyze.js';
export type { AnalyzeInput, AnalyzeResult } from './analyze.js';
export type { AskField } from './questions.js';
export { selectServices } from './select/select.js';
export type { PriorDecision, SelectOptions, SelectResult } from './select/select.js';
export { TRADE_OFF_RULES } from './select/trade-offs.js';
export type { DesignAcknowledgement, TradeOffRule } from './select/trade-offs.js';
export { compareOptions } from './compare.js';
export type { ComparisonRow, CompareResult } from './compare.js';
