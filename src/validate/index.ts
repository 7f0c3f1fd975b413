/**
 * Validators for infrastructure as code: CloudFormation (the resource specification plus AWS's own validator) and
 * Terraform (HCL syntax plus the AWS provider schema extracted at build time). Generators validate what they emit
 * through these functions, and emit CloudFormation YAML through {@link stringifyCfnYaml} so both sides agree on tags.
 */
export { validateCloudFormation, toPointer, type CfnValidateOptions } from './cfn/validate.js';
export { parseCfnTemplate, stringifyCfnYaml, CfnParseError, CFN_TAGS, SHORT_FORM_FUNCTIONS } from './cfn/yaml.js';
export { CfnEngineHost, EngineUnavailable, sharedEngineHost, stopSharedEngine, type EngineHostOptions } from './cfn/engine.js';
export { loadCfnSpec } from './cfn/spec.js';
export { buildReport, countFindings, formatFinding, findingLocation, parseFailure, sortFindings, type ValidationReport, type ValidationFinding } from './report.js';
export { validateTerraform, type TfFile } from './tf/validate.js';
export { loadTfSchema, tfSchemaPath, type TfSchema, type TfSchemaHeader } from './tf/schema.js';
export { detectFormat, validateTemplateFiles, TEMPLATE_FORMATS, type TemplateFormat, type TemplateInput } from './template.js';
