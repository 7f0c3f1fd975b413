import type { ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import type { Prop } from '../values.js';
import { emitter, noPart } from './types.js';

type Pool = ComponentOfService<'cognito'>;

const PROVIDER: Record<string, { name: string; type: string; fields: string[]; scopes: string }> = {
  google: { name: 'Google', type: 'Google', fields: ['client_id', 'client_secret'], scopes: 'openid email profile' },
  facebook: { name: 'Facebook', type: 'Facebook', fields: ['client_id', 'client_secret'], scopes: 'public_profile,email' },
  amazon: { name: 'LoginWithAmazon', type: 'LoginWithAmazon', fields: ['client_id', 'client_secret'], scopes: 'profile' },
  apple: { name: 'SignInWithApple', type: 'SignInWithApple', fields: ['client_id', 'team_id', 'key_id', 'private_key'], scopes: 'email name' },
};

/** Cognito trigger an edge sets: its scope when it names one, else post-confirmation. */
function triggerName(scope: string | undefined): string {
  const known = ['PreSignUp', 'PostConfirmation', 'PreAuthentication', 'PostAuthentication', 'PreTokenGeneration', 'CustomMessage', 'DefineAuthChallenge', 'CreateAuthChallenge', 'VerifyAuthChallengeResponse', 'UserMigration'];
  return known.find((k) => k.toLowerCase() === (scope ?? '').replace(/[^A-Za-z]/g, '').toLowerCase()) ?? 'PostConfirmation';
}

/**
 * A user pool with a strong password policy, MFA, account recovery, deletion protection and the design's feature
 * plan; an app client for the OAuth code flow; federated providers whose credentials live in Secrets Manager
 * (never in the template), with a hosted domain when there are any; Lambda triggers from trigger edges.
 */
export const cognito = emitter('cognito', {
  emit(c: Pool, ctx: Target) {
    const cfg = c.config;
    const pool = ctx.id(c, 'UserPool');
    const aliases = cfg.signInAliases;
    const triggers: Record<string, Prop> = {};
    for (const t of ctx.targets(c, ['trigger', 'invoke'], ['lambda'])) {
      triggers[triggerName(ctx.a.connections.find((x) => x.from === c.id && x.to === t.id)?.scope)] = ctx.refOf({ component: t.id, part: 'arn' });
    }
    ctx.resource(
      c,
      pool,
      'AWS::Cognito::UserPool',
      {
        UserPoolName: ctx.sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}`),
        UsernameAttributes: aliases.includes('username') ? undefined : aliases.filter((a) => a !== 'username').map((a) => (a === 'phone' ? 'phone_number' : a)),
        AliasAttributes: aliases.includes('username') ? aliases.filter((a) => a !== 'username').map((a) => (a === 'phone' ? 'phone_number' : a)) : undefined,
        AutoVerifiedAttributes: aliases.includes('phone') && !aliases.includes('email') ? ['phone_number'] : ['email'],
        MfaConfiguration: cfg.mfa,
        EnabledMfas: cfg.mfa === 'OFF' ? undefined : ['SOFTWARE_TOKEN_MFA'],
        Policies: { PasswordPolicy: { MinimumLength: cfg.passwordMinLength, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true, TemporaryPasswordValidityDays: 3 } },
        AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
        DeletionProtection: cfg.deletionProtection ? 'ACTIVE' : 'INACTIVE',
        UserPoolTier: cfg.featurePlan,
        UserPoolAddOns: cfg.featurePlan === 'PLUS' ? { AdvancedSecurityMode: 'ENFORCED' } : undefined,
        LambdaConfig: Object.keys(triggers).length ? triggers : undefined,
      },
      { removal: 'retain' },
    );
    if (cfg.featurePlan !== 'PLUS') ctx.ack(pool, `The design chose the ${cfg.featurePlan} feature plan (featurePlan); threat protection needs PLUS`, 'AwsSolutions-COG8');
    if (cfg.mfa !== 'ON') ctx.ack(pool, `MFA is ${cfg.mfa} in the design (mfa); users can turn it on`, 'AwsSolutions-COG2');

    const providers: string[] = [];
    for (const idp of cfg.identityProviders) {
      const p = PROVIDER[idp];
      if (!p) {
        ctx.warn(`components.${c.id}.config.identityProviders`, `${idp} federation needs the provider's metadata or issuer URL; add it to ${c.id} after deployment`);
        continue;
      }
      const secret = ctx.resource(c, ctx.id(c, `${p.name}Credentials`), 'AWS::SecretsManager::Secret', {
        Description: `${p.name} sign-in credentials for ${c.id}: put the values issued by ${p.name} here`,
        KmsKeyId: ctx.keyArn(),
        GenerateSecretString: { SecretStringTemplate: JSON.stringify(Object.fromEntries(p.fields.slice(0, -1).map((f) => [f, 'set-after-deploy']))), GenerateStringKey: p.fields[p.fields.length - 1]!, PasswordLength: 32, ExcludePunctuation: true },
      }, { removal: 'retain' });
      if (!ctx.cmk) ctx.ack(secret, 'The design uses AWS managed keys (security.encryptionKeys: aws-managed): the secret is encrypted with aws/secretsmanager', 'HIPAA.Security-SecretsManagerUsingKMSKey', 'PCI.DSS.321-SecretsManagerUsingKMSKey');
      ctx.ack(secret, `Credentials issued by ${p.name}; they rotate when ${p.name} reissues them`, 'AwsSolutions-SMG4', 'HIPAA.Security-SecretsManagerRotationEnabled', 'PCI.DSS.321-SecretsManagerRotationEnabled');
      ctx.resource(c, ctx.id(c, `${p.name}Provider`), 'AWS::Cognito::UserPoolIdentityProvider', {
        UserPoolId: ctx.ref(pool),
        ProviderName: p.name,
        ProviderType: p.type,
        ProviderDetails: ctx.json({ ...Object.fromEntries(p.fields.map((f) => [f, ctx.sub(`{{resolve:secretsmanager:\${${secret}}:SecretString:${f}}}`)])), authorize_scopes: p.scopes }),
        AttributeMapping: ctx.json({ email: 'email' }),
      });
      providers.push(p.name);
    }
    if (providers.length) {
      ctx.resource(c, ctx.id(c, 'Domain'), 'AWS::Cognito::UserPoolDomain', { UserPoolId: ctx.ref(pool), Domain: ctx.sub(`${ctx.a.name.slice(0, 16)}-${c.id.slice(0, 12)}-\${EnvironmentName}-\${AWS::AccountId}`), ManagedLoginVersion: 2 });
    }
    ctx.resource(c, ctx.id(c, 'Client'), 'AWS::Cognito::UserPoolClient', {
      UserPoolId: ctx.ref(pool),
      ClientName: `${c.id}-app`,
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: cfg.callbackUrls,
      SupportedIdentityProviders: ['COGNITO', ...providers],
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
    }, { dependsOn: providers.map((p) => ctx.id(c, `${p}Provider`)) });
    ctx.output(`${ctx.prefixes.get(c.id)}UserPoolId`, ctx.ref(pool), `User pool ${c.id}`);
    ctx.output(`${ctx.prefixes.get(c.id)}ClientId`, ctx.ref(ctx.id(c, 'Client')), `App client of ${c.id}`);
  },
  ref(c, part, ctx) {
    if (part === 'arn') return ctx.att(ctx.id(c, 'UserPool'), 'Arn');
    return noPart('cognito', part);
  },
  attr(c, name, ctx) {
    const pool = ctx.id(c, 'UserPool');
    if (name === 'userPoolId') return ctx.ref(pool);
    if (name === 'clientId') return ctx.ref(ctx.id(c, 'Client'));
    if (name === 'issuer') return ctx.att(pool, 'ProviderURL');
    return undefined;
  },
  env(c, ctx) {
    const k = c.id.replace(/-/g, '_').toUpperCase();
    return { [`${k}_USER_POOL_ID`]: ctx.ref(ctx.id(c, 'UserPool')), [`${k}_CLIENT_ID`]: ctx.ref(ctx.id(c, 'Client')) };
  },
});

