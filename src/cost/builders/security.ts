import { type Builder, dim } from './common.js';

export const cognito: Builder<'cognito'> = (c, u) => {
  const mau = u.monthlyActiveUsers ?? 0;
  const plan = c.config.featurePlan;
  const key = plan === 'LITE' ? 'lite-mau' : plan === 'ESSENTIALS' ? 'essentials-mau' : 'plus-mau';
  return [dim(c, 'cognito', key, `monthly active users (${plan.toLowerCase()} plan)`, mau, plan === 'PLUS' ? 'the Plus plan has no free tier' : undefined)];
};

export const secretsManager: Builder<'secrets-manager'> = (c, u) => [
  dim(c, 'secretsmanager', 'secrets', 'secret', 1, c.config.rotationDays > 0 ? `rotated every ${c.config.rotationDays} days by a Lambda (its cost is negligible)` : undefined),
  dim(c, 'secretsmanager', 'api-requests', 'API requests', u.requestsPerMonth ?? 0),
];
