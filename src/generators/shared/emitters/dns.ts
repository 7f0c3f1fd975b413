import type { Component } from '../../../model/index.js';
import type { Target } from '../target.js';

/** The hosted zone (created by a route53 component) whose domain contains `name`, if the design has one. */
export function zoneFor(ctx: Target, name: string): Component | undefined {
  const n = name.replace(/^\*\./, '').replace(/\.$/, '');
  return ctx.a.components
    .filter((z) => z.service === 'route53' && z.config.createZone)
    .filter((z) => z.service === 'route53' && (n === z.config.domainName || n.endsWith(`.${z.config.domainName}`)))
    .sort((x, y) => (y.service === 'route53' && x.service === 'route53' ? y.config.domainName.length - x.config.domainName.length : 0))[0];
}
