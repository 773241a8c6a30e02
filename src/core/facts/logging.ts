/** Log drivers and their options: what awslogs and FireLens accept, which drivers Managed Instances offer. */

/**
 * The options Docker's awslogs driver accepts (docs.docker.com/engine/logging/drivers/awslogs), plus
 * awslogs-stream-prefix, which the ECS agent turns into awslogs-stream. Docker refuses any other option.
 */
export const AWSLOGS_OPTIONS: readonly string[] = [
  'awslogs-region', 'awslogs-endpoint', 'awslogs-group', 'awslogs-stream', 'awslogs-create-group', 'awslogs-create-stream',
  'awslogs-datetime-format', 'awslogs-multiline-pattern', 'awslogs-format', 'awslogs-force-flush-interval-seconds',
  'awslogs-max-buffered-events', 'awslogs-credentials-endpoint', 'tag', 'mode', 'max-buffer-size', 'awslogs-stream-prefix',
];

/** The options of firelensConfiguration, with the values of those that take one from a list. */
export const FIRELENS_OPTIONS: Readonly<Record<string, readonly string[] | undefined>> = {
  'enable-ecs-log-metadata': ['true', 'false'],
  'config-file-type': ['s3', 'file'],
  'config-file-value': undefined,
};

/** The log drivers tasks on Amazon ECS Managed Instances can use (LogConfiguration.logDriver). */
export const MANAGED_INSTANCES_LOG_DRIVERS: ReadonlySet<string> = new Set(['awslogs', 'splunk', 'awsfirelens', 'json-file']);
