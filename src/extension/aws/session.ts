/**
 * The AWS session: the second lifetime in the extension context. It holds the settings it was made from, the
 * gateways (one per region asked for, all over the SDK clients the AWS layer caches) and an AbortSignal for
 * every load made through it. A profile, region or endpoint change (or a trust change) ends the session:
 * loads are cancelled, the gateways dropped, the SDK clients disposed (`disposeClients()`), and `onDidChange`
 * tells the tree to drop its caches.
 *
 * Nothing here loads the AWS SDK until `gateway()` is called.
 */
import * as vscode from 'vscode';
import type { EcsGateway, GatewayLogEntry, GatewaySession } from '../../aws/gateway';
import { describeCredentials, formatLogEntry, GatewayError } from '../../aws/gateway';
import { loadAwsLayer, peekAwsLayer, type AwsLayerModule } from './layer';
import { gatewayOptions, readAwsSettings, sessionKey, type AwsSettings } from './settings';

export class AwsSession implements vscode.Disposable {
  /** Read on first use, not at activation. */
  private settingsValue: AwsSettings | undefined;
  private key = '';
  private readonly gateways = new Map<string, EcsGateway>();
  private controller = new AbortController();
  private resolving: Promise<GatewaySession> | undefined;
  private resolvedValue: GatewaySession | undefined;
  private startedValue = false;
  private generationValue = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  /** The session ended and a new one began (settings changed, or `reset()`): drop everything loaded. */
  readonly onDidChange = this.changed.event;
  private readonly updated = new vscode.EventEmitter<void>();
  /** The same session learned something (its region resolved, it started): update labels only. */
  readonly onDidUpdate = this.updated.event;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  get settings(): AwsSettings {
    if (!this.settingsValue) {
      this.settingsValue = readAwsSettings(vscode.workspace.isTrusted);
      this.key = sessionKey(this.settingsValue);
    }
    return this.settingsValue;
  }

  /** Aborted when the session ends. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Counts sessions: a load that finishes for an older generation is dropped. */
  get generation(): number {
    return this.generationValue;
  }

  /** The region, credentials and endpoint once the region resolved. */
  get resolved(): GatewaySession | undefined {
    return this.resolvedValue;
  }

  /** Whether anything used AWS yet (the tree became visible, an AWS command ran). */
  get started(): boolean {
    return this.startedValue;
  }

  /** Marks the session as in use (shows the status-bar item); loads nothing. */
  start(): void {
    if (this.startedValue) return;
    this.startedValue = true;
    this.logSettings('AWS session started');
    this.updated.fire();
  }

  /**
   * The gateway for this session, in `region` (default: the session's). Loads the AWS layer the first time.
   * Throws a GatewayError when the settings block every call.
   */
  gateway(region?: string): EcsGateway {
    this.start();
    const s = this.settings;
    if (s.blocked) throw new GatewayError('invalid-parameters', s.blocked);
    const key = region && region !== (this.resolvedValue?.region ?? s.region) ? region : '';
    let gw = this.gateways.get(key);
    if (!gw) {
      let aws: AwsLayerModule;
      try {
        aws = loadAwsLayer();
      } catch (e) {
        this.log.error(`could not load the AWS layer (dist/aws.js): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        throw new GatewayError('unknown', `ECS Lens could not load its AWS layer: ${e instanceof Error ? e.message : String(e)}`);
      }
      const generation = this.generationValue;
      gw = aws.createEcsGateway({ ...gatewayOptions(s, key || s.region), log: (entry) => this.logEntry(entry, generation) });
      this.gateways.set(key, gw);
    }
    return gw;
  }

  /** The session's region and credentials; resolves the region once (AWS_REGION, the profile's region). */
  resolve(): Promise<GatewaySession> {
    if (this.resolvedValue) return Promise.resolve(this.resolvedValue);
    if (!this.resolving) {
      const generation = this.generationValue;
      const p = (async () => {
        const session = await this.gateway().session();
        if (generation === this.generationValue) {
          this.resolvedValue = session;
          this.updated.fire();
        }
        return session;
      })();
      this.resolving = p;
      p.catch(() => {
        if (this.resolving === p) this.resolving = undefined;
      });
    }
    return this.resolving;
  }

  /** Reads the settings again; a different profile, region or endpoint (or trust) starts a new session. */
  reload(): void {
    if (!this.settingsValue) return; // nothing read yet: the first use reads the new values
    const next = readAwsSettings(vscode.workspace.isTrusted);
    const key = sessionKey(next);
    if (key === this.key) return;
    this.settingsValue = next;
    this.key = key;
    this.reset('AWS settings changed');
  }

  /** Ends the session and starts a fresh one with the same settings (e.g. after signing in again). */
  reset(why = 'AWS session reset'): void {
    this.controller.abort();
    this.controller = new AbortController();
    this.gateways.clear();
    // Only if something loaded the layer: disposing must never load the SDK.
    peekAwsLayer()?.disposeClients();
    this.resolving = undefined;
    this.resolvedValue = undefined;
    this.generationValue++;
    if (this.startedValue) this.logSettings(why);
    this.changed.fire();
    this.updated.fire();
  }

  /** The profiles of the shared config and credentials files (names, regions, kinds; never a secret). */
  listProfiles(): ReturnType<AwsLayerModule['listProfiles']> {
    return loadAwsLayer().listProfiles();
  }

  private logSettings(prefix: string): void {
    const s = this.settings;
    const endpoint = s.endpoint ? `endpoint ${s.endpoint}${s.endpointSource === 'demo' ? ' (demo)' : ''}` : 'default endpoint';
    this.log.info(`${prefix}: ${describeCredentials(s.credentials)}, region ${s.region ?? '(AWS_REGION or the profile’s)'}, ${endpoint}`);
    for (const n of s.notices) this.log.warn(n);
    if (s.blocked) this.log.warn(s.blocked);
  }

  private logEntry(entry: GatewayLogEntry, generation: number): void {
    // Lines of an ended session still say what happened (cancelled calls), marked as such.
    const line = `${generation === this.generationValue ? '' : '(previous session) '}${formatLogEntry(entry)}`;
    if (entry.type === 'session' || entry.outcome === 'ok') this.log.info(line);
    else if (entry.outcome === 'cancelled') this.log.debug(line);
    else this.log.warn(line);
  }

  dispose(): void {
    this.controller.abort();
    this.gateways.clear();
    peekAwsLayer()?.disposeClients();
    this.changed.dispose();
    this.updated.dispose();
  }
}
