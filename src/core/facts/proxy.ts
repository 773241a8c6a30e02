/** The App Mesh proxy configuration (ProxyConfiguration of type APPMESH). */

/** Properties the API marks required for an APPMESH proxy, without which Envoy cannot redirect traffic. */
export const APPMESH_REQUIRED_PROPERTIES: readonly string[] = ['AppPorts', 'ProxyIngressPort', 'ProxyEgressPort'];

/** The proxy's own user or group, so it does not redirect its own traffic: one of the two is enough. */
export const APPMESH_IGNORED_IDS: readonly string[] = ['IgnoredUID', 'IgnoredGID'];
