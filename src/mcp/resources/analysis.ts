import type { ServerConfig } from '../../config/types.js';
import type { ResourceDefinition } from '../resource.js';

const INDEX_URI = 'aws-architect://catalog';
const ENTRY = 'aws-architect://catalog/';

function catalog() {
  return import('../../catalog/index.js');
}

/** The service catalog as resources: an index, and one JSON document per service with id completion. */
export function analysisResources(_config: ServerConfig): ResourceDefinition[] {
  return [
    {
      kind: 'static',
      name: 'catalog',
      uri: INDEX_URI,
      title: 'AWS service catalog',
      description: 'Every AWS service the server knows: id, name, layer, role (component, platform, knowledge), HIPAA and PCI DSS status, one-line summary. Entries in full at aws-architect://catalog/{service}.',
      mimeType: 'application/json',
      async read() {
        const cat = await catalog();
        const index = {
          hipaaListDate: cat.HIPAA_LIST_DATE,
          pciListDates: cat.PCI_LIST_DATES,
          pciCaveat: cat.PCI_CAVEAT,
          services: cat.CATALOG.map((e) => {
            const c = cat.complianceStatus(e);
            return { id: e.id, name: e.name, layer: e.layer, role: e.role, hipaa: c.hipaa.status, pci: c.pci.status, summary: e.summary, uri: `${ENTRY}${e.id}` };
          }),
        };
        return [{ uri: INDEX_URI, mimeType: 'application/json', text: JSON.stringify(index, null, 2) }];
      },
    },
    {
      kind: 'template',
      name: 'catalog-service',
      uriTemplate: `${ENTRY}{service}`,
      title: 'AWS service catalog entry',
      description: 'One service in full: strengths and weaknesses, limits, scaling, operations, pricing model, HIPAA/PCI status with list dates and sources, CloudFormation/Terraform/CDK types and security settings.',
      mimeType: 'application/json',
      async list() {
        const cat = await catalog();
        return cat.CATALOG.map((e) => ({ uri: `${ENTRY}${e.id}`, name: e.id, title: e.name, description: e.summary, mimeType: 'application/json' }));
      },
      complete: {
        async service(value: string) {
          const cat = await catalog();
          const v = value.toLowerCase();
          return cat.catalogIds().filter((id) => id.startsWith(v));
        },
      },
      async read(uri, vars) {
        const cat = await catalog();
        const e = cat.requireService(decodeURIComponent(vars.service ?? ''), 'uri');
        const body = { ...e, compliance: cat.complianceStatus(e) };
        return [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(body, null, 2) }];
      },
    },
  ];
}
