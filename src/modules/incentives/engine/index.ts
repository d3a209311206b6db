// The Signpost rules engine: pure TypeScript, no Node APIs, safe to bundle for the browser.
export * from './facts.schema.ts';
export * from './rule.schema.ts';
export { parseRuleFile, loadRuleSet, RuleFileError } from './load-rules.ts';
export { evaluate, evaluateIncentive, type IncentiveResult, type ConditionTrace, type ParameterUse, type Status } from './evaluate.ts';
export { nextQuestions, type NextQuestion } from './next-questions.ts';
export { applyReform, reformSchema, type Reform } from './reform.ts';
export { selectParameterValue } from './params.ts';
export { periodOf, wholeYears, type Period } from './periods.ts';
