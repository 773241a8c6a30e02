/**
 * Amazon EBS volumes that ECS creates for the tasks of a service (`volumeConfigurations[].managedEBSVolume`): the
 * volume types, their limits, the tag keys ECS keeps for itself and the file systems each operating system mounts.
 */

/** A closed range of whole numbers. */
export interface Limits {
  min: number;
  max: number;
}

export interface EbsVolumeType {
  /** What EBS calls the type, for messages. */
  label: string;
  /** Size in GiB. */
  size: Limits;
  /**
   * Provisioned IOPS: a range the value must fit, `unsupported` when the type takes no iops, or `unchecked` when the
   * sources disagree (gp2: EC2 refuses iops, the ECS reference describes it as the baseline) and a value is left alone.
   */
  iops: Limits | 'unsupported' | 'unchecked';
  /** io1 and io2 cannot be created without iops. */
  iopsRequired: boolean;
  /** Only gp3 takes a provisioned throughput. */
  throughput: boolean;
  /** Fargate tasks cannot attach the magnetic type. */
  fargate: boolean;
}

/**
 * The volume types a service can configure, with their limits. The minimums are those of the ECS API reference
 * (ServiceManagedEBSVolumeConfiguration). The maximums follow Amazon EBS itself, which creates the volume (the
 * parameters "map 1:1" to CreateVolume): io2 (Block Express) volumes reach 64 TiB, and since 2025 gp3 volumes reach
 * 64 TiB and 80,000 IOPS, above the 16 TiB and 16,000 IOPS the ECS reference still states. A limit that may be out of
 * date is never enforced at its lower, older value, so a volume EBS creates is never reported.
 */
export const EBS_VOLUME_TYPES: Readonly<Record<string, EbsVolumeType>> = {
  gp2: { label: 'General Purpose SSD (gp2)', size: { min: 1, max: 16384 }, iops: 'unchecked', iopsRequired: false, throughput: false, fargate: true },
  gp3: { label: 'General Purpose SSD (gp3)', size: { min: 1, max: 65536 }, iops: { min: 3000, max: 80000 }, iopsRequired: false, throughput: true, fargate: true },
  io1: { label: 'Provisioned IOPS SSD (io1)', size: { min: 4, max: 16384 }, iops: { min: 100, max: 64000 }, iopsRequired: true, throughput: false, fargate: true },
  io2: { label: 'Provisioned IOPS SSD (io2)', size: { min: 4, max: 65536 }, iops: { min: 100, max: 256000 }, iopsRequired: true, throughput: false, fargate: true },
  st1: { label: 'Throughput Optimized HDD (st1)', size: { min: 125, max: 16384 }, iops: 'unsupported', iopsRequired: false, throughput: false, fargate: true },
  sc1: { label: 'Cold HDD (sc1)', size: { min: 125, max: 16384 }, iops: 'unsupported', iopsRequired: false, throughput: false, fargate: true },
  standard: { label: 'Magnetic (standard)', size: { min: 1, max: 1024 }, iops: 'unsupported', iopsRequired: false, throughput: false, fargate: false },
};

/** The volume type names, in the order the API reference lists them. */
export const EBS_VOLUME_TYPE_NAMES: readonly string[] = Object.keys(EBS_VOLUME_TYPES);

/** Tag keys ECS sets on the volumes it manages; a tag specification may not use them. */
export const EBS_RESERVED_TAG_KEYS: ReadonlySet<string> = new Set(['AmazonECSCreated', 'AmazonECSManaged']);

/** The file systems ECS formats a new volume with, by the task's operating system (xfs when none is given on Linux). */
export const EBS_FILESYSTEMS = {
  linux: ['ext3', 'ext4', 'xfs'],
  windows: ['ntfs'],
} as const;

/** The file system ECS uses on Linux when filesystemType is left out. */
export const EBS_DEFAULT_LINUX_FILESYSTEM = 'xfs';
