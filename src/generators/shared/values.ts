import type { Component } from '../../model/index.js';

/**
 * What emitters build resources from: plain JSON plus values only a target can write. The emitters in
 * src/generators/shared decide every resource once; CloudFormation renders a {@link Val} as an intrinsic function
 * (`!Ref`, `!GetAtt`, `!Sub`), the CDK as a TypeScript expression (`queue.queueArn`, a template literal).
 */

/**
 * A value the target renders: a reference to a resource or one of its attributes, a substitution, an intrinsic
 * function, a JSON- or map-typed property. Emitters pass it around and never look inside; only the target that
 * made it reads it back.
 */
export interface Val {
  /** Type-only brand: a Val comes from a target's methods, never from an object literal. */
  readonly __targetValue: true;
}

/** A property value: JSON, target values, and `undefined` for a property left out. */
export type Prop = string | number | boolean | null | undefined | Val | Prop[] | { [key: string]: Prop };

/** An IAM policy statement, CloudFormation-shaped. `why` explains any wildcard to cdk-nag and is never rendered. */
export interface Stmt {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: Prop;
  Action: string | string[];
  Resource?: Val | string | Array<Val | string>;
  Condition?: Prop;
  why?: string;
}

/** Who produced a resource: the foundation (network, keys, logging), a component, or the operations layer. */
export type Owner = 'platform' | 'operations' | Component;

/** Subnet tiers of the generated VPC. */
export type SubnetTier = 'public' | 'private' | 'isolated';

/** Where AWS Backup finds a stateful component, or why it does not cover it. */
export type BackupTarget = { arn: Val } | { unsupported: string };
