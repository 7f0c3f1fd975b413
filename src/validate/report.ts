import type { ValidationFinding } from '../model/generated.js';

export type { ValidationFinding };

/** What a validator says about one template (or one set of Terraform files). */
export interface ValidationReport {
  /** True when no finding has severity `error`. */
  valid: boolean;
  /** Sorted by file, line, column; every finding located in the file carries a line. */
  findings: ValidationFinding[];
  /** What was checked, in words a reader can trust ("resource types against the CloudFormation spec ..."). */
  checked: string[];
  /** What was not checked and why, so a clean report is not mistaken for a deploy guarantee. */
  notChecked: string[];
  durationMs: number;
}

/** Finding severity order, most serious first. */
const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Findings in reading order: file, line, column, then severity. */
export function sortFindings(findings: ValidationFinding[]): ValidationFinding[] {
  return [...findings].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      RANK[a.severity] - RANK[b.severity] ||
      a.message.localeCompare(b.message),
  );
}

export function buildReport(findings: ValidationFinding[], checked: string[], notChecked: string[], started: number): ValidationReport {
  const sorted = sortFindings(findings);
  return {
    valid: !sorted.some((f) => f.severity === 'error'),
    findings: sorted,
    checked,
    notChecked,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

/** Counts by severity. */
export function countFindings(findings: readonly ValidationFinding[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/** `file:line:col` (or the path when the line is unknown), for one-line renderings. */
export function findingLocation(f: ValidationFinding): string {
  const where = f.line !== undefined ? `${f.file ?? 'template'}:${f.line}${f.column !== undefined ? `:${f.column}` : ''}` : f.file ?? 'template';
  return f.path ? `${where} ${f.path}` : where;
}

/** One line per finding: `error template.yaml:12:5 /Resources/Fn/Properties/X: message [rule, source]`. */
export function formatFinding(f: ValidationFinding): string {
  const tags = [f.rule, f.source].filter(Boolean).join(', ');
  return `${f.severity} ${findingLocation(f)}: ${f.message}${tags ? ` [${tags}]` : ''}`;
}

/** The parse failure of a report whose template could not be read at all, if that is what happened. */
export function parseFailure(report: ValidationReport): ValidationFinding | undefined {
  return report.findings.find((f) => f.rule === 'syntax' && f.severity === 'error');
}
