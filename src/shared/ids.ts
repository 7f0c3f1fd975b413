/** Naming helpers shared by generators and stores. Pure string functions, no domain knowledge. */

/** `orders-api` -> `OrdersApi` (CloudFormation logical ids, CDK construct ids). */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('');
}

/** `orders-api` -> `ordersApi`. */
export function camelCase(id: string): string {
  const p = pascalCase(id);
  return p ? p[0]!.toLowerCase() + p.slice(1) : p;
}

/** `orders-api` -> `orders_api` (Terraform names). */
export function snakeCase(id: string): string {
  return id
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .join('_')
    .toLowerCase();
}

/** Free text -> `a-url-safe-slug`, at most `max` characters. */
export function slugify(text: string, max = 60): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, max).replace(/-+$/g, '') || 'untitled';
}
