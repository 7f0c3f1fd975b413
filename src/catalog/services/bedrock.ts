import { defineService } from '../types.js';

export default defineService({
  id: 'bedrock',
  name: 'Amazon Bedrock',
  aliases: ['bedrock', 'llm', 'foundation models', 'generative ai', 'genai', 'claude', 'large language model'],
  layer: 'compute',
  role: 'knowledge',
  summary: 'Serverless access to foundation models (text, chat, embeddings, images) through one API, with knowledge bases for retrieval-augmented generation, agents and guardrails.',
  goodFor: ['chat, summarisation, extraction and generation with foundation models', 'retrieval-augmented generation over your documents', 'teams that should not host GPUs'],
  badFor: ['custom-trained models of your own architecture (SageMaker)', 'deterministic business rules'],
  limits: [],
  scaling: { model: 'on-demand per token within quotas, or provisioned throughput', scalesToZero: true, latency: 'hundreds of ms to seconds, streaming tokens', availability: 'regional; cross-region inference profiles spread load' },
  operations: { burden: 1, notes: ['tokens-per-minute quotas are per model and account: check and raise them before launch', 'prompt and model versioning', 'evaluate quality and cost per request'] },
  pricing: { model: 'per input and output token by model, or per model-unit hour of provisioned throughput', dimensions: ['input tokens', 'output tokens', 'provisioned throughput hours', 'knowledge base storage'], idleCost: 'none', atScale: 'neutral' },
  compliance: { hipaa: ['Amazon Bedrock'], pci: [], note: 'Not in the PCI file used here; a May 2025 third-party note says Bedrock was added to PCI DSS scope. Check AWS Artifact.' },
  iac: {
    cloudformation: ['AWS::Bedrock::Agent', 'AWS::Bedrock::KnowledgeBase', 'AWS::Bedrock::Guardrail'],
    terraform: ['aws_bedrockagent_agent', 'aws_bedrockagent_knowledge_base', 'aws_bedrock_guardrail'],
    cdk: ['aws_bedrock.CfnAgent', 'aws_bedrock.CfnKnowledgeBase', 'aws_bedrock.CfnGuardrail'],
  },
  security: [
    { setting: 'Guardrails', recommendation: 'content filters and PII redaction on user-facing prompts', why: 'prevents leaking personal data and harmful output' },
    { setting: 'Model access', recommendation: 'IAM limited to the model ARNs used', why: 'least privilege and cost control' },
    { setting: 'Logging', recommendation: 'invocation logging to an encrypted bucket when allowed by policy', why: 'audit of prompts and outputs' },
  ],
  related: ['lambda', 'sagemaker-endpoint', 's3'],
});
