import { defineService } from '../types.js';

export default defineService({
  id: 'cognito',
  name: 'Amazon Cognito',
  aliases: ['cognito', 'user pool', 'authentication', 'sign-in', 'login', 'identity', 'oauth', 'oidc'],
  layer: 'security',
  role: 'component',
  summary: 'Customer identity: user pools with sign-up and sign-in, MFA, social (Google, Apple, Facebook, Amazon) and SAML/OIDC federation, issuing JWTs that API Gateway and AppSync verify.',
  goodFor: ['end-user sign-in for web and mobile apps', 'social and enterprise federation', 'JWT authorization in API Gateway and AppSync without code'],
  badFor: ['heavily customised login UX without custom code', 'very high authentication rates without a quota increase', 'workforce access to the AWS console (IAM Identity Center)'],
  limits: [
    { key: 'auth-rate', what: 'User authentication requests per second (per category, default)', value: 120, unit: 'requests/second', adjustable: true, impact: 'login spikes at launch need a quota increase' },
    { key: 'users', what: 'Users per user pool', value: 40000000, unit: 'users', adjustable: true, impact: 'rarely binding' },
    { key: 'custom-attributes', what: 'Custom attributes per pool', value: 50, unit: 'attributes', adjustable: false, impact: 'profile data belongs in your database' },
  ],
  scaling: { model: 'automatic, subject to API request-rate quotas', scalesToZero: true, latency: 'hundreds of ms per sign-in; JWT checks are local', availability: 'regional, multi-AZ managed service (users are not replicated across regions)' },
  operations: { burden: 1, notes: ['user pools cannot be renamed or moved between regions; plan DR with user export or re-federation', 'some attributes are immutable after creation'] },
  pricing: { model: 'per monthly active user by feature plan (Lite, Essentials, Plus); federated users priced separately', dimensions: ['monthly active users', 'SMS for MFA', 'machine-to-machine token requests'], idleCost: 'none', atScale: 'neutral', freeTier: '10,000 MAUs a month on Lite and Essentials' },
  compliance: { hipaa: ['Amazon Cognito'], pci: ['Amazon Cognito'] },
  iac: {
    cloudformation: ['AWS::Cognito::UserPool', 'AWS::Cognito::UserPoolClient', 'AWS::Cognito::UserPoolIdentityProvider', 'AWS::Cognito::UserPoolDomain'],
    terraform: ['aws_cognito_user_pool', 'aws_cognito_user_pool_client', 'aws_cognito_identity_provider', 'aws_cognito_user_pool_domain'],
    cdk: ['aws_cognito.UserPool', 'aws_cognito.UserPoolClient', 'aws_cognito.UserPoolIdentityProviderGoogle'],
  },
  security: [
    { setting: 'MFA', recommendation: 'required for PHI or payment data, optional otherwise (TOTP or passkeys over SMS)', why: 'account takeover is the top risk' },
    { setting: 'Password policy', recommendation: 'at least 12 characters (14 for regulated data)', why: 'resists guessing' },
    { setting: 'Threat protection', recommendation: 'Plus plan threat protection for regulated or high-value apps', why: 'adaptive authentication and compromised-credential checks' },
    { setting: 'App clients', recommendation: 'authorization code with PKCE, no implicit grant, short token lifetimes', why: 'tokens cannot be intercepted from URLs' },
    { setting: 'Deletion protection', recommendation: 'on', why: 'users cannot be recreated with the same ids' },
  ],
  related: ['apigateway-http', 'apigateway-rest', 'appsync'],
});
