/** Service Connect and service monitoring: the names and values the API accepts beyond what the schema types. */

/** A DNS label (the part between dots of a client alias dnsName) is 1 to 63 characters. */
export const DNS_LABEL_MAX = 63;

/** The service-level CloudWatch metrics whose resolution a service can set (MetricConfiguration.metricNames). */
export const SERVICE_METRIC_NAMES: readonly string[] = ['CPUUtilization', 'MemoryUtilization'];

/** The resolutions, in seconds, a service metric can be collected at (MetricConfiguration.resolutionSeconds). */
export const SERVICE_METRIC_RESOLUTIONS: readonly number[] = [20, 60];
