/**
 * CloudFormation name -> the camel-case name CDK's L1 classes use: word breaks fall before an upper-case letter
 * that follows a lower-case one, and before the last capital of an acronym that starts a word (`KMSMasterKeyID` ->
 * `kmsMasterKeyId`, `CallbackURLs` -> `callbackUrLs`, `DBInstanceClass` -> `dbInstanceClass`).
 */
export function cdkCamel(name: string): string {
  let out = CAMEL.get(name);
  if (out === undefined) {
    // CDK's generator reads a plural ARNs as one word (ProviderARNs -> providerArns), unlike other acronyms.
    const words = cdkWords(name.replace(/ARNs/g, 'Arns'));
    out = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('');
    CAMEL.set(name, out);
  }
  return out;
}

/** Property names repeat across resources; converting each once keeps generation fast. */
const CAMEL = new Map<string, string>();

/** `attr` + the PascalCase of an attribute name without its dots (`Endpoint.Address` -> `attrEndpointAddress`). */
export function cdkAttr(attribute: string): string {
  const words = attribute.split('.').flatMap(cdkWords);
  return `attr${words.map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()).join('')}`;
}

function cdkWords(name: string): string[] {
  const words: string[] = [];
  let cur = '';
  for (let i = 0; i < name.length; i++) {
    const ch = name[i]!;
    const prev = name[i - 1];
    const next = name[i + 1];
    const upper = ch >= 'A' && ch <= 'Z';
    const lowerOrDigit = prev !== undefined && ((prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9'));
    const acronymEnd = prev !== undefined && prev >= 'A' && prev <= 'Z' && next !== undefined && next >= 'a' && next <= 'z';
    if (cur && upper && (lowerOrDigit || acronymEnd)) {
      words.push(cur);
      cur = '';
    }
    if (ch === '_' || ch === '-') {
      if (cur) words.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (cur) words.push(cur);
  return words;
}
