/**
 * Live CloudFormation operations for the opt-in aws tools. Everything here talks to AWS through a
 * {@link CfnSession}; tool modules import this barrel lazily, inside their handlers, so the AWS SDK stays off the
 * server's start-up path.
 */
export { createCfnSession, ensureCredentials, CLIENT_DEFAULTS, type CfnSession, type CfnSessionOptions, type CredentialProvider } from '../session.js';
export { toUserError, notConfigured, credentialsError, isThrottlingError } from '../errors.js';
export { checkRegion, isOptInRegion } from '../region.js';
export { systemClock, type Clock } from '../poll.js';
export { bodySource, urlSource, templateTooLarge, TEMPLATE_BODY_LIMIT, type TemplateSource } from './template.js';
export { validateTemplateRemote, type RemoteValidation } from './validate.js';
export { previewChanges, CAPABILITIES, type PreviewRequest, type PreviewResult } from './preview.js';
export { summarizeChanges, describeCounts, assessDataLoss, type ChangeSummary, type ChangeItem } from './changes.js';
export { stackStatus, findStack, requireStack, type StackStatusReport, type StackEventInfo } from './stacks.js';
export { detectDrift, type DriftReport } from './drift.js';
export { executeChangeSet, checkExecutable, type ExecuteResult } from './execute.js';
export { PreviewTokenStore, PREVIEW_TOKEN_TTL_MS, type PreviewGrant } from './tokens.js';
