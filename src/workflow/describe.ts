import type { Architecture, Component } from '../model/index.js';

/** One line of the settings that matter for a component, for the plan and summaries. */
export function describeConfig(c: Component): string {
  switch (c.service) {
    case 'lambda': {
      const k = c.config;
      return [`${k.runtime} on ${k.architecture}`, `${k.memoryMb} MB`, `${k.timeoutSeconds} s timeout`, k.inVpc ? 'in private subnets' : undefined, k.reservedConcurrency !== undefined ? `reserved concurrency ${k.reservedConcurrency}` : undefined, k.provisionedConcurrency ? `${k.provisionedConcurrency} provisioned` : undefined, k.schedule ? `scheduled ${k.schedule}` : undefined].filter(Boolean).join(', ');
    }
    case 'ecs-fargate': {
      const k = c.config;
      return `${k.mode}, ${Number(k.cpu) / 1024} vCPU / ${k.memoryMb / 1024} GB ${k.architecture}, ${k.minCount}-${k.maxCount} tasks at ${k.targetCpuPercent} % CPU${k.spot ? ', Fargate Spot' : ''}`;
    }
    case 'eks':
      return `Kubernetes ${c.config.version}, ${c.config.minNodes}-${c.config.maxNodes} x ${c.config.nodeInstanceType} nodes, ${c.config.endpointPublicAccess ? 'public' : 'private'} API endpoint`;
    case 'ec2-asg':
      return `${c.config.minSize}-${c.config.maxSize} x ${c.config.instanceType} at ${c.config.targetCpuPercent} % CPU, ${c.config.rootVolumeGb} GB encrypted gp3`;
    case 'glue-job':
      return `${c.config.jobType} on Glue ${c.config.glueVersion}, ${c.config.numberOfWorkers} x ${c.config.workerType}, ${c.config.timeoutMinutes} min timeout, ${c.config.maxRetries} retries`;
    case 'sagemaker-endpoint':
      return c.config.mode === 'serverless' ? `serverless inference, ${c.config.serverlessMemoryMb} MB, up to ${c.config.serverlessMaxConcurrency} concurrent` : `${c.config.instanceCount} x ${c.config.instanceType}`;
    case 'dynamodb': {
      const k = c.config;
      return [k.billingMode === 'PAY_PER_REQUEST' ? 'on-demand' : `provisioned ${k.readCapacity} RCU / ${k.writeCapacity} WCU`, `key ${k.partitionKey.name}${k.sortKey ? ` + ${k.sortKey.name}` : ''}`, k.ttlAttribute ? `TTL on ${k.ttlAttribute}` : undefined, k.globalSecondaryIndexes.length ? `${k.globalSecondaryIndexes.length} GSI` : undefined, k.stream !== 'NONE' ? `stream ${k.stream}` : undefined, k.pointInTimeRecovery ? 'point-in-time recovery' : undefined, k.replicaRegions.length ? `global table in ${k.replicaRegions.join(', ')}` : undefined].filter(Boolean).join(', ');
    }
    case 'aurora': {
      const k = c.config;
      const cap = k.capacity === 'serverless-v2' ? `Serverless v2 ${k.minAcu}-${k.maxAcu} ACU` : k.instanceClass;
      return `Aurora ${k.engine === 'postgresql' ? 'PostgreSQL' : 'MySQL'}, ${cap}, writer + ${k.readers} reader${k.readers === 1 ? '' : 's'}, ${k.storage} storage, ${k.backupRetentionDays}-day backups${k.globalSecondaryRegion ? `, global database to ${k.globalSecondaryRegion}` : ''}`;
    }
    case 'rds':
      return `${c.config.engine} on ${c.config.instanceClass}, ${c.config.allocatedStorageGb}-${c.config.maxAllocatedStorageGb} GB gp3, ${c.config.multiAz ? 'Multi-AZ' : 'single-AZ'}, ${c.config.readReplicas} read replicas, ${c.config.backupRetentionDays}-day backups`;
    case 'elasticache':
      return c.config.mode === 'serverless' ? `${c.config.engine} serverless, up to ${c.config.maxDataGb} GB` : `${c.config.engine}, ${c.config.shards} shard(s) x (1 + ${c.config.replicasPerShard}) ${c.config.nodeType}`;
    case 'documentdb':
      return `${c.config.instances} x ${c.config.instanceClass}, engine ${c.config.engineVersion}, ${c.config.backupRetentionDays}-day backups`;
    case 's3': {
      const k = c.config;
      const rules = k.lifecycle.flatMap((r) => [...r.transitions.map((t) => `${t.storageClass} after ${t.days} d`), ...(r.expirationDays ? [`expire after ${r.expirationDays} d`] : [])]);
      return [`${k.purpose} bucket`, k.versioning ? 'versioned' : undefined, rules.length ? `lifecycle: ${rules.join(', ')}` : undefined, k.objectLock ? 'Object Lock' : undefined, k.replicationRegion ? `replicated to ${k.replicationRegion}` : undefined].filter(Boolean).join(', ');
    }
    case 'opensearch':
      return `${c.config.instanceCount} x ${c.config.instanceType}, ${c.config.volumeGb} GB per node, ${c.config.engineVersion}`;
    case 'redshift':
      return c.config.mode === 'serverless' ? `Redshift Serverless, ${c.config.baseRpu} RPU base` : `${c.config.nodes} x ${c.config.nodeType}`;
    case 'athena':
      return `workgroup with a ${c.config.bytesScannedCutoffGb} GB per-query scan limit, database ${c.config.database}`;
    case 'sqs':
      return `${c.config.fifo ? 'FIFO' : 'standard'} queue, ${c.config.visibilityTimeoutSeconds} s visibility, dead-letter queue after ${c.config.maxReceiveCount} receives`;
    case 'sns':
      return `${c.config.fifo ? 'FIFO' : 'standard'} topic${c.config.emailSubscriptions.length ? `, email to ${c.config.emailSubscriptions.join(', ')}` : ''}`;
    case 'eventbridge':
      return `${c.config.busName === 'default' ? 'default' : 'custom'} event bus${c.config.archiveRetentionDays ? `, ${c.config.archiveRetentionDays}-day archive for replay` : ''}`;
    case 'step-functions':
      return `${c.config.type} workflow, ${c.config.maxAttempts} retries per step${c.config.schedule ? `, scheduled ${c.config.schedule}` : ''}`;
    case 'kinesis-streams':
      return c.config.mode === 'ON_DEMAND' ? `on-demand stream, ${c.config.retentionHours} h retention` : `${c.config.shards} shards, ${c.config.retentionHours} h retention`;
    case 'kinesis-firehose':
      return `${c.config.format} ${c.config.compression}, buffer ${c.config.bufferSeconds} s / ${c.config.bufferMb} MB`;
    case 'iot-core':
      return `topic rule on ${c.config.topicFilter}, ${c.config.provisioning} provisioning`;
    case 'ses':
      return `sending domain ${c.config.domain} with DKIM`;
    case 'transfer-family':
      return `${c.config.protocols.join('/')} server, ${c.config.endpointType.toLowerCase()} endpoint, ${c.config.identityProvider.toLowerCase().replace('_', ' ')} users`;
    case 'cognito':
      return `user pool (${c.config.featurePlan.toLowerCase()}), sign-in with ${c.config.signInAliases.join('/')}${c.config.identityProviders.length ? ` and ${c.config.identityProviders.join(', ')}` : ''}, MFA ${c.config.mfa.toLowerCase()}`;
    case 'secrets-manager':
      return `${c.config.description}${c.config.rotationDays ? `, rotated every ${c.config.rotationDays} days` : ''}`;
    case 'cloudfront':
      return `${c.config.priceClass.replace('PriceClass_', 'price class ')}, ${c.config.caching} caching${c.config.aliases.length ? `, ${c.config.aliases.join(', ')}` : ''}, ${c.config.minimumTlsVersion}`;
    case 'route53':
      return `hosted zone ${c.config.domainName}, ${c.config.routing} routing`;
    case 'acm':
      return `certificate for ${[c.config.domainName, ...c.config.subjectAlternativeNames].join(', ')} (${c.config.validation} validation)`;
    case 'waf':
      return `${c.config.scope.toLowerCase()} web ACL: ${c.config.managedRuleGroups.length} managed rule groups${c.config.rateLimitPer5Min ? `, rate limit ${c.config.rateLimitPer5Min} per 5 min per IP` : ''}`;
    case 'apigateway-rest':
      return `REST API (${c.config.endpointType.toLowerCase()}), ${c.config.authorizer} auth, ${c.config.throttleRateLimit} rps throttle${c.config.cacheSizeGb !== '0' ? `, ${c.config.cacheSizeGb} GB cache` : ''}`;
    case 'apigateway-http':
      return `HTTP API, ${c.config.authorizer} auth, ${c.config.throttleRateLimit} rps throttle`;
    case 'apigateway-websocket':
      return `WebSocket API, routes $connect/$disconnect/$default${c.config.routes.length ? `/${c.config.routes.join('/')}` : ''}, ${c.config.authorizer} authorizer`;
    case 'appsync':
      return `GraphQL API, ${c.config.authorizer} auth${c.config.caching ? ', caching' : ''}`;
    case 'alb':
    case 'nlb':
      return `${c.config.scheme}, ${c.config.https ? 'HTTPS' : 'plain'} listener, health check ${c.config.healthCheckPath}`;
  }
}

/** Human name for a component: its name, else its id. */
export function displayName(c: Component): string {
  return c.name ?? c.id;
}

/** Components by layer in the plan's order. */
export function byLayer(a: Architecture): Map<string, Component[]> {
  const order = ['edge', 'compute', 'data', 'integration', 'security', 'observability', 'network'];
  const m = new Map<string, Component[]>(order.map((l) => [l, []]));
  for (const c of a.components) m.get(c.layer)!.push(c);
  return m;
}
