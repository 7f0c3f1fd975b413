/**
 * The 34 commercial AWS Regions, with the Price List `location` name each is published under and the
 * jurisdiction its data sits in. Residency rules read `jurisdiction`: "EU only" means `EU`, which excludes
 * London (`UK`) and Zurich (`CH`) even though both are in Europe.
 */
export const REGIONS = [
  { code: 'us-east-1', name: 'US East (N. Virginia)', location: 'US East (N. Virginia)', jurisdiction: 'US', continent: 'North America' },
  { code: 'us-east-2', name: 'US East (Ohio)', location: 'US East (Ohio)', jurisdiction: 'US', continent: 'North America' },
  { code: 'us-west-1', name: 'US West (N. California)', location: 'US West (N. California)', jurisdiction: 'US', continent: 'North America' },
  { code: 'us-west-2', name: 'US West (Oregon)', location: 'US West (Oregon)', jurisdiction: 'US', continent: 'North America' },
  { code: 'ca-central-1', name: 'Canada (Central)', location: 'Canada (Central)', jurisdiction: 'CA', continent: 'North America' },
  { code: 'ca-west-1', name: 'Canada West (Calgary)', location: 'Canada West (Calgary)', jurisdiction: 'CA', continent: 'North America' },
  { code: 'mx-central-1', name: 'Mexico (Central)', location: 'Mexico (Central)', jurisdiction: 'MX', continent: 'North America' },
  { code: 'sa-east-1', name: 'South America (Sao Paulo)', location: 'South America (Sao Paulo)', jurisdiction: 'BR', continent: 'South America' },
  { code: 'eu-west-1', name: 'Europe (Ireland)', location: 'EU (Ireland)', jurisdiction: 'EU', continent: 'Europe' },
  { code: 'eu-west-2', name: 'Europe (London)', location: 'EU (London)', jurisdiction: 'UK', continent: 'Europe' },
  { code: 'eu-west-3', name: 'Europe (Paris)', location: 'EU (Paris)', jurisdiction: 'EU', continent: 'Europe' },
  { code: 'eu-central-1', name: 'Europe (Frankfurt)', location: 'EU (Frankfurt)', jurisdiction: 'EU', continent: 'Europe' },
  { code: 'eu-central-2', name: 'Europe (Zurich)', location: 'EU (Zurich)', jurisdiction: 'CH', continent: 'Europe' },
  { code: 'eu-north-1', name: 'Europe (Stockholm)', location: 'EU (Stockholm)', jurisdiction: 'EU', continent: 'Europe' },
  { code: 'eu-south-1', name: 'Europe (Milan)', location: 'EU (Milan)', jurisdiction: 'EU', continent: 'Europe' },
  { code: 'eu-south-2', name: 'Europe (Spain)', location: 'EU (Spain)', jurisdiction: 'EU', continent: 'Europe' },
  { code: 'il-central-1', name: 'Israel (Tel Aviv)', location: 'Israel (Tel Aviv)', jurisdiction: 'IL', continent: 'Middle East' },
  { code: 'me-central-1', name: 'Middle East (UAE)', location: 'Middle East (UAE)', jurisdiction: 'AE', continent: 'Middle East' },
  { code: 'me-south-1', name: 'Middle East (Bahrain)', location: 'Middle East (Bahrain)', jurisdiction: 'BH', continent: 'Middle East' },
  { code: 'af-south-1', name: 'Africa (Cape Town)', location: 'Africa (Cape Town)', jurisdiction: 'ZA', continent: 'Africa' },
  { code: 'ap-east-1', name: 'Asia Pacific (Hong Kong)', location: 'Asia Pacific (Hong Kong)', jurisdiction: 'HK', continent: 'Asia Pacific' },
  { code: 'ap-east-2', name: 'Asia Pacific (Taipei)', location: 'Asia Pacific (Taipei)', jurisdiction: 'TW', continent: 'Asia Pacific' },
  { code: 'ap-south-1', name: 'Asia Pacific (Mumbai)', location: 'Asia Pacific (Mumbai)', jurisdiction: 'IN', continent: 'Asia Pacific' },
  { code: 'ap-south-2', name: 'Asia Pacific (Hyderabad)', location: 'Asia Pacific (Hyderabad)', jurisdiction: 'IN', continent: 'Asia Pacific' },
  { code: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)', location: 'Asia Pacific (Tokyo)', jurisdiction: 'JP', continent: 'Asia Pacific' },
  { code: 'ap-northeast-2', name: 'Asia Pacific (Seoul)', location: 'Asia Pacific (Seoul)', jurisdiction: 'KR', continent: 'Asia Pacific' },
  { code: 'ap-northeast-3', name: 'Asia Pacific (Osaka)', location: 'Asia Pacific (Osaka)', jurisdiction: 'JP', continent: 'Asia Pacific' },
  { code: 'ap-southeast-1', name: 'Asia Pacific (Singapore)', location: 'Asia Pacific (Singapore)', jurisdiction: 'SG', continent: 'Asia Pacific' },
  { code: 'ap-southeast-2', name: 'Asia Pacific (Sydney)', location: 'Asia Pacific (Sydney)', jurisdiction: 'AU', continent: 'Asia Pacific' },
  { code: 'ap-southeast-3', name: 'Asia Pacific (Jakarta)', location: 'Asia Pacific (Jakarta)', jurisdiction: 'ID', continent: 'Asia Pacific' },
  { code: 'ap-southeast-4', name: 'Asia Pacific (Melbourne)', location: 'Asia Pacific (Melbourne)', jurisdiction: 'AU', continent: 'Asia Pacific' },
  { code: 'ap-southeast-5', name: 'Asia Pacific (Malaysia)', location: 'Asia Pacific (Malaysia)', jurisdiction: 'MY', continent: 'Asia Pacific' },
  { code: 'ap-southeast-6', name: 'Asia Pacific (New Zealand)', location: 'Asia Pacific (New Zealand)', jurisdiction: 'NZ', continent: 'Asia Pacific' },
  { code: 'ap-southeast-7', name: 'Asia Pacific (Thailand)', location: 'Asia Pacific (Thailand)', jurisdiction: 'TH', continent: 'Asia Pacific' },
] as const;

export type RegionInfo = (typeof REGIONS)[number];
export type RegionCode = RegionInfo['code'];

export const REGION_CODES = REGIONS.map((r) => r.code) as unknown as readonly [RegionCode, ...RegionCode[]];

const byCode = new Map<string, RegionInfo>(REGIONS.map((r) => [r.code, r]));
const byLocation = new Map<string, RegionInfo>(REGIONS.map((r) => [r.location, r]));

export function regionInfo(code: string): RegionInfo | undefined {
  return byCode.get(code);
}

/** Price List location name ("EU (Ireland)") or display name ("Europe (Ireland)") to region info. */
export function regionByLocation(location: string): RegionInfo | undefined {
  return byLocation.get(location) ?? REGIONS.find((r) => r.name === location);
}

export function isRegionCode(code: string): code is RegionCode {
  return byCode.has(code);
}

/** Regions whose data stays inside the given jurisdiction (`EU`, `US`, ...). */
export function regionsIn(jurisdiction: string): RegionCode[] {
  return REGIONS.filter((r) => r.jurisdiction === jurisdiction).map((r) => r.code);
}

