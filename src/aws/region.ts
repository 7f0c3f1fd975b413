import { REGION_CODES, isRegionCode } from '../model/region-data.js';
import { UserError } from '../shared/errors.js';
import { didYouMean } from '../shared/suggest.js';

/**
 * Regions AWS ships disabled for accounts created after March 2019. A call there from an account that has not
 * enabled the region fails with an "invalid security token" error that says nothing about regions, so the error
 * translator uses this list to explain it.
 */
export const OPT_IN_REGIONS: ReadonlySet<string> = new Set([
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-south-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-west-1',
  'eu-central-2',
  'eu-south-1',
  'eu-south-2',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
]);

// GovCloud, China and the isolated partitions are not in the commercial list but CloudFormation runs there.
const OTHER_PARTITIONS = /^(us-gov|cn|us-iso|us-isob|us-isof|eu-isoe|eusc)-[a-z]+-\d{1,2}$/;

export function isOptInRegion(region: string): boolean {
  return OPT_IN_REGIONS.has(region);
}

/**
 * Returns `region` when it names a region CloudFormation can be called in; otherwise a {@link UserError} on
 * `field` with the closest commercial codes. Refusing typos here matters: an unknown code would otherwise turn
 * into a DNS failure on a made-up endpoint.
 */
export function checkRegion(region: string, field = 'region'): string {
  const code = region.trim();
  if (isRegionCode(code) || OTHER_PARTITIONS.test(code)) return code;
  throw new UserError(
    field,
    `'${region}' is not an AWS Region code${didYouMean(code, REGION_CODES)}`,
    'Use a code such as us-east-1 or eu-west-1 (aws ec2 describe-regions lists the ones enabled for your account).',
  );
}
