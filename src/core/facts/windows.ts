/** What Windows containers do not support, and what they run on. */

/** Linux-only container members and why Windows cannot honour them. */
export const WINDOWS_CONTAINER_PARAMETERS: Readonly<Record<string, string>> = {
  privileged: 'Windows containers have no privileged mode',
  linuxParameters: 'these are Linux kernel settings',
  links: 'Windows networking has no container links',
  readonlyRootFilesystem: 'Windows containers cannot run with a read-only root file system',
  dnsServers: 'DNS settings cannot be passed to Windows containers',
  dnsSearchDomains: 'DNS settings cannot be passed to Windows containers',
  disableNetworking: 'Windows containers cannot have networking disabled',
  ulimits: 'ulimits are a Linux resource-limit mechanism',
  memoryReservation: 'Windows containers take a hard memory limit only',
  systemControls: 'these are Linux kernel parameters (sysctl)',
};

/** Windows tasks run on X86_64 only (Fargate and the ECS-optimized Windows AMIs); ARM64 is for Linux. */
export const WINDOWS_CPU_ARCHITECTURE = 'X86_64';

/** The only Docker volume driver Windows containers can use. */
export const WINDOWS_DOCKER_VOLUME_DRIVER = 'local';
