/** What Windows containers do not support. */

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
