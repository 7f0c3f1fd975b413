/**
 * The rules of thumb the usage derivation applies, each with its number and where it comes from. Every figure
 * derived with one of them carries an assumption line that quotes the number, so a reader can challenge the rule
 * rather than the result.
 */
export const RULES = {
  // --- Event sources and batching (AWS Lambda event source mapping defaults) ---
  /** Lambda reads SQS in batches of up to 10 messages (the event source mapping's default BatchSize). */
  sqsBatchSize: 10,
  /**
   * Lambda starts five long-polling receivers per queue; a receive returns as soon as messages are there, so batches
   * only fill once more than about this many messages arrive per second (below it, most batches hold one message).
   */
  sqsBatchFillRatePerSecond: 5,
  /** Kinesis and DynamoDB stream event sources read up to 100 records per batch (default BatchSize). */
  streamBatchSize: 100,
  /** Lambda polls each Kinesis shard once a second, so a batch holds what one shard received in a second. */
  kinesisPollsPerShardSecond: 1,
  /** Lambda polls each DynamoDB stream shard four times a second. */
  dynamodbStreamPollsPerShardSecond: 4,
  /** An on-demand stream starts with 4 MB/s of write capacity (4 shards) and keeps twice its recent peak. */
  onDemandMinShards: 4,
  onDemandPeakHeadroom: 2,
  /** One shard takes 1,000 records/s or 1 MB/s. */
  shardRecordsPerSecond: 1000,
  shardMbPerSecond: 1,
  /** A DynamoDB partition holds 10 GB and serves 1,000 WCU or 3,000 RCU; stream shards follow partitions. */
  partitionGb: 10,
  partitionWcu: 1000,
  partitionRcu: 3000,
  /** Peak over average when only one of them is known and traffic follows people's day. */
  peakToAverage: 3,

  // --- Function durations ---
  /** A request or single event: 100 ms. */
  requestMs: 100,
  /** A batch: 100 ms plus 2 ms for each record after the first (a batched write per record, roughly). */
  batchMsPerRecord: 2,
  /** A scheduled or workflow-step batch job uses about half its timeout per run. */
  scheduledTimeoutShare: 0.5,

  // --- Authorizers and connections ---
  /** Generated Lambda authorizers cache results for 300 s; a caller active for longer is checked once per 5 minutes. */
  authorizerCacheMissShare: 0.1,
  /** A WebSocket connection lasts 30 minutes on average (API Gateway closes idle ones after 10 and all after 2 hours). */
  connectionMinutes: 30,
  /** Share of peak connections open on average over the month. */
  averageConnectionShare: 0.25,
  /** A chat message pushed back through the WebSocket API reaches 2 other connections on average (1:1 and small groups). */
  websocketRecipients: 2,
  /** A real-time GraphQL update reaches 5 subscribed clients on average (the people on the same project). */
  subscriptionRecipients: 5,

  // --- Notifications and alerts ---
  /** A detector raises one alert per 100,000 records it examines. */
  alertShare: 1e-5,
  /** A workflow notifies on failure; 5 % of runs fail. */
  failureShare: 0.05,
  /** People get about 2 notifications per active day. */
  notificationsPerUserDay: 2,
  /** Without a user count, 1 request in 100 leads to a notification. */
  notificationShare: 0.01,
  /** A form beside a static site: one submission per 1,000 page requests. */
  formShare: 0.001,
  /** Active users make about 100 requests a day (the analysis's own rate); used to count users from traffic. */
  requestsPerActiveUserDay: 100,
  /** Monthly active users per daily active user when the requirements give daily users only. */
  mauPerDau: 3,
  /** Monthly per daily active user when users are counted from traffic (the analysis's own DAU/MAU of 0.5). */
  mauPerCountedDau: 2,

  // --- Content delivery and objects ---
  /** CloudFront serves 90 % of object requests from edge caches; 10 % go to the bucket. */
  cdnMissShare: 0.1,
  /** One API request in 10 is followed by a media view through the CDN. */
  mediaViewShare: 0.1,
  /** One API request in 10 loads an asset of the web app beside it (browsers cache the rest). */
  staticAssetShare: 0.1,
  /** One request in 200 uploads a media object or document. */
  uploadShare: 0.005,
  /** One request in 50 downloads a stored document. */
  downloadShare: 0.02,
  /** Average object size by bucket purpose, KB. */
  objectKb: { media: 250, 'static-site': 50, general: 1024, 'data-lake': 100, landing: 100, backups: 1024, logs: 100, artifacts: 1024 } as Record<string, number>,
  /** A static site is deployed once a day, uploading about 500 files. */
  staticDeployPutsPerMonth: 15_000,
  staticSiteGb: 1,
  /** Model artifacts: a release a day, and instances fetching models as they start. */
  artifactPutsPerMonth: 1_000,
  artifactGetsPerMonth: 10_000,
  /** Partner files arrive as objects of about 100 MB. */
  transferFileMb: 100,

  // --- Stored data ---
  /** Of an application's writes, 10 % create new items; the rest update existing ones. */
  newItemShare: 0.1,
  /** DynamoDB stores about 100 bytes of attribute names and index overhead per item. */
  itemOverheadKb: 0.1,
  /** A TTL table with no stated window keeps 30 days. */
  defaultTtlDays: 30,
  /** Compression of JSON events by output format (Parquet is columnar and compressed with Snappy). */
  compression: { parquet: 6, GZIP: 5, SNAPPY: 3, UNCOMPRESSED: 1 } as Record<string, number>,
  /** Redshift's columnar compression of loaded data. */
  warehouseCompression: 4,
  /** Two cache operations per request (a read, and a write on a miss). */
  cacheOpsPerRequest: 2,
  /** Storage I/Os (Aurora Standard, DocumentDB): two per write; reads hit the buffer cache 90 % of the time. */
  ioPerWrite: 2,
  readCacheMissShare: 0.1,
  /** Aurora Serverless v2: an ACU (2 GiB with its share of CPU) serves about 250 simple queries a second; 2 ACUs at least. */
  queriesPerAcuSecond: 250,
  minAverageAcu: 2,
  /** Athena: about 1,000 queries a month (50 a working day), each scanning a tenth of the per-query cutoff. */
  athenaQueriesPerMonth: 1_000,
  athenaScanShareOfCutoff: 0.1,
  /** Redshift Serverless runs queries 4 hours a day. */
  warehouseQueryHoursPerMonth: 120,

  // --- Network and logs ---
  /** Resolvers cache answers for the record's TTL: one query per 100 requests reaches Route 53. */
  dnsQueryShare: 0.01,
  /** API responses are the payload size up to 16 KB; a larger payload is an upload, answered with about 2 KB. */
  responseKbCap: 16,
  uploadAnswerKb: 2,
  /** An API whose handlers only write or publish (a collector) answers with a bare acknowledgement. */
  acknowledgementKb: 0.2,
  /** Half of what VPC compute exchanges with its data stores crosses an AZ boundary. */
  crossAzShare: 0.5,
  /** Log bytes per invocation or request. */
  lambdaLogKb: 0.5,
  accessLogKb: 0.3,
  /** REST API stages log execution at INFO: about a dozen lines per request. */
  restExecutionLogKb: 1.5,
  containerLogKbPerRequest: 0.5,
  stepFunctionsLogKbPerTransition: 1,
} as const;
