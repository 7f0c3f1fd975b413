import type { Value } from './fn.js';

/**
 * Where each resource type keeps its tags, for the types whose tags are not a `Tags` list of `{ Key, Value }`
 * (from the CloudFormation resource specification; test/unit/generators checks this table against it).
 */
export const TAG_PROPERTY: Record<string, { property: string; style: 'list' | 'map' | 'asg' }> = {
  'AWS::Backup::BackupVault': { property: 'BackupVaultTags', style: 'map' },
  'AWS::Backup::BackupPlan': { property: 'BackupPlanTags', style: 'map' },
  'AWS::ApiGatewayV2::Api': { property: 'Tags', style: 'map' },
  'AWS::ApiGatewayV2::Stage': { property: 'Tags', style: 'map' },
  'AWS::ApiGatewayV2::VpcLink': { property: 'Tags', style: 'map' },
  'AWS::Cognito::UserPool': { property: 'UserPoolTags', style: 'map' },
  'AWS::Route53::HostedZone': { property: 'HostedZoneTags', style: 'list' },
  'AWS::EKS::Nodegroup': { property: 'Tags', style: 'map' },
  'AWS::Glue::Job': { property: 'Tags', style: 'map' },
  'AWS::AutoScaling::AutoScalingGroup': { property: 'Tags', style: 'asg' },
  'AWS::SSM::Parameter': { property: 'Tags', style: 'map' },
  'AWS::Route53::HealthCheck': { property: 'HealthCheckTags', style: 'list' },
  'AWS::CodeStarNotifications::NotificationRule': { property: 'Tags', style: 'map' },
};

/** Types that take no tags at all. Everything else takes a standard `Tags` list. */
export const UNTAGGABLE: ReadonlySet<string> = new Set([
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::Policy',
  'AWS::IAM::InstanceProfile',
  'AWS::EC2::SubnetRouteTableAssociation',
  'AWS::EC2::Route',
  'AWS::EC2::VPCGatewayAttachment',
  'AWS::EC2::SecurityGroupIngress',
  'AWS::EC2::SecurityGroupEgress',
  'AWS::EC2::LaunchTemplate',
  'AWS::KMS::Alias',
  'AWS::S3::BucketPolicy',
  'AWS::SQS::QueuePolicy',
  'AWS::SNS::TopicPolicy',
  'AWS::SNS::Subscription',
  'AWS::Lambda::Permission',
  'AWS::Lambda::Version',
  'AWS::Lambda::Alias',
  'AWS::Lambda::EventInvokeConfig',
  'AWS::Logs::ResourcePolicy',
  'AWS::Logs::LogStream',
  'AWS::Logs::SubscriptionFilter',
  'AWS::Backup::BackupSelection',
  'AWS::DynamoDB::GlobalTable',
  'AWS::ApiGateway::Account',
  'AWS::ApiGateway::Resource',
  'AWS::ApiGateway::Method',
  'AWS::ApiGateway::Deployment',
  'AWS::ApiGateway::Authorizer',
  'AWS::ApiGateway::RequestValidator',
  'AWS::ApiGateway::GatewayResponse',
  'AWS::ApiGatewayV2::Route',
  'AWS::ApiGatewayV2::Integration',
  'AWS::ApiGatewayV2::Authorizer',
  'AWS::ApiGatewayV2::Deployment',
  'AWS::Cognito::UserPoolClient',
  'AWS::Cognito::UserPoolDomain',
  'AWS::Cognito::UserPoolIdentityProvider',
  'AWS::Events::Archive',
  'AWS::ApplicationAutoScaling::ScalingPolicy',
  'AWS::AutoScaling::ScalingPolicy',
  'AWS::Scheduler::Schedule',
  'AWS::Glue::Database',
  'AWS::Glue::SecurityConfiguration',
  'AWS::SecretsManager::RotationSchedule',
  'AWS::SecretsManager::SecretTargetAttachment',
  'AWS::CloudFront::OriginAccessControl',
  'AWS::CloudFront::CachePolicy',
  'AWS::CloudFront::ResponseHeadersPolicy',
  'AWS::Route53::RecordSet',
  'AWS::Route53::RecordSetGroup',
  'AWS::WAFv2::WebACLAssociation',
  'AWS::WAFv2::LoggingConfiguration',
  'AWS::AppSync::DataSource',
  'AWS::AppSync::GraphQLSchema',
  'AWS::AppSync::Resolver',
  'AWS::AppSync::ApiKey',
  'AWS::SES::ConfigurationSetEventDestination',
  'AWS::ECS::ClusterCapacityProviderAssociations',
]);

export interface Tag {
  key: string;
  value: Value;
}

/** Puts `tags` into `props` the way `type` expects them; returns props unchanged for untaggable types. */
export function applyTags(type: string, props: Record<string, Value>, tags: Tag[]): Record<string, Value> {
  if (UNTAGGABLE.has(type) || tags.length === 0) return props;
  const spec = TAG_PROPERTY[type] ?? { property: 'Tags', style: 'list' as const };
  if (props[spec.property] !== undefined) return props;
  let value: Value;
  if (spec.style === 'map') value = Object.fromEntries(tags.map((t) => [t.key, t.value]));
  else if (spec.style === 'asg') value = tags.map((t) => ({ Key: t.key, Value: t.value, PropagateAtLaunch: true }));
  else value = tags.map((t) => ({ Key: t.key, Value: t.value }));
  return { ...props, [spec.property]: value };
}

/** Whether the generator tags `type` (used by the tag-coverage test). */
export function isTagged(type: string): boolean {
  return !UNTAGGABLE.has(type);
}
