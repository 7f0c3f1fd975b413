import type { ToolEntry } from '../../tool.js';

/**
 * Tools of the aws area, one file each in this folder, loaded on first use. They exist only when the user opted in:
 * the four that read (and preview) with `--aws-live` / AWS_ARCHITECT_AWS_LIVE=1, the deploy tool only with the
 * explicit `--allow-writes` flag. Without credentials they stay listed and answer "not configured".
 */
const live: ToolEntry['when'] = (c) => c.aws.liveTools || c.aws.allowWrites;

export const awsTools: ToolEntry[] = [
  { load: async () => (await import('./cfn_validate_remote.js')).cfnValidateRemote, when: live },
  { load: async () => (await import('./cfn_preview_changes.js')).cfnPreviewChanges, when: live },
  { load: async () => (await import('./cfn_stack_status.js')).cfnStackStatus, when: live },
  { load: async () => (await import('./cfn_detect_drift.js')).cfnDetectDrift, when: live },
  { load: async () => (await import('./cfn_execute_change_set.js')).cfnExecuteChangeSet, when: (c) => c.aws.allowWrites },
];
