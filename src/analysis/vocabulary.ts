import type { ComplianceFramework, WorkloadPattern } from '../model/index.js';

/**
 * The words that signal each requirement, as data. Patterns run on normalised (lower-case) text. Keeping them in
 * one table makes the analyser's behaviour reviewable: a missed phrase is one line to add.
 */

export const PATTERN_RULES: ReadonlyArray<[WorkloadPattern, RegExp]> = [
  ['realtime', /\b(chat|messaging app|instant messag\w*|websockets?|live (updates|chat|feed|scores|location|tracking|collaboration)|multiplayer|real[- ]?time (chat|messag\w*|updates|notifications|collaboration|game|gaming|location|tracking|feed)|presence|typing indicators?)\b/],
  ['graphql-api', /\bgraphql\b/],
  ['rest-api', /\b(rest(ful)?|api|apis|endpoints?|crud|mobile backend|backend for (an? )?(mobile|web|ios|android))\b/],
  ['ecommerce', /\b(e-?commerce|online (store|shop)|web ?shop|storefront|shopping carts?|checkout|product catalog(ue)?|marketplace)\b/],
  ['iot-ingest', /\b(iot|sensors?|telemetry|mqtt|smart meters?|connected (cars|vehicles|devices)|devices? (send|report|publish|emit)s?)\b/],
  ['streaming-analytics', /\b(click-?stream|stream(ing)? (analytics|processing|data)|real[- ]?time (analytics|metrics|aggregat\w*)|event stream|events? per second|anomal(y|ies)|kinesis|kafka)\b/],
  ['batch-etl', /\b(etl|elt|batch (jobs?|processing|pipeline)|data pipeline|transformation jobs?|transform(ed|s)? and load|loaded into (a|the) warehouse|files from partners|(nightly|every night|daily)[^.;]{0,60}\b(files|csv|parquet|data|imports?|exports?|loads?|feeds?))\b/],
  ['ml-inference', /\b(inference|machine learning|ml model|models? (serving|predict\w*)|predictions?|classif(y|ier|ication)|recommendation (engine|model|service)|computer vision|image recognition|llm|generative ai|gen ?ai|embeddings?)\b/],
  ['static-site', /\b(static (site|website|pages|web ?site)|marketing (site|website|web ?site|pages)|landing pages?|next\.?js (static )?export|gatsby|hugo|jekyll|brochure (site|website))\b/],
  ['saas-multitenant', /\b(multi-?tenant|tenants?|saas)\b/],
  ['event-driven', /\b(event[- ]driven|domain events|publish(es|ing)? (domain |order )?events|pub\/?sub|event bus|micro-?services|choreograph\w*|sagas?|order events)\b/],
  ['file-transfer', /\b(s?ftp|ftps|as2|file transfers?|partners? (send|upload|deliver|drop)s? files)\b/],
  ['search', /\b(search(able|ing)?|full[- ]text|faceted|facets|autocomplete|type-?ahead)\b/],
  ['data-warehouse', /\b(data ?warehouse|warehouse|bi dashboards?|business intelligence|reporting dashboards?|olap)\b/],
  ['internal-tool', /\b(internal (tool|app|application|admin|dashboard|portal|system)|back-?office|admin (tool|panel|app|portal)|employees only|staff only|for our (staff|employees|team))\b/],
];

/** Features worth carrying forward; selection reads them. */
export const FEATURE_RULES: ReadonlyArray<[string, RegExp]> = [
  ['media-uploads', /\b(upload(s|ed|ing)? (of )?(\w+ )?(images?|photos?|pictures?|videos?|media|attachments?)|(images?|photos?|videos?|media|attachments?) (uploads?|in chats?)|user[- ]generated content)\b/],
  ['document-uploads', /\b(upload(s|ed|ing)? (of )?(\w+ )?(files?|documents?|pdfs?|scans?)|(pdfs?|documents?|files?|scans?) (uploads?)|supporting documents)\b/],
  ['document-downloads', /\b(download(s|ing)? (\w+ )?(lab results|results|documents?|reports?|pdfs?|files|invoices|statements|receipts)|pdfs?)\b/],
  ['message-history', /\b((message|chat|conversation) (history|archive)|keep (the )?(messages|history)|history of (messages|chats|conversations))\b/],
  ['presence', /\b(presence|online status|who is online|typing indicators?)\b/],
  ['sessions', /\bsessions?\b/],
  ['notifications', /\b(notif(y|ies|ied|ication|ications)|reminders?|push notifications?)\b/],
  ['push-notifications', /\bpush notifications?\b/],
  ['email', /\b(e-?mails? (the|to|our|sales|team|users|customers|patients|staff|support)|send(s|ing)? (an |the )?e-?mails?|e-?mail (notifications?|reminders?|alerts?|confirmations?|receipts?)|contact form)\b/],
  ['contact-form', /\bcontact (us )?form\b/],
  ['scheduled-jobs', /\b(nightly|every (night|day|morning|hour|week)|(daily|hourly|weekly) (jobs?|batch(es)?|exports?|reports?|runs?|imports?|loads?)|cron|scheduled (jobs?|tasks?|runs?|exports?|reports?))\b/],
  ['oncall-alerts', /\b(on-?call|pager|failures? (must|should) alert|alert (the|an) (engineer|team|on-?call))\b/],
  ['anomaly-alerts', /\banomal(y|ies)\b/],
  ['retries', /\b(re-?run(nable)?|retr(y|ies|ied)|idempotent)\b/],
  ['payments-via-provider', /\b(stripe|braintree|adyen|paypal|square|checkout\.com|payment (provider|processor|gateway))\b/],
  ['third-party-apis', /\b(third[- ]party apis?|external apis?|webhooks?|integrat(e|es|ion) with (salesforce|sap|hubspot|twilio|slack|zendesk|[a-z]+'s api))\b/],
  ['custom-domain', /\b(custom domain|own domain|domain name|vanity (url|domain)|https)\b/],
  ['web-frontend', /\b(portal|single[- ]page app(lication)?|spa|react (app|frontend)|front-?end|web app(lication)? (for|where))\b/],
  ['dashboards', /\bdashboards?\b/],
  ['ordering', /\b(in order|strict(ly)? ordered|exactly[- ]once|fifo)\b/],
  ['audit-logging', /\baudit (log|logs|logging|trail)\b/],
  ['encryption', /\bencrypt(ion|ed)?\b/],
  ['gpu', /\bgpus?\b/],
  ['partner-api-keys', /\b(api keys?|usage plans?|partners? (call|integrate|access)|rate limits? per (client|partner|customer))\b/],
  ['file-validation', /\b(validat(e|ed|ion)|clean(ed|ing)?|dedup\w*)\b/],
  ['workflow', /\b(sagas?|workflows?|orchestrat\w*|multi-step (process|flow)s?)\b/],
  ['mobile-offline', /\b(offline (mode|sync|first)|sync when online)\b/],
];

export const CLIENT_RULES: ReadonlyArray<['web' | 'mobile' | 'iot' | 'partner' | 'internal', RegExp]> = [
  ['web', /\b(web( app| client| frontend| browser)?|browsers?|websites?|web ?site|portal|spa|single[- ]page)\b/],
  ['mobile', /\b(mobile|ios|android|iphone|app store|play store)\b/],
  ['iot', /\b(iot|sensors?|devices?|telemetry|mqtt)\b/],
  ['partner', /\b(partners?|b2b|merchants?|suppliers|third[- ]party (clients|integrators))\b/],
  ['internal', /\b(internal|employees|staff|back-?office)\b/],
];

/** Compliance regimes; negated mentions ("no HIPAA data") are ignored by the extractor. */
export const COMPLIANCE_RULES: ReadonlyArray<[ComplianceFramework, RegExp]> = [
  ['hipaa', /\b(hipaa|phi|protected health information|ephi)\b/],
  ['pci-dss', /\b(pci(-| )?dss|pci|cardholder data|card vault|store (card|credit card) (numbers|data)|card numbers are stored)\b/],
  ['soc2', /\bsoc ?2\b/],
  ['gdpr', /\b(gdpr|general data protection regulation)\b/],
  ['fedramp', /\bfedramp\b/],
  ['iso27001', /\biso ?27001\b/],
];

/** Signals of personal or sensitive data, for classification when no regime is named. */
export const HEALTH_DATA = /\b(health (records?|data|information)|medical (records?|data)|patients?|clinic(s|al)?|lab results|diagnos\w+|prescriptions?)\b/;
export const PERSONAL_DATA = /\b(users?|customers?|patients?|members?|accounts?|profiles?|sign[- ]?(in|up)|log[- ]?in|personal data|pii|email addresses|employees|students|players|subscribers|tenants?)\b/;
export const CARD_DATA = /\b(card numbers?|credit cards?|cardholder|pan\b|card payments?|payments?)\b/;
/** Card data kept out of scope: a provider takes it and the system never stores it. */
export const CARD_OUT_OF_SCOPE = /\b(never (store|see|touch|handle)s?|do(es)? not (store|see|touch|handle)|don't (store|see|touch|handle)|no card (data|numbers)|tokeni[sz]ed by|hosted (checkout|payment page)|go(es)? through (stripe|braintree|adyen|paypal|square))\b/;

export const AUTH_RULE = /\b(sign[- ]?(in|up|on)|log[- ]?in|logins?|authenticat\w*|user accounts?|passwords?|mfa|2fa|sso|single sign-on)\b/;
export const PROVIDER_RULES: ReadonlyArray<[string, RegExp]> = [
  ['google', /\bgoogle\b/],
  ['apple', /\b(apple|sign in with apple)\b/],
  ['facebook', /\bfacebook\b/],
  ['amazon', /\blogin with amazon\b/],
  ['saml', /\b(saml|sso|single sign-on|okta|azure ad|entra( id)?|active directory|adfs|corporate (identity|login|accounts))\b/],
  ['oidc', /\b(oidc|openid connect|github login|auth0)\b/],
  ['email', /\b(e-?mail (and|or|\/) ?password|e-?mail or google|with e-?mail|e-?mail sign[- ]?(in|up)|e-?mail address(es)? to sign)\b/],
];

export const COMPUTE_RULES: ReadonlyArray<['serverless' | 'containers' | 'kubernetes' | 'vms', RegExp]> = [
  ['kubernetes', /\b(kubernetes|k8s|eks|helm)\b/],
  ['containers', /\b(containers?|docker|containeri[sz]ed|ecs|fargate)\b/],
  ['serverless', /\b(serverless|no servers|(rather|prefer) not (to )?(manage|run|maintain|patch) servers|(not|don't|do not) want to (manage|run|maintain) (servers|infrastructure)|without (managing )?servers|lambda)\b/],
  ['vms', /\b(vms?|virtual machines|ec2 instances|bare metal)\b/],
];

export const LANGUAGE_RULES: ReadonlyArray<[string, RegExp]> = [
  ['typescript', /\btypescript\b/],
  ['javascript', /\b(javascript|node(\.?js)?)\b/],
  ['python', /\b(python|django|flask|fastapi)\b/],
  ['java', /\b(java|spring( boot)?)\b/],
  ['kotlin', /\bkotlin\b/],
  ['go', /\b(golang|in go|go (developers|engineers|services))\b/],
  ['csharp', /\b(c#|\.net|dotnet)\b/],
  ['ruby', /\b(ruby|rails)\b/],
  ['rust', /\brust\b/],
  ['php', /\b(php|laravel)\b/],
];

/** Service names people write, to catalog ids (engines such as PostgreSQL are handled as features). */
export const SERVICE_NAMES: ReadonlyArray<[string, RegExp]> = [
  ['dynamodb', /\bdynamo(db)?\b/],
  ['aurora', /\baurora\b/],
  ['rds', /\b(amazon )?rds\b/],
  ['documentdb', /\b(documentdb|docdb|mongo(db)?)\b/],
  ['elasticache', /\b(elasticache|redis|valkey|memcached)\b/],
  ['opensearch', /\b(opensearch|elasticsearch)\b/],
  ['msk', /\b(kafka|msk)\b/],
  ['lambda', /\blambdas?\b/],
  ['ecs-fargate', /\b(ecs|fargate)\b/],
  ['eks', /\b(eks|kubernetes|k8s)\b/],
  ['app-runner', /\bapp ?runner\b/],
  ['lightsail', /\blightsail\b/],
  ['appsync', /\bappsync\b/],
  ['cognito', /\bcognito\b/],
  ['sqs', /\bsqs\b/],
  ['sns', /\bsns\b/],
  ['eventbridge', /\beventbridge\b/],
  ['kinesis-streams', /\bkinesis( data streams?)?\b/],
  ['step-functions', /\bstep functions?\b/],
  ['glue-job', /\b(aws )?glue\b/],
  ['redshift', /\bredshift\b/],
  ['athena', /\bathena\b/],
  ['sagemaker-endpoint', /\bsagemaker\b/],
  ['bedrock', /\bbedrock\b/],
  ['timestream', /\b(timestream|influxdb)\b/],
  ['neptune', /\bneptune\b/],
  ['memorydb', /\bmemorydb\b/],
  ['aws-batch', /\baws batch\b/],
  ['emr', /\b(emr|hadoop)\b/],
  ['cloudfront', /\bcloudfront\b/],
  ['transfer-family', /\btransfer family\b/],
  ['iot-core', /\biot core\b/],
];

/** Words that turn a service mention into a stated preference or a rule-out. */
export const PREFER_WORDS = /\b(use|using|prefer|preferred|want|would like|like to use|must use|standardi[sz]ed on|already (use|run|on)|knows?|experienced (with|in)|familiar with|on)\s+([a-z0-9.\- ]+ )?$/;
export const AVOID_WORDS = /\b(no|not|avoid|without|never|don't want|do not want|rather not|instead of|rule out|ruled out)\s+([a-z0-9.\- ]+ )?$/;

export const ENGINE_RULES: ReadonlyArray<[string, RegExp]> = [
  ['postgresql', /\b(postgres(ql)?|pg)\b/],
  ['mysql', /\b(mysql|mariadb)\b/],
  ['mongodb', /\bmongo(db)?\b/],
];

/** Residency phrases to jurisdictions (`jurisdiction` in the region data). */
export const RESIDENCY_PLACES: ReadonlyArray<[RegExp, string, string | undefined]> = [
  // [place, jurisdiction, preferred region]
  [/\b(the )?(eu|european union)\b/, 'EU', undefined],
  [/\beurope\b/, 'EU', undefined],
  [/\bgermany\b/, 'EU', 'eu-central-1'],
  [/\bfrance\b/, 'EU', 'eu-west-3'],
  [/\bireland\b/, 'EU', 'eu-west-1'],
  [/\bitaly\b/, 'EU', 'eu-south-1'],
  [/\bspain\b/, 'EU', 'eu-south-2'],
  [/\bsweden\b/, 'EU', 'eu-north-1'],
  [/\b(the )?(us|usa|united states)\b/, 'US', undefined],
  [/\bcanada\b/, 'CA', 'ca-central-1'],
  [/\b(the )?(uk|united kingdom|britain)\b/, 'UK', 'eu-west-2'],
  [/\bswitzerland\b/, 'CH', 'eu-central-2'],
  [/\baustralia\b/, 'AU', 'ap-southeast-2'],
  [/\bjapan\b/, 'JP', 'ap-northeast-1'],
  [/\bindia\b/, 'IN', 'ap-south-1'],
  [/\bbrazil\b/, 'BR', 'sa-east-1'],
  [/\bsingapore\b/, 'SG', 'ap-southeast-1'],
  [/\b(south )?korea\b/, 'KR', 'ap-northeast-2'],
];

/** "must stay in X", "X only", "within X": the phrasing of a residency requirement. */
export const RESIDENCY_CUE = /(stay|remain|reside|be stored|be kept|be hosted|be processed|residency|resident|sovereign\w*)\s+(in|within|inside)\s+([a-z. ]{2,30})|\b(in|within)\s+(the )?([a-z. ]{2,20}?)\s+only\b|\b([a-z. ]{2,20}?)\s+(regions? only|only regions?|data residency)\b/g;

/** Region names people write with the word "region", to codes. */
export const REGION_NAMES: ReadonlyArray<[RegExp, string]> = [
  [/\bn(orth(ern)?)?\.? virginia\b/, 'us-east-1'],
  [/\bohio\b/, 'us-east-2'],
  [/\bn(orth(ern)?)?\.? california\b/, 'us-west-1'],
  [/\boregon\b/, 'us-west-2'],
  [/\bfrankfurt\b/, 'eu-central-1'],
  [/\bireland\b/, 'eu-west-1'],
  [/\blondon\b/, 'eu-west-2'],
  [/\bparis\b/, 'eu-west-3'],
  [/\bstockholm\b/, 'eu-north-1'],
  [/\bmilan\b/, 'eu-south-1'],
  [/\bzurich\b/, 'eu-central-2'],
  [/\bsydney\b/, 'ap-southeast-2'],
  [/\btokyo\b/, 'ap-northeast-1'],
  [/\bsingapore\b/, 'ap-southeast-1'],
  [/\bmumbai\b/, 'ap-south-1'],
  [/\bsao paulo\b/, 'sa-east-1'],
  [/\bcanada central\b/, 'ca-central-1'],
];

export const TIGHT_BUDGET = /\b(budget is tight|tight budget|budget matters|cost matters|on a budget|cheap|as cheap|low[- ]cost|cost[- ]sensitive|minimal cost|shoestring|keep (the )?costs? (low|down)|cost is (a|the) (big |main )?concern|small budget|limited budget)\b/;
export const FLEXIBLE_BUDGET = /\b(cost is not a concern|budget is flexible|money is no object|cost (doesn't|does not) matter)\b/;

export const LOW_OPS = /\b(no (ops|devops|sre|operations) (team|people|staff)|small team|(rather|prefer) not (to )?(manage|run|maintain|patch)|(not|don't|do not) want to (manage|run|maintain)|startup|solo developer|one developer)\b/;
export const HIGH_OPS = /\b(platform team|sre team|devops team|ops team|we run kubernetes|experienced (ops|sre)|24\/7 operations)\b/;
