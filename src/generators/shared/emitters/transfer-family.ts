import type { ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import { designCertificate } from './load-balancer.js';
import { emitter, noPart } from './types.js';

type Sftp = ComponentOfService<'transfer-family'>;

/**
 * A Transfer Family server on the current security policy with structured logging, and the role its users get
 * (the design's grants, e.g. write into the landing bucket); users are added with that role after deployment.
 */
export const transferFamily = emitter('transfer-family', {
  emit(c: Sftp, ctx: Target) {
    const cfg = c.config;
    const logs = ctx.logGroup(c, ctx.id(c, 'LogGroup'));
    const logging = ctx.role(c, ctx.id(c, 'LoggingRole'), {
      services: ['transfer.amazonaws.com'],
      description: `Lets ${c.id} write its logs`,
      assumeCondition: { StringEquals: { 'aws:SourceAccount': ctx.aws.account } },
      statements: [{ Sid: 'WriteLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'], Resource: ctx.att(logs, 'Arn') }],
    });
    const vpc = cfg.endpointType === 'VPC';
    let sg: string | undefined;
    if (vpc) sg = ctx.securityGroup(c, `SFTP server ${c.id}`);
    const cert = cfg.protocols.includes('FTPS') ? designCertificate(ctx) : undefined;
    if (cfg.protocols.includes('FTPS') && !cert) ctx.warn(`components.${c.id}.config.protocols`, `FTPS on ${c.id} needs a certificate; add an acm component`);
    if (cfg.protocols.some((p) => p !== 'SFTP') && !vpc) ctx.warn(`components.${c.id}.config.endpointType`, `FTPS and AS2 need a VPC endpoint on ${c.id}`);
    const server = ctx.resource(c, ctx.id(c, 'Server'), 'AWS::Transfer::Server', {
      Protocols: cfg.protocols,
      EndpointType: vpc ? 'VPC' : 'PUBLIC',
      EndpointDetails: vpc ? { VpcId: ctx.vpcId(), SubnetIds: ctx.computeSubnets(), SecurityGroupIds: [ctx.ref(sg!)] } : undefined,
      IdentityProviderType: cfg.identityProvider,
      Domain: 'S3',
      SecurityPolicyName: 'TransferSecurityPolicy-2024-01',
      LoggingRole: ctx.att(logging.role, 'Arn'),
      StructuredLogDestinations: [ctx.att(logs, 'Arn')],
      Certificate: cert ? ctx.refOf({ component: cert.id, part: 'arn' }) : undefined,
    });
    const users = ctx.role(c, ctx.id(c, 'UserRole'), {
      services: ['transfer.amazonaws.com'],
      description: `Role the ${c.id} users work under`,
      assumeCondition: { StringEquals: { 'aws:SourceAccount': ctx.aws.account } },
      grants: true,
    });
    ctx.alarm(c, ctx.id(c, 'ErrorsAlarm'), { description: `${c.id}: file transfers failing`, namespace: 'AWS/Transfer', metric: 'OnUploadExecutionsFailed', dimensions: { ServerId: `\${${server}.ServerId}` }, threshold: 1, comparison: 'GreaterThanOrEqualToThreshold' });
    ctx.output(`${ctx.prefixes.get(c.id)}ServerId`, ctx.att(server, 'ServerId'), `Transfer server ${c.id}`);
    ctx.output(`${ctx.prefixes.get(c.id)}UserRoleArn`, ctx.att(users.role, 'Arn'), `Role to give the users of ${c.id}`);
  },
  ref(c, part, ctx) {
    if (part === 'arn') return ctx.att(ctx.id(c, 'Server'), 'Arn');
    if (part === 'role') return ctx.att(ctx.id(c, 'UserRole'), 'Arn');
    return noPart('transfer-family', part);
  },
  env() {
    return {};
  },
});
