import { ValidateTemplateCommand } from '@aws-sdk/client-cloudformation';
import { awsErrorName, rethrowAws } from '../errors.js';
import type { CallOptions, CfnSession } from '../session.js';
import { templateRequest, type TemplateSource } from './template.js';

export interface TemplateParameterInfo {
  key: string;
  defaultValue?: string;
  noEcho: boolean;
  description?: string;
}

/** What AWS says about a template: valid with what it declares, or invalid with AWS's own message. */
export type RemoteValidation =
  | {
      valid: true;
      description?: string;
      parameters: TemplateParameterInfo[];
      /** Capabilities a deployment must acknowledge (CAPABILITY_IAM, CAPABILITY_NAMED_IAM, ...). */
      capabilities: string[];
      capabilitiesReason?: string;
      /** Transforms such as AWS::Serverless-2016-10-31; AWS does not expand them when validating. */
      declaredTransforms: string[];
    }
  | { valid: false; error: string };

/**
 * ValidateTemplate: AWS's own syntax check of a template. An invalid template is an answer, not a failure; every
 * other problem (credentials, permissions, network) is thrown as a UserError.
 */
export async function validateTemplateRemote(session: CfnSession, src: TemplateSource, options: CallOptions = {}): Promise<RemoteValidation> {
  try {
    const out = await session.client.send(new ValidateTemplateCommand(templateRequest(src)), options.signal ? { abortSignal: options.signal } : {});
    return {
      valid: true,
      ...(out.Description ? { description: out.Description } : {}),
      parameters: (out.Parameters ?? []).map((p) => ({
        key: p.ParameterKey ?? '',
        ...(p.DefaultValue !== undefined ? { defaultValue: p.DefaultValue } : {}),
        noEcho: p.NoEcho === true,
        ...(p.Description ? { description: p.Description } : {}),
      })),
      capabilities: out.Capabilities ?? [],
      ...(out.CapabilitiesReason ? { capabilitiesReason: out.CapabilitiesReason } : {}),
      declaredTransforms: out.DeclaredTransforms ?? [],
    };
  } catch (e) {
    if (awsErrorName(e) === 'ValidationError') return { valid: false, error: (e as Error).message };
    rethrowAws(e, { action: 'cloudformation:ValidateTemplate', region: session.region, profile: session.profile, field: src.field });
  }
}
