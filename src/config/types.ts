import type { Logger, LogLevel } from '../shared/log.js';

/** Everything the server needs to know about its environment, resolved once at the edge (cli/ and config/). */
export interface ServerConfig {
  /** Working directory the server was started in; the last fallback for the project root. */
  cwd: string;
  /** Explicit project root (`--project-dir` / `AWS_ARCHITECT_PROJECT_DIR`); wins over client roots. */
  projectDir?: string;
  /** Explicit memory folder (`--memory-dir` / `AWS_ARCHITECT_MEMORY_DIR`); wins over `<project>/.ai/memory`. */
  memoryDir?: string;
  /** Use client `roots/list` to find the project when no explicit folder is given. */
  useClientRoots: boolean;
  aws: AwsConfig;
  /** Where on-disk caches go (live prices). */
  cacheDir: string;
  logLevel: LogLevel;
  logger: Logger;
}

export interface AwsConfig {
  /** Named profile for the default credential chain. */
  profile?: string;
  /** Region for CloudFormation calls; the design's region when absent. */
  region?: string;
  /** Look prices up live in the AWS Pricing API (needs credentials). */
  livePricing: boolean;
  /** Register the live CloudFormation tools (they still need credentials to do anything). */
  liveTools: boolean;
  /** Allow the deploy tool (executes previewed change sets). Only an explicit CLI flag sets this. */
  allowWrites: boolean;
  /** Hours a live price stays in the disk cache. */
  priceCacheTtlHours: number;
}

export interface HttpConfig {
  host: string;
  port: number;
  /** Sessions with Mcp-Session-Id (default stateless). */
  stateful: boolean;
  /** Bearer token; required whenever the bind address is not loopback. */
  token?: string;
  maxBodyBytes: number;
  /** Extra Host header names accepted besides loopback names and the bind host. */
  allowedHosts: string[];
  /** Extra Origin values accepted besides loopback origins. */
  allowedOrigins: string[];
}
