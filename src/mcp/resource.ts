import type { ToolContext } from './tool.js';

/** The contents of one resource read: text or base64 blob. */
export interface ResourceContents {
  uri: string;
  mimeType?: string;
  text?: string;
  blob?: string;
}

export interface ListedResource {
  uri: string;
  name: string;
  title?: string;
  description?: string;
  mimeType?: string;
}

/** A fixed resource at one URI. */
export interface StaticResource {
  kind: 'static';
  name: string;
  uri: string;
  title: string;
  description: string;
  mimeType: string;
  read(ctx: ResourceContext): Promise<ResourceContents[]>;
}

/** A family of resources under a URI template such as `memory://{+path}`. */
export interface TemplateResource {
  kind: 'template';
  name: string;
  /** RFC 6570 template, e.g. `aws-architect://catalog/{service}`. */
  uriTemplate: string;
  title: string;
  description: string;
  mimeType?: string;
  /** Concrete entries for resources/list; omit when the family is too large or unbounded. */
  list?(ctx: ResourceContext): Promise<ListedResource[]>;
  /** Completion for a template variable. */
  complete?: Record<string, (value: string, ctx: ResourceContext) => Promise<string[]> | string[]>;
  read(uri: URL, vars: Record<string, string>, ctx: ResourceContext): Promise<ResourceContents[]>;
}

export type ResourceDefinition = StaticResource | TemplateResource;

/** What a resource reader may use: the same services as a tool, minus per-request progress. */
export type ResourceContext = Pick<ToolContext, 'config' | 'projectRoot' | 'memo' | 'resourcesChanged'>;
