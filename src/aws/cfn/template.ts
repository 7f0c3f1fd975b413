import { UserError } from '../../shared/errors.js';

/** Largest template CloudFormation accepts inline (TemplateBody), in bytes. */
export const TEMPLATE_BODY_LIMIT = 51_200;

/** Largest template CloudFormation accepts from S3 (TemplateURL), in bytes. */
export const TEMPLATE_URL_LIMIT = 1_000_000;

/** A template to send: its text inline, or an S3 URL CloudFormation fetches itself. */
export type TemplateSource =
  | { kind: 'body'; body: string; bytes: number; field: string; origin: string }
  | { kind: 'url'; url: string; field: string; origin: string };

/**
 * A template given as text. Refuses empty text and text over the inline limit, explaining the S3 route, because
 * AWS's own answer to an oversized body is an opaque length-constraint error.
 */
export function bodySource(body: string, field: string, origin: string): TemplateSource {
  if (body.trim() === '') throw new UserError(field, 'the template is empty', 'Give the CloudFormation template text (YAML or JSON).');
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes > TEMPLATE_BODY_LIMIT) throw templateTooLarge(bytes, field);
  return { kind: 'body', body, bytes, field, origin };
}

/** The error for a template over the inline limit, with the S3 route spelled out. */
export function templateTooLarge(bytes: number, field: string): UserError {
  return new UserError(
    field,
    `the template is ${bytes.toLocaleString('en-US')} bytes; CloudFormation accepts at most ${TEMPLATE_BODY_LIMIT.toLocaleString('en-US')} bytes inline`,
    `Upload it to S3 (e.g. \`aws s3 cp template.yaml s3://<bucket>/template.yaml\`) and pass templateUrl=https://<bucket>.s3.<region>.amazonaws.com/template.yaml (up to 1 MB), or split it into nested stacks.`,
    { bytes, limit: TEMPLATE_BODY_LIMIT },
  );
}

const S3_HTTPS = /^https:\/\/(?:[a-z0-9.-]+\.)?s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?\/\S+$/;

/** A template already uploaded to S3; CloudFormation accepts only its https:// object URL. */
export function urlSource(url: string, field: string): TemplateSource {
  const s3 = /^s3:\/\/([^/]+)\/(.+)$/.exec(url);
  if (s3) {
    throw new UserError(field, `'${url}' is an s3:// URI; CloudFormation needs the object's https URL`, `Use https://${s3[1]}.s3.amazonaws.com/${s3[2]} (or the regional form https://${s3[1]}.s3.<region>.amazonaws.com/${s3[2]}).`);
  }
  if (!S3_HTTPS.test(url)) {
    throw new UserError(field, `'${url}' is not an Amazon S3 https URL`, 'Upload the template to S3 and pass its object URL, e.g. https://my-bucket.s3.eu-west-1.amazonaws.com/template.yaml (website endpoints are not accepted).');
  }
  return { kind: 'url', url, field, origin: url };
}

/** The TemplateBody or TemplateURL request field for a source. */
export function templateRequest(src: TemplateSource): { TemplateBody: string } | { TemplateURL: string } {
  return src.kind === 'body' ? { TemplateBody: src.body } : { TemplateURL: src.url };
}
