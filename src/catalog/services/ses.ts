import { defineService } from '../types.js';

export default defineService({
  id: 'ses',
  name: 'Amazon Simple Email Service',
  aliases: ['ses', 'email', 'send email', 'simple email service', 'transactional email'],
  layer: 'integration',
  role: 'component',
  summary: 'Transactional and bulk email sending (and receiving) with DKIM-verified domains, configuration sets for bounce and complaint events, and dedicated IPs.',
  goodFor: ['transactional email (sign-up, receipts, reminders, contact forms)', 'notifications to staff'],
  badFor: ['marketing campaigns needing list management and analytics UI', 'sending before production access (sandbox limits)'],
  limits: [
    { key: 'sandbox-daily', what: 'Messages per 24 hours in the sandbox', value: 200, unit: 'messages', adjustable: true, impact: 'request production access before launch; sandbox sends only to verified addresses' },
    { key: 'sandbox-rate', what: 'Sending rate in the sandbox', value: 1, unit: 'messages/second', adjustable: true, impact: 'production quotas start higher and grow with reputation' },
    { key: 'message-size', what: 'Message size including attachments (v2 API)', value: 40, unit: 'MB', adjustable: false, impact: 'link to large files instead of attaching' },
  ],
  scaling: { model: 'account sending quotas', scalesToZero: true, latency: 'seconds to deliver', availability: 'regional managed service' },
  operations: { burden: 1, notes: ['monitor bounce and complaint rates (account reviews above a few percent)', 'DKIM, SPF and DMARC records'] },
  pricing: { model: 'per 1,000 emails plus per GB of attachments', dimensions: ['emails sent', 'attachment GB', 'dedicated IPs'], idleCost: 'none', atScale: 'efficient' },
  compliance: { hipaa: ['Amazon Simple Email Service'], pci: ['Amazon Simple Email Service'] },
  iac: {
    cloudformation: ['AWS::SES::EmailIdentity', 'AWS::SES::ConfigurationSet'],
    terraform: ['aws_sesv2_email_identity', 'aws_sesv2_configuration_set'],
    cdk: ['aws_ses.EmailIdentity', 'aws_ses.ConfigurationSet'],
  },
  security: [
    { setting: 'Domain authentication', recommendation: 'Easy DKIM plus SPF and DMARC', why: 'mail is not spoofable and lands in inboxes' },
    { setting: 'TLS', recommendation: 'configuration set with TLS policy REQUIRE', why: 'encryption in transit to recipients' },
    { setting: 'Content', recommendation: 'no PHI or card data in email bodies; link to the portal', why: 'email leaves your control' },
  ],
  related: ['lambda', 'sqs'],
});
