import { stringify } from 'csv-stringify/sync';
import type { CostReport } from '../model/index.js';

function usd(n: number): string {
  const v = Math.round((n + Number.EPSILON) * 100) / 100;
  return `$${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

function qty(n: number): string {
  return Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : String(Math.round(n * 1000) / 1000);
}

function price(n: number): string {
  return n === 0 ? '$0' : n < 0.01 ? `$${n.toPrecision(4)}` : usd(n);
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The report as a short markdown document: totals, scenarios, drivers, recommendations, line items, assumptions. */
export function renderMarkdown(r: CostReport, title = 'Cost estimate'): string {
  const lines: string[] = [];
  lines.push(`# ${title}`, '');
  lines.push(`Region ${r.region}, prices as of ${r.asOf} (oldest used), free tier ${r.freeTier ? 'applied' : 'not applied'}. USD, on-demand.`, '');
  lines.push(`**${usd(r.totals.monthly)} per month, ${usd(r.totals.annual)} per year.**${r.totals.unpricedItems ? ` ${r.totals.unpricedItems} item(s) unpriced: the total is incomplete.` : ''}`, '');
  if (r.scenarios.length) {
    lines.push('| load | monthly | annual | vs 1x |', '| --- | ---: | ---: | ---: |', `| 1x | ${usd(r.totals.monthly)} | ${usd(r.totals.annual)} | 1.00x |`);
    for (const s of r.scenarios) lines.push(`| ${s.factor}x | ${usd(s.monthly)} | ${usd(s.annual)} | ${r.totals.monthly > 0 ? (s.monthly / r.totals.monthly).toFixed(2) : '-'}x |`);
    lines.push('');
  }
  if (r.drivers.length) {
    lines.push('## Top cost drivers', '');
    for (const d of r.drivers) lines.push(`- ${d.component}: ${usd(d.monthly)}/month (${(d.share * 100).toFixed(1)} %)`);
    lines.push('');
  }
  if (r.recommendations.length) {
    lines.push('## Recommendations', '');
    for (const x of r.recommendations) lines.push(`- **${x.title}**: saves about ${usd(x.monthlySavings)}/month. ${x.how}`);
    lines.push('');
  }
  lines.push('## Line items', '', '| component | service | dimension | quantity | unit | unit price | monthly | source | date | note |', '| --- | --- | --- | ---: | --- | ---: | ---: | --- | --- | --- |');
  for (const i of r.lineItems) {
    const note = [i.freeTierApplied ? `free tier covers ${qty(i.freeTierApplied)}` : '', i.note ?? '', i.unpriced ? `UNPRICED: ${i.unpriced}` : ''].filter(Boolean).join('; ');
    lines.push(`| ${cell(i.component)} | ${cell(i.service)} | ${cell(i.dimension)} | ${qty(i.quantity)} | ${cell(i.unit)} | ${price(i.unitPrice)} | ${i.unpriced ? 'n/a' : usd(i.monthly)} | ${i.source}${i.sku ? ` (${i.sku})` : ''} | ${i.priceDate} | ${cell(note)} |`);
  }
  lines.push('', '## Assumptions', '');
  for (const a of r.assumptions) lines.push(`- ${a}`);
  return lines.join('\n') + '\n';
}

/** Line items as CSV (full precision), one row each, with a header. */
export function renderCsv(r: CostReport): string {
  return stringify(
    r.lineItems.map((i) => [i.component, i.service, i.dimension, i.quantity, i.unit, i.unitPrice, i.monthly, i.freeTierApplied, i.source, i.sku ?? '', i.priceDate, i.unpriced ?? '', i.note ?? '']),
    { header: true, columns: ['component', 'service', 'dimension', 'quantity', 'unit', 'unit_price_usd', 'monthly_usd', 'free_tier_quantity', 'source', 'sku', 'price_date', 'unpriced', 'note'] },
  );
}

/** Two or three lines for a tool's text result: totals, scenarios, top drivers, top recommendation. */
export function renderSummary(r: CostReport): string {
  const parts = [`${usd(r.totals.monthly)}/month (${usd(r.totals.annual)}/year) in ${r.region}, prices as of ${r.asOf}${r.totals.unpricedItems ? `; ${r.totals.unpricedItems} item(s) unpriced` : ''}.`];
  if (r.scenarios.length) parts.push(r.scenarios.map((s) => `${s.factor}x load: ${usd(s.monthly)}/month`).join(', ') + '.');
  if (r.drivers.length) parts.push(`Top drivers: ${r.drivers.slice(0, 3).map((d) => `${d.component} ${usd(d.monthly)}`).join(', ')}.`);
  const top = r.recommendations[0];
  if (top) parts.push(`Top saving: ${top.title} (about ${usd(top.monthlySavings)}/month).`);
  return parts.join('\n');
}

export { usd as formatUsd };
