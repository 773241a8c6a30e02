/** EFS volumes: access points and root directories, IAM authorization and transit encryption. */
import { containsPlaceholder } from '../../document/placeholders';
import type { JsonPath } from '../../types';
import type { Rule } from '../types';
import { DOCS } from '../../facts';
import { asArray, isObj, type Obj, reportedPath, str } from '../helpers';

interface EfsVolume {
  name: string;
  efs: Obj;
  path: JsonPath;
  accessPoint: string | undefined;
  iam: boolean;
  encrypted: boolean;
}

function efsVolumes(td: Obj): EfsVolume[] {
  return asArray(td.volumes).flatMap((v, i) => {
    if (!isObj(v) || !isObj(v.efsVolumeConfiguration)) return [];
    const efs = v.efsVolumeConfiguration;
    const auth = isObj(efs.authorizationConfig) ? efs.authorizationConfig : {};
    const accessPoint = str(auth.accessPointId);
    return [
      {
        name: str(v.name) ?? `volumes[${i}]`,
        efs,
        path: ['volumes', i, 'efsVolumeConfiguration'],
        accessPoint: accessPoint !== undefined && accessPoint !== '' ? accessPoint : undefined,
        iam: auth.iam === 'ENABLED',
        encrypted: efs.transitEncryption === 'ENABLED' || containsPlaceholder(efs.transitEncryption),
      },
    ];
  });
}

export const efsAccessPointRoot: Rule = {
  id: 'efs-access-point-root-directory',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'With an EFS access point, rootDirectory is omitted or "/"',
  docs: DOCS.efsAuthorization,
  check(ctx) {
    for (const v of efsVolumes(ctx.target.value)) {
      const root = str(v.efs.rootDirectory);
      if (!v.accessPoint || root === undefined || root === '' || root === '/' || containsPlaceholder(root)) continue;
      ctx.report({
        path: [...v.path, 'rootDirectory'],
        message:
          `Volume "${v.name}" mounts EFS through access point "${v.accessPoint}", which already fixes the directory ` +
          `the task sees, so rootDirectory "${root}" cannot apply. ECS rejects the task definition ("When using an EFS ` +
          `access point, the root directory must either be set to \\"/\\" or be omitted"). Set the path on the access ` +
          `point instead and remove rootDirectory.`,
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path ? [{ title: 'Remove rootDirectory (the access point sets the path)', changes: [{ path, remove: true }], certain: true }] : undefined;
  },
};

export const efsTransitEncryption: Rule = {
  id: 'efs-transit-encryption-required',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'EFS IAM authorization and access points need transitEncryption ENABLED',
  docs: DOCS.efsAuthorization,
  check(ctx) {
    for (const v of efsVolumes(ctx.target.value)) {
      if (v.encrypted || (!v.iam && !v.accessPoint)) continue;
      const reason = [v.iam ? 'IAM authorization (authorizationConfig.iam "ENABLED")' : '', v.accessPoint ? `access point "${v.accessPoint}"` : '']
        .filter(Boolean)
        .join(' and ');
      const present = v.efs.transitEncryption !== undefined;
      ctx.report({
        path: present ? [...v.path, 'transitEncryption'] : v.path,
        target: present ? 'value' : 'key',
        message:
          `Volume "${v.name}" uses ${reason}, which works only over an encrypted (TLS) connection, but transitEncryption is ` +
          `${present ? `"${String(v.efs.transitEncryption)}"` : 'not set (default "DISABLED")'}. ECS rejects this volume ` +
          `configuration; set transitEncryption to "ENABLED".`,
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    if (!path) return undefined;
    const efsPath = path[path.length - 1] === 'transitEncryption' ? path.slice(0, -1) : path;
    return [{ title: 'Set transitEncryption to "ENABLED"', changes: [{ path: [...efsPath, 'transitEncryption'], value: 'ENABLED' }], certain: true }];
  },
};

export const efsTransitEncryptionPort: Rule = {
  id: 'efs-transit-encryption-port-unused',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'transitEncryptionPort is set only with transitEncryption ENABLED',
  docs: DOCS.efsVolume,
  check(ctx) {
    for (const v of efsVolumes(ctx.target.value)) {
      // Volumes that must be encrypted anyway are reported by efs-transit-encryption-required.
      if (v.encrypted || v.iam || v.accessPoint || v.efs.transitEncryptionPort === undefined || v.efs.transitEncryptionPort === null) continue;
      ctx.report({
        path: [...v.path, 'transitEncryptionPort'],
        target: 'key',
        message:
          `Volume "${v.name}" sets transitEncryptionPort, but transitEncryption is ` +
          `${v.efs.transitEncryption === undefined ? 'not set (default "DISABLED")' : `"${String(v.efs.transitEncryption)}"`}, ` +
          `so there is no encrypted connection to use the port for: the setting has no effect. Enable transit ` +
          `encryption if you meant to encrypt, or remove the port.`,
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    if (!path) return undefined;
    return [
      { title: 'Remove transitEncryptionPort (it has no effect)', changes: [{ path, remove: true }], certain: true },
      { title: 'Set transitEncryption to "ENABLED"', changes: [{ path: [...path.slice(0, -1), 'transitEncryption'], value: 'ENABLED' }], certain: false },
    ];
  },
};

export const efsRules: Rule[] = [efsAccessPointRoot, efsTransitEncryption, efsTransitEncryptionPort];
