import type { Finding, Framework, Pillar, Severity } from '../model/index.js';
import { severityRank } from './rules/helpers.js';
import type { Coverage, FrameworkResult, GroupSummary, ReviewReport, SeverityCounts } from './types.js';

/** Severities that make a framework fail when unacknowledged (cdk-nag error level maps to high or critical). */
export const FAILING: ReadonlySet<Severity> = new Set(['high', 'critical']);

const emptyCounts = (): SeverityCounts => ({ critical: 0, high: 0, medium: 0, low: 0, info: 0 });
const emptyGroup = (): GroupSummary => ({ findings: 0, acknowledged: 0, ...emptyCounts() });

/** Worst first, then by rule, component and resource, so reports are stable. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      Number(Boolean(a.acknowledged)) - Number(Boolean(b.acknowledged)) ||
      a.rule.localeCompare(b.rule, 'en', { numeric: true }) ||
      (a.component ?? '').localeCompare(b.component ?? '') ||
      (a.resource ?? '').localeCompare(b.resource ?? '') ||
      a.id.localeCompare(b.id),
  );
}

export interface FrameworkRun {
  framework: Framework;
  /** Why it could not run, when it could not. */
  notRun?: string;
}

/** Assembles the report: pass/fail per selected framework, summaries per pillar and framework, sorted findings. */
export function buildReport(subject: ReviewReport['subject'], findings: Finding[], runs: FrameworkRun[], coverage: Coverage): ReviewReport {
  const sorted = sortFindings(findings);
  const bySeverity = emptyCounts();
  const byPillar: Partial<Record<Pillar, GroupSummary>> = {};
  const byFramework: Partial<Record<Framework, GroupSummary>> = {};
  let acknowledged = 0;
  for (const f of sorted) {
    const ack = f.acknowledged ? 1 : 0;
    acknowledged += ack;
    if (!ack) bySeverity[f.severity]++;
    const groups = [(byFramework[f.framework] ??= emptyGroup())];
    if (f.pillar) groups.push((byPillar[f.pillar] ??= emptyGroup()));
    for (const g of groups) {
      g.findings++;
      g.acknowledged += ack;
      if (!ack) g[f.severity]++;
    }
  }
  const frameworks: FrameworkResult[] = runs.map((run) => {
    const mine = sorted.filter((f) => f.framework === run.framework);
    const failing = mine.filter((f) => !f.acknowledged && FAILING.has(f.severity)).length;
    const acked = mine.filter((f) => f.acknowledged).length;
    if (run.notRun) return { framework: run.framework, status: 'not-run', findings: mine.length, failing, acknowledged: acked, reason: run.notRun };
    return { framework: run.framework, status: failing ? 'fail' : 'pass', findings: mine.length, failing, acknowledged: acked };
  });
  return {
    subject,
    frameworks,
    summary: { total: sorted.length, acknowledged, bySeverity, byPillar, byFramework },
    findings: sorted,
    coverage,
    // A framework that could not run does not fail the review, but a review where nothing ran cannot pass.
    passed: frameworks.every((f) => f.status !== 'fail') && frameworks.some((f) => f.status === 'pass'),
  };
}

/** Findings to show: at or above `minSeverity`, acknowledged ones only when asked for. Summaries stay complete. */
export function visibleFindings(findings: Finding[], opts: { minSeverity?: Severity | undefined; includeAcknowledged?: boolean | undefined }): Finding[] {
  const min = severityRank(opts.minSeverity ?? 'info');
  return findings.filter((f) => severityRank(f.severity) >= min && (opts.includeAcknowledged !== false || !f.acknowledged));
}

/** A few lines for people and models: verdict per framework, counts, and the worst findings. */
export function renderText(report: ReviewReport, opts: { top?: number; link?: string | undefined; shown?: Finding[] } = {}): string {
  const s = report.summary.bySeverity;
  const lines = [
    `Review of ${report.subject.kind} '${report.subject.name}'${report.subject.format ? ` (${report.subject.format})` : ''}: ${report.passed ? 'PASSED' : 'FAILED'}.`,
    `Findings: ${report.summary.total} (${s.critical} critical, ${s.high} high, ${s.medium} medium, ${s.low} low, ${s.info} info unacknowledged; ${report.summary.acknowledged} acknowledged).`,
    `Frameworks: ${report.frameworks.map((f) => `${f.framework} ${f.status.toUpperCase()}${f.status === 'fail' ? ` (${f.failing} high/critical)` : ''}${f.status === 'not-run' ? ` (${f.reason})` : ''}`).join('; ')}.`,
  ];
  if (report.coverage.templatePacks === 'not-run' && report.coverage.reason) lines.push(`Template packs not run: ${report.coverage.reason}`);
  const v = report.coverage.validation;
  if (v && (v.errors || v.warnings)) lines.push(`Structural validation: ${v.errors} error(s), ${v.warnings} warning(s)${v.first[0] ? `; first: ${v.first[0]}` : ''}.`);
  if (report.coverage.notCovered.length) lines.push(`Not covered: ${report.coverage.notCovered.slice(0, 8).join(', ')}${report.coverage.notCovered.length > 8 ? `, and ${report.coverage.notCovered.length - 8} more` : ''}.`);
  const top = (opts.shown ?? report.findings).filter((f) => !f.acknowledged).slice(0, opts.top ?? 5);
  if (top.length) {
    lines.push('Top findings:');
    for (const f of top) {
      const where = report.subject.kind === 'template' ? f.resource ?? f.component : f.component ?? f.resource;
      lines.push(`- [${f.severity}] ${f.rule} ${where ?? 'design'}: ${f.title}. Fix: ${f.fix}`);
    }
  }
  if (opts.link) lines.push(`Full report: ${opts.link}`);
  return lines.join('\n');
}
