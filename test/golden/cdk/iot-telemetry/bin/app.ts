#!/usr/bin/env node
// iot-telemetry: one stack per delivery stage; the last one hosts the pipeline when the design has one.
import * as cdk from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { IotTelemetryStack } from '../lib/iot-telemetry-stack';

const app = new cdk.App();
const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: 'eu-central-1' };
const stages = [{ stage: 'staging', hostsPipeline: false }, { stage: 'production', hostsPipeline: true }];
for (const s of stages) {
  new IotTelemetryStack(app, `iot-telemetry-${s.stage}`, { env, stage: s.stage, hostsPipeline: s.hostsPipeline, description: `iot-telemetry (${s.stage}): generated from the design model` });
}

// `cdk synth -c nag=true` checks every stack with cdk-nag; acknowledged findings carry their reason.
if (app.node.tryGetContext('nag') === 'true') {
  cdk.Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}
