/** Task volumes: the members that say what a volume is, and which kinds need a name. */

/** The members that configure a volume; a volume with none of them is task storage (a bind mount Docker manages). */
export const VOLUME_CONFIGURATIONS: readonly string[] = [
  'host', 'dockerVolumeConfiguration', 'efsVolumeConfiguration', 'fsxWindowsFileServerVolumeConfiguration', 's3filesVolumeConfiguration',
];

/** Volumes that must have a name (Volume.name): besides these, one configured at launch. */
export const NAMED_VOLUME_CONFIGURATIONS: readonly string[] = ['efsVolumeConfiguration', 's3filesVolumeConfiguration'];

/** A task definition revision has at most this many volumes configured at launch. */
export const MAX_VOLUMES_CONFIGURED_AT_LAUNCH = 1;

/** The Docker volume scope under which autoprovision has an effect. */
export const AUTOPROVISION_SCOPE = 'shared';
