import type { ServerConfig } from '../../../config/types.js';
import type { AnyTool } from '../../tool.js';
import { cfnDetectDrift } from './cfn_detect_drift.js';
import { cfnExecuteChangeSet } from './cfn_execute_change_set.js';
import { cfnPreviewChanges } from './cfn_preview_changes.js';
import { cfnStackStatus } from './cfn_stack_status.js';
import { cfnValidateRemote } from './cfn_validate_remote.js';

/**
 * Tools of the aws area, one file each in this folder. They exist only when the user opted in: the four that
 * read (and preview) with `--aws-live` / AWS_ARCHITECT_AWS_LIVE=1, the deploy tool only with the explicit
 * `--allow-writes` flag. Without credentials they stay listed and answer "not configured".
 */
export function awsTools(config: ServerConfig): AnyTool[] {
  const live = config.aws.liveTools || config.aws.allowWrites;
  if (!live) return [];
  const tools: AnyTool[] = [cfnValidateRemote, cfnPreviewChanges, cfnStackStatus, cfnDetectDrift] as AnyTool[];
  if (config.aws.allowWrites) tools.push(cfnExecuteChangeSet as AnyTool);
  return tools;
}
