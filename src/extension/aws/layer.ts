/**
 * The AWS layer (dist/aws.js, with the AWS SDK), loaded on first use: when the Clusters view becomes visible or
 * an AWS command runs, never at activation. `require('../../aws/index')` becomes `require('./aws.js')` in the
 * bundle (scripts/build.mjs); nothing else in the extension imports the SDK or src/aws/index.
 */
import type * as AwsLayer from '../../aws/index';

export type AwsLayerModule = typeof AwsLayer;

let layer: AwsLayerModule | undefined;

/** The AWS layer, loading it the first time. Throws when the bundle cannot be loaded. */
export function loadAwsLayer(): AwsLayerModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  layer ??= require('../../aws/index') as AwsLayerModule;
  return layer;
}

/** The AWS layer if something already loaded it (disposing clients must not load it). */
export function peekAwsLayer(): AwsLayerModule | undefined {
  return layer;
}

/** Whether the AWS layer (and with it the SDK) is loaded in this extension host. */
export function isAwsLoaded(): boolean {
  if (layer) return true;
  // Another path may have required the bundle: look for it in the module cache too.
  return Object.keys(require.cache).some((k) => /[\\/]dist[\\/]aws\.js$/.test(k) || /[\\/]@aws-sdk[\\/]client-ecs[\\/]/.test(k));
}
