import type { Pillar, Severity } from '../../model/index.js';

/**
 * How cdk-nag levels become our severities: an error-level rule is `high` (it fails the pack, as cdk-nag's own synth
 * would), a warning is `medium`. Rules that mean administrator access or data readable by anyone are `critical`,
 * because they are exploitable as deployed, not merely weaker than best practice. Keyed by cdk-nag's rule function
 * name, which is the same in every pack (AwsSolutions-S2 and HIPAA.Security-S3BucketLevelPublicAccessProhibited are
 * one function).
 */
export const CRITICAL_RULES: ReadonlySet<string> = new Set([
  'IAMPolicyNoStatementsWithAdminAccess',
  'S3BucketPublicReadProhibited',
  'S3BucketPublicWriteProhibited',
  'RDSInstancePublicAccess',
  'RedshiftClusterPublicAccess',
  'OpenSearchNoUnsignedOrAnonymousAccess',
  'DMSReplicationNotPublic',
]);

/** Granular findings that are critical on their own: `IAM5[Action::*]` is administrator access. */
export function packSeverity(fn: string | undefined, granular: string | undefined, level: 'error' | 'warning'): Severity {
  if (level === 'warning') return 'medium';
  if (fn && CRITICAL_RULES.has(fn)) return 'critical';
  if (fn === 'IAMNoWildcardPermissions' && granular === 'Action::*') return 'critical';
  return 'high';
}

/**
 * What to change, per cdk-nag rule function, in CloudFormation terms (the same property names CDK constructs expose).
 * Rules without an entry get a fix built from the rule's own explanation.
 */
export const PACK_FIXES: Readonly<Record<string, string>> = {
  // S3
  S3BucketLoggingEnabled: 'Set LoggingConfiguration (DestinationBucketName, LogFilePrefix) to a dedicated access-log bucket.',
  S3BucketLevelPublicAccessProhibited: 'Set PublicAccessBlockConfiguration with BlockPublicAcls, BlockPublicPolicy, IgnorePublicAcls and RestrictPublicBuckets all true.',
  S3BucketPublicReadProhibited: 'Block public access (PublicAccessBlockConfiguration all true) and remove public-read ACLs and Principal * grants.',
  S3BucketPublicWriteProhibited: 'Block public access (PublicAccessBlockConfiguration all true) and remove public-write ACLs and Principal * grants.',
  S3WebBucketOAIAccess: 'Serve the site through CloudFront with an origin access control, remove WebsiteConfiguration and allow only cloudfront.amazonaws.com (with aws:SourceArn) in the bucket policy.',
  S3BucketSSLRequestsOnly: 'Add a bucket policy statement denying s3:* when aws:SecureTransport is false, on the bucket and bucket/*.',
  S3BucketReplicationEnabled: 'Add ReplicationConfiguration to a bucket in another Region (needs versioning and a replication role).',
  S3BucketVersioningEnabled: 'Set VersioningConfiguration.Status to Enabled.',
  S3DefaultEncryptionKMS: 'Set BucketEncryption with SSEAlgorithm aws:kms and a customer-managed KMSMasterKeyID (BucketKeyEnabled true keeps KMS costs down).',
  // IAM
  IAMNoManagedPolicies: 'Replace AWS managed policies (ManagedPolicyArns) with a customer policy listing the actions and resources needed; for AWSLambdaBasicExecutionRole, grant logs:CreateLogStream and logs:PutLogEvents on the function\'s log group.',
  IAMNoWildcardPermissions: 'Name the actions and resource ARNs instead of *. Where a wildcard is required (X-Ray, objects under a prefix), acknowledge it in Metadata.cdk_nag.rules_to_suppress with the granular id (e.g. AwsSolutions-IAM5[Resource::*]) and the reason.',
  IAMNoInlinePolicy: 'Move the inline Policies into an AWS::IAM::ManagedPolicy attached to the role.',
  IAMPolicyNoStatementsWithAdminAccess: 'Remove Action * on Resource *; grant only the actions and resources the principal uses.',
  IAMPolicyNoStatementsWithFullAccess: 'Replace service-wide actions (s3:*, dynamodb:*) with the specific actions needed.',
  IAMUserNoPolicies: 'Attach policies to groups or roles, not to users.',
  IAMUserGroupMembership: 'Put the user in a group and grant permissions through the group (better: use roles and IAM Identity Center).',
  IAMGroupHasUsers: 'Add users to the group or remove the unused group.',
  // Lambda
  LambdaLatestVersion: 'Use the latest runtime of the language (e.g. nodejs22.x, python3.13).',
  LambdaConcurrency: 'Set ReservedConcurrentExecutions to cap the function\'s share of account concurrency.',
  LambdaDLQ: 'Set DeadLetterConfig.TargetArn to an SQS queue or SNS topic (or configure an on-failure destination).',
  LambdaInsideVPC: 'Set VpcConfig with private subnets and a security group.',
  LambdaFunctionPublicAccessProhibited: 'Restrict the AWS::Lambda::Permission Principal to a service with SourceArn/SourceAccount, never *.',
  LambdaTracing: 'Set TracingConfig.Mode to Active.',
  LambdaDefaultMemorySize: 'Set MemorySize explicitly (measure; 512-1024 MB suits most API handlers).',
  LambdaDefaultTimeout: 'Set Timeout explicitly, shorter than whatever calls the function.',
  LambdaAsyncFailureDestination: 'Add an AWS::Lambda::EventInvokeConfig with DestinationConfig.OnFailure (an SQS queue or SNS topic).',
  LambdaEventSourceMappingDestination: 'Set DestinationConfig.OnFailure on the event source mapping (stream sources) or a redrive policy on the queue.',
  LambdaStarPermissions: 'Scope the role\'s statements to the actions and ARNs the function uses.',
  // API Gateway
  APIGWAccessLogging: 'Set AccessLogSetting (DestinationArn to a log group, JSON Format) on the stage.',
  APIGWStructuredLogging: 'Use a JSON AccessLogSetting.Format on the stage.',
  APIGWExecutionLoggingEnabled: 'Set MethodSettings with LoggingLevel INFO (or ERROR) for HttpMethod * and ResourcePath /* on the stage (needs the account CloudWatch role).',
  APIGWRequestValidation: 'Add an AWS::ApiGateway::RequestValidator (ValidateRequestBody and ValidateRequestParameters true) and reference it from the methods.',
  APIGWAuthorization: 'Give every method an AuthorizationType other than NONE (COGNITO_USER_POOLS, AWS_IAM or CUSTOM); acknowledge deliberately public methods with the reason.',
  APIGWAssociatedWithWAF: 'Associate the stage with a WAFv2 web ACL (AWS::WAFv2::WebACLAssociation).',
  APIGWCacheEnabledAndEncrypted: 'Set CacheClusterEnabled true and MethodSettings CachingEnabled and CacheDataEncrypted true on the stage.',
  APIGWSSLEnabled: 'Set ClientCertificateId on the stage so API Gateway authenticates to the backend with a client certificate.',
  APIGWXrayEnabled: 'Set TracingEnabled true on the stage.',
  APIGWDefaultThrottling: 'Set MethodSettings ThrottlingRateLimit and ThrottlingBurstLimit (or DefaultRouteSettings on HTTP APIs) to what the backend can take.',
  CognitoUserPoolAPIGWAuthorizer: 'Use a COGNITO_USER_POOLS authorizer on the method, or acknowledge when IAM or a Lambda authorizer is intended.',
  // Cognito
  CognitoUserPoolStrongPasswordPolicy: 'Set Policies.PasswordPolicy: MinimumLength 8+ and RequireUppercase, RequireNumbers and RequireSymbols true.',
  CognitoUserPoolMFA: 'Set MfaConfiguration to ON with a software token (or SMS) configuration.',
  CognitoUserPoolNoUnauthenticatedLogins: 'Set AllowUnauthenticatedIdentities false on the identity pool, or acknowledge with the reason guests need access.',
  CognitoUserPoolPlusTier: 'Set UserPoolTier to PLUS for threat protection (compromised credentials, adaptive authentication), or acknowledge with the reason.',
  // DynamoDB
  DynamoDBPITREnabled: 'Set PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled to true.',
  DynamoDBInBackupPlan: 'Cover the table with an AWS::Backup::BackupSelection of a backup plan (by ARN or by tag).',
  DynamoDBAutoScalingEnabled: 'Use BillingMode PAY_PER_REQUEST, or register read/write scalable targets with target-tracking policies.',
  DAXEncrypted: 'Set SSESpecification.SSEEnabled true on the DAX cluster.',
  // RDS / Aurora
  RDSStorageEncrypted: 'Set StorageEncrypted true with a KmsKeyId (existing databases: restore an encrypted snapshot copy).',
  RDSMultiAZSupport: 'Set MultiAZ true.',
  AuroraMySQLPostgresIAMAuth: 'Set EnableIAMDatabaseAuthentication true.',
  RDSRestrictedInbound: 'Remove 0.0.0.0/0 from the DB security group; allow only the application security group.',
  RDSInstanceDeletionProtectionEnabled: 'Set DeletionProtection true.',
  RDSNonDefaultPort: 'Set Port to a non-default value, or acknowledge: a non-default port only slows down scanners, security groups are the control.',
  RDSInstanceBackupEnabled: 'Set BackupRetentionPeriod to 7-35 days.',
  AuroraMySQLBacktrack: 'Set BacktrackWindow (seconds) on the Aurora MySQL cluster.',
  AuroraMySQLLogging: 'Set EnableCloudwatchLogsExports to audit, error, general and slowquery.',
  RDSLoggingEnabled: 'Set EnableCloudwatchLogsExports to every log type of the engine (postgresql: postgresql and upgrade; mysql: audit, error, general, slowquery).',
  RDSEnhancedMonitoringEnabled: 'Set MonitoringInterval (e.g. 60) and MonitoringRoleArn on the instances.',
  RDSInBackupPlan: 'Cover the database with an AWS::Backup::BackupSelection of a backup plan.',
  RDSInstancePublicAccess: 'Set PubliclyAccessible false and place the instance in private or isolated subnets.',
  RDSAutomaticMinorVersionUpgradeEnabled: 'Set AutoMinorVersionUpgrade true.',
  // DocumentDB / Neptune / ElastiCache / OpenSearch / Redshift
  DocumentDBClusterEncryptionAtRest: 'Set StorageEncrypted true with a KmsKeyId.',
  DocumentDBClusterNonDefaultPort: 'Set Port to a non-default value, or acknowledge (security groups are the real control).',
  DocumentDBCredentialsInSecretsManager: 'Take MasterUsername and MasterUserPassword from a Secrets Manager secret ({{resolve:secretsmanager:...}}).',
  DocumentDBClusterBackupRetentionPeriod: 'Set BackupRetentionPeriod to 7 or more days.',
  DocumentDBClusterLogExports: 'Set EnableCloudwatchLogsExports to audit and profiler (and turn on the audit_logs parameter).',
  NeptuneClusterMultiAZ: 'Add a replica instance in another Availability Zone.',
  NeptuneClusterAutomaticMinorVersionUpgrade: 'Set AutoMinorVersionUpgrade true on the instances.',
  NeptuneClusterBackupRetentionPeriod: 'Set BackupRetentionPeriod to 7 or more days.',
  NeptuneClusterEncryptionAtRest: 'Set StorageEncrypted true.',
  NeptuneClusterIAMAuth: 'Set IamAuthEnabled true.',
  ElastiCacheClusterInVPC: 'Set CacheSubnetGroupName and VpcSecurityGroupIds so the cluster runs in the VPC.',
  ElastiCacheClusterNonDefaultPort: 'Set Port to a non-default value, or acknowledge (security groups are the real control).',
  ElastiCacheRedisClusterEncryption: 'Set AtRestEncryptionEnabled and TransitEncryptionEnabled true.',
  ElastiCacheRedisClusterMultiAZ: 'Set MultiAZEnabled and AutomaticFailoverEnabled true with at least one replica.',
  ElastiCacheRedisClusterRedisAuth: 'Set TransitEncryptionEnabled true and AuthToken (from Secrets Manager), or use user groups.',
  ElastiCacheRedisClusterAutomaticBackup: 'Set SnapshotRetentionLimit to 15 or more.',
  OpenSearchInVPCOnly: 'Set VPCOptions (SubnetIds, SecurityGroupIds).',
  OpenSearchNodeToNodeEncryption: 'Set NodeToNodeEncryptionOptions.Enabled true.',
  OpenSearchAllowlistedIPs: 'Restrict the AccessPolicies with an aws:SourceIp condition, or place the domain in a VPC.',
  OpenSearchDedicatedMasterNode: 'Set ClusterConfig.DedicatedMasterEnabled true with three dedicated master nodes.',
  OpenSearchNoUnsignedOrAnonymousAccess: 'Remove Principal * from AccessPolicies; allow specific IAM roles, or enable fine-grained access control.',
  OpenSearchZoneAwareness: 'Set ClusterConfig.ZoneAwarenessEnabled true with instances across two or three AZs.',
  OpenSearchEncryptedAtRest: 'Set EncryptionAtRestOptions.Enabled true.',
  OpenSearchSlowLogsToCloudWatch: 'Set LogPublishingOptions for SEARCH_SLOW_LOGS and INDEX_SLOW_LOGS to a log group.',
  OpenSearchErrorLogsToCloudWatch: 'Set LogPublishingOptions ES_APPLICATION_LOGS to a log group.',
  RedshiftRequireTlsSSL: 'Use a cluster parameter group with require_ssl true.',
  RedshiftClusterInVPC: 'Set ClusterSubnetGroupName and VpcSecurityGroupIds.',
  RedshiftClusterNonDefaultUsername: 'Set MasterUsername to something other than awsuser.',
  RedshiftClusterNonDefaultPort: 'Set Port to a non-default value, or acknowledge.',
  RedshiftClusterAuditLogging: 'Set LoggingProperties (BucketName, S3KeyPrefix) to enable audit logging.',
  RedshiftClusterEncryptionAtRest: 'Set Encrypted true with a KmsKeyId.',
  RedshiftClusterPublicAccess: 'Set PubliclyAccessible false.',
  RedshiftClusterVersionUpgrade: 'Set AllowVersionUpgrade true.',
  RedshiftBackupEnabled: 'Set AutomatedSnapshotRetentionPeriod to 1 or more days.',
  RedshiftClusterUserActivityLogging: 'Use a parameter group with enable_user_activity_logging true.',
  RedshiftClusterConfiguration: 'Set Encrypted true and LoggingProperties for audit logging.',
  RedshiftClusterMaintenanceSettings: 'Set AllowVersionUpgrade true, AutomatedSnapshotRetentionPeriod 1+ and PreferredMaintenanceWindow.',
  RedshiftEnhancedVPCRoutingEnabled: 'Set EnhancedVpcRouting true.',
  TimestreamDatabaseCustomerManagedKey: 'Set KmsKeyId to a customer-managed key.',
  // Networking and edge
  VPCFlowLogsEnabled: 'Add an AWS::EC2::FlowLog for the VPC (TrafficType ALL) to CloudWatch Logs or S3.',
  VPCNoNACLs: 'Remove custom network ACLs and rely on security groups, or acknowledge why the ACL is needed.',
  VPCDefaultSecurityGroupClosed: 'Remove all rules from the VPC default security group (CDK: restrictDefaultSecurityGroup).',
  VPCNoUnrestrictedRouteToIGW: 'Route 0.0.0.0/0 to the internet gateway only from public subnets; acknowledge the public route tables with that reason.',
  VPCSubnetAutoAssignPublicIpDisabled: 'Set MapPublicIpOnLaunch false (and acknowledge public subnets that hold only load balancers and NAT gateways).',
  EC2RestrictedInbound: 'Replace 0.0.0.0/0 and ::/0 sources with security groups or known CIDRs (load balancers on 80/443 may be acknowledged).',
  EC2RestrictedSSH: 'Remove port 22 ingress from 0.0.0.0/0; use Systems Manager Session Manager.',
  EC2RestrictedCommonPorts: 'Remove ingress from 0.0.0.0/0 on administrative and database ports.',
  EC2SecurityGroupDescription: 'Set GroupDescription to what the group allows and why.',
  EC2EBSVolumeEncrypted: 'Set Encrypted true on every volume and block device mapping.',
  EC2InstanceDetailedMonitoringEnabled: 'Set Monitoring true (launch template: Monitoring.Enabled true).',
  EC2InstanceTerminationProtection: 'Set DisableApiTermination true, or run the instance in an Auto Scaling group.',
  EC2InstanceNoPublicIp: 'Launch in private subnets with AssociatePublicIpAddress false.',
  EC2InstanceProfileAttached: 'Set IamInstanceProfile.',
  EC2InstancesInVPC: 'Launch the instance in a VPC subnet.',
  EC2IMDSv2Enabled: 'Set MetadataOptions.HttpTokens to required.',
  EC2EBSOptimizedInstance: 'Set EbsOptimized true.',
  EC2EBSInBackupPlan: 'Cover the volume with an AWS Backup selection.',
  ELBLoggingEnabled: 'Set LoadBalancerAttributes access_logs.s3.enabled true with access_logs.s3.bucket.',
  ELBTlsHttpsListenersOnly: 'Use HTTPS/SSL listeners only.',
  ELBCrossZoneLoadBalancingEnabled: 'Enable cross-zone load balancing across at least two AZs.',
  ELBDeletionProtectionEnabled: 'Set LoadBalancerAttributes deletion_protection.enabled true.',
  ELBACMCertificateRequired: 'Use an ACM certificate on the listener.',
  ELBv2ACMCertificateRequired: 'Use an ACM certificate (Certificates[].CertificateArn) on HTTPS/TLS listeners.',
  CLBNoInboundHttpHttps: 'Replace the Classic Load Balancer with an ALB.',
  CLBConnectionDraining: 'Enable ConnectionDrainingPolicy.',
  ALBHttpDropInvalidHeaderEnabled: 'Set LoadBalancerAttributes routing.http.drop_invalid_header_fields.enabled true.',
  ALBHttpToHttpsRedirection: 'Make the HTTP listener\'s default action a redirect to HTTPS (StatusCode HTTP_301).',
  ALBWAFEnabled: 'Associate the ALB with a WAFv2 web ACL.',
  CloudFrontDistributionGeoRestrictions: 'Set Restrictions.GeoRestriction where content must stay in some countries, or acknowledge with the reason.',
  CloudFrontDistributionWAFIntegration: 'Set WebACLId to a CLOUDFRONT-scoped WAFv2 web ACL.',
  CloudFrontDistributionAccessLogging: 'Set Logging (Bucket) on the distribution, or v2 access logs via CloudWatch delivery.',
  CloudFrontDistributionHttpsViewerNoOutdatedSSL: 'Use a custom ViewerCertificate with MinimumProtocolVersion TLSv1.2_2021.',
  CloudFrontDistributionNoOutdatedSSL: 'Set CustomOriginConfig.OriginSSLProtocols to TLSv1.2 only.',
  CloudFrontDistributionS3OriginAccessIdentity: 'Use an origin access control for the S3 origin.',
  CloudFrontDistributionS3OriginAccessControl: 'Add an AWS::CloudFront::OriginAccessControl and set OriginAccessControlId on the S3 origin (with an empty S3OriginConfig.OriginAccessIdentity).',
  WAFv2LoggingEnabled: 'Add an AWS::WAFv2::LoggingConfiguration sending to a log group named aws-waf-logs-*.',
  // Compute and containers
  ECROpenAccess: 'Remove Principal * from the repository policy.',
  ECSTaskDefinitionNoEnvironmentVariables: 'Pass configuration through Secrets (Secrets Manager or SSM) instead of Environment, or acknowledge non-secret variables.',
  ECSClusterCloudWatchContainerInsights: 'Set ClusterSettings containerInsights to enabled.',
  ECSTaskDefinitionContainerLogging: 'Set LogConfiguration (awslogs driver) on every container.',
  ECSTaskDefinitionUserForHostMode: 'Avoid host networking, or set a non-root User and Privileged true only where required.',
  EKSClusterNoEndpointPublicAccess: 'Set ResourcesVpcConfig.EndpointPublicAccess false (and EndpointPrivateAccess true).',
  EKSClusterControlPlaneLogs: 'Enable Logging.ClusterLogging for api, audit, authenticator, controllerManager and scheduler.',
  AutoScalingGroupCooldownPeriod: 'Set Cooldown on the group.',
  AutoScalingGroupHealthCheck: 'Set HealthCheckType ELB (with a grace period) when behind a load balancer.',
  AutoScalingGroupELBHealthCheckRequired: 'Set HealthCheckType ELB.',
  AutoScalingGroupScalingNotifications: 'Set NotificationConfigurations for launch, terminate and error events to an SNS topic.',
  AutoScalingLaunchConfigPublicIpDisabled: 'Set AssociatePublicIpAddress false.',
  SageMakerNotebookInVPC: 'Set SubnetId and SecurityGroupIds.',
  SageMakerNotebookInstanceKMSKeyConfigured: 'Set KmsKeyId.',
  SageMakerNotebookNoDirectInternetAccess: 'Set DirectInternetAccess Disabled.',
  SageMakerEndpointConfigurationKMSKeyConfigured: 'Set KmsKeyId on the endpoint configuration.',
  GlueEncryptedCloudWatchLogs: 'Attach a Glue SecurityConfiguration with CloudWatchEncryption SSE-KMS.',
  GlueJobBookmarkEncrypted: 'Attach a Glue SecurityConfiguration with JobBookmarksEncryption CSE-KMS.',
  // Integration
  SQSQueueSSE: 'Set SqsManagedSseEnabled true or KmsMasterKeyId.',
  SQSQueueDLQ: 'Set RedrivePolicy (deadLetterTargetArn, maxReceiveCount) to a dead-letter queue.',
  SQSQueueSSLRequestsOnly: 'Add a queue policy denying sqs:* when aws:SecureTransport is false.',
  SQSRedrivePolicy: 'Set RedrivePolicy to a dead-letter queue.',
  SNSTopicSSLPublishOnly: 'Add a topic policy denying sns:Publish when aws:SecureTransport is false.',
  SNSEncryptedKMS: 'Set KmsMasterKeyId.',
  SNSRedrivePolicy: 'Set RedrivePolicy on the subscription to an SQS dead-letter queue.',
  EventBusOpenAccess: 'Restrict the event bus policy to known accounts or the organization (aws:PrincipalOrgID).',
  EventBusDLQ: 'Set DeadLetterConfig on each rule target.',
  StepFunctionStateMachineAllLogsToCloudWatch: 'Set LoggingConfiguration Level ALL with a log group destination.',
  StepFunctionStateMachineXray: 'Set TracingConfiguration.Enabled true.',
  KinesisDataStreamSSE: 'Set StreamEncryption (EncryptionType KMS, KeyId alias/aws/kinesis or a customer key).',
  KinesisDataStreamDefaultKeyWhenSSE: 'Use KeyId alias/aws/kinesis, or acknowledge when a customer-managed key is required.',
  KinesisDataFirehoseSSE: 'Set DeliveryStreamEncryptionConfigurationInput (KeyType AWS_OWNED_CMK or CUSTOMER_MANAGED_CMK).',
  AppSyncGraphQLRequestLogging: 'Set LogConfig (CloudWatchLogsRoleArn, FieldLogLevel ERROR or ALL).',
  AppSyncTracing: 'Set XrayEnabled true.',
  SecretsManagerRotationEnabled: 'Add an AWS::SecretsManager::RotationSchedule with a rotation function, or acknowledge secrets that cannot rotate automatically with the manual procedure.',
  SecretsManagerUsingKMSKey: 'Set KmsKeyId to a customer-managed key.',
  // Management and governance
  KMSBackingKeyRotationEnabled: 'Set EnableKeyRotation true.',
  CloudTrailCloudWatchLogsEnabled: 'Set CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn on the trail.',
  CloudTrailEncryptionEnabled: 'Set KMSKeyId on the trail.',
  CloudTrailLogFileValidationEnabled: 'Set EnableLogFileValidation true.',
  CloudWatchAlarmAction: 'Set AlarmActions (an SNS topic) on the alarm.',
  CloudWatchLogGroupEncrypted: 'Set KmsKeyId on the log group (the key policy must allow logs.<region>.amazonaws.com).',
  CloudWatchLogGroupRetentionPeriod: 'Set RetentionInDays on the log group.',
  CodeBuildProjectKMSEncryptedArtifacts: 'Set EncryptionKey to a KMS key.',
  CodeBuildProjectManagedImages: 'Use a CodeBuild-managed image, or acknowledge the custom image with the reason.',
  CodeBuildProjectEnvVarAwsCred: 'Remove AWS credentials from environment variables; the project role provides credentials.',
  CodeBuildProjectSourceRepoUrl: 'Connect GitHub/Bitbucket through OAuth or CodeConnections instead of credentials in the URL.',
  EFSEncrypted: 'Set Encrypted true on the file system.',
  EFSInBackupPlan: 'Cover the file system with an AWS Backup selection (or BackupPolicy ENABLED).',
  // Services the model has no component for, so they only appear in templates brought by the user.
  Cloud9InstanceNoIngressSystemsManager: 'Set ConnectionType CONNECT_SSM on the Cloud9 environment.',
  DMSReplicationNotPublic: 'Set PubliclyAccessible false on the replication instance.',
  EMRAuthEC2KeyPairOrKerberos: 'Set Instances.Ec2KeyName or a KerberosAttributes configuration on the cluster.',
  EMREncryptionInTransit: 'Use a SecurityConfiguration with EnableInTransitEncryption true and a TLS certificate provider.',
  EMRKerberosEnabled: 'Set KerberosAttributes (Realm, KdcAdminPassword) with a security configuration that enables Kerberos.',
  EMRLocalDiskEncryption: 'Use a SecurityConfiguration with EnableAtRestEncryption and LocalDiskEncryptionConfiguration.',
  EMRS3AccessLogging: 'Set LogUri to an S3 location.',
  ElasticBeanstalkEC2InstanceLogsToS3: 'Set the aws:elasticbeanstalk:hostmanager LogPublicationControl option to true.',
  ElasticBeanstalkEnhancedHealthReportingEnabled: 'Set the aws:elasticbeanstalk:healthreporting:system SystemType option to enhanced.',
  ElasticBeanstalkManagedUpdatesEnabled: 'Set the aws:elasticbeanstalk:managedactions ManagedActionsEnabled option to true with an update level.',
  ElasticBeanstalkVPCSpecified: 'Set the aws:ec2:vpc VPCId (and Subnets) options.',
  KinesisDataAnalyticsFlinkCheckpointing: 'Set CheckpointConfiguration.CheckpointingEnabled true (ConfigurationType CUSTOM).',
  LexBotAliasEncryptedConversationLogs: 'Set a KmsKeyArn on the conversation log settings.',
  MSKBrokerLogging: 'Set LoggingInfo.BrokerLogs to CloudWatch Logs, Firehose or S3.',
  MSKBrokerToBrokerTLS: 'Set EncryptionInfo.EncryptionInTransit.InCluster true.',
  MSKClientToBrokerTLS: 'Set EncryptionInfo.EncryptionInTransit.ClientBroker to TLS.',
  MediaStoreCloudWatchMetricPolicy: 'Set MetricPolicy (ContainerLevelMetrics ENABLED).',
  MediaStoreContainerAccessLogging: 'Set AccessLoggingEnabled true.',
  MediaStoreContainerCORSPolicy: 'Set CorsPolicy with the allowed origins.',
  MediaStoreContainerHasContainerPolicy: 'Set Policy with least-privilege access.',
  MediaStoreContainerLifecyclePolicy: 'Set LifecyclePolicy to expire objects.',
  MediaStoreContainerSSLRequestsOnly: 'Add a container policy denying requests when aws:SecureTransport is false.',
  QuicksightSSLConnections: 'Set SslProperties.DisableSsl false on the data source.',
};

/** A fix for rules without an entry: state the compliant condition in the rule's own words. */
export function fallbackFix(info: string, ruleId: string): string {
  const clean = info.replace(/\s*-\s*\(Control IDs?:.*$/, '').trim().replace(/\.$/, '');
  return `Change the resource so that this no longer holds: "${clean}" (cdk-nag ${ruleId}); acknowledge it with a reason if it is intended.`;
}

/** `- (Control IDs: 164.312(b), 164.312(e)(1)).` -> `164.312(b), 164.312(e)(1)`. */
export function controlsOf(info: string): string | undefined {
  const m = /\(Control IDs?:\s*(.*?)\)?\.?\s*$/.exec(info);
  if (!m) return undefined;
  let ids = m[1]!.trim();
  // A few cdk-nag messages drop the closing parenthesis; rebalance what the lazy match cut off.
  while ((ids.match(/\(/g) ?? []).length > (ids.match(/\)/g) ?? []).length) ids += ')';
  return ids;
}

/** Well-Architected pillar of a cdk-nag rule, from what its function checks; most are security controls. */
export function pillarOf(fn: string | undefined): Pillar {
  if (!fn || /Encrypt|SSE|KMS|SSL|Tls|TLS|Public|Wildcard|Auth|OpenAccess|OriginAccess|Allowlisted|Unsigned/.test(fn)) return 'security';
  if (/Backup|MultiAZ|PITR|Replication|DeletionProtection|TerminationProtection|Versioning|DLQ|Redrive|ZoneAwareness|CrossZone|HealthCheck|Cooldown|Backtrack|Failure|Destination|Draining|AutoScaling|DedicatedMaster|Checkpointing/.test(fn)) return 'reliability';
  if (/Logging|Logs|LogExports|Tracing|Xray|Monitoring|Alarm|Insights|Notifications|HealthReporting|MetricPolicy|ManagedUpdates|VersionUpgrade|LatestVersion|MaintenanceSettings/.test(fn)) return 'operational-excellence';
  if (/Concurrency|MemorySize|Timeout|Throttling|CacheEnabled|EBSOptimized/.test(fn)) return 'performance-efficiency';
  return 'security';
}
