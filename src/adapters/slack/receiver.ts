// Socket Mode (an outbound WebSocket: no public URL needed, the default for a school) or the HTTP
// Events API. Either way, every event Bolt processes is tracked from the moment it arrives, so
// idle() and stop() can wait for the work an ack leaves running.
import { SocketModeReceiver, type App, type Receiver, type ReceiverEvent } from '@slack/bolt';
import type { ReadinessCheck } from '../../chat/types.ts';
import { GatedHttpReceiver } from './http-receiver.ts';
import type { InFlight } from './in-flight.ts';
import { sdkLogger, type SlackLog } from './log.ts';

export interface ReceiverOptions {
  mode: 'socket' | 'http';
  appToken?: string;
  signingSecret?: string;
  port: number;
  host: string;
  apiUrl?: string;
  processBeforeResponse: boolean;
  log: SlackLog;
  readiness?: ReadinessCheck;
}

export interface AdapterReceiver extends Receiver {
  /** From now on, events are left unacknowledged (Slack redelivers them) or refused (HTTP 503). */
  refuseNew(): void;
  address(): { port: number } | undefined;
}

class TrackedReceiver implements AdapterReceiver {
  private accepting = true;

  constructor(
    private readonly inner: Receiver,
    private readonly inFlight: InFlight,
    private readonly http?: GatedHttpReceiver,
  ) {}

  init(app: App): void {
    // The inner receiver only ever calls processEvent on the app it is given.
    const tracked = {
      processEvent: (event: ReceiverEvent) => (this.accepting ? this.inFlight.track(app.processEvent(event)) : Promise.resolve()),
    };
    this.inner.init(tracked as unknown as App);
  }

  refuseNew(): void {
    this.accepting = false;
    this.http?.refuseNew();
  }

  address(): { port: number } | undefined {
    return this.http?.address();
  }

  start(): Promise<unknown> {
    return this.inner.start();
  }

  stop(): Promise<unknown> {
    return this.inner.stop();
  }
}

export function createReceiver(options: ReceiverOptions, inFlight: InFlight): AdapterReceiver {
  if (options.mode === 'http') {
    if (!options.signingSecret) throw new Error('Slack HTTP mode needs a signing secret');
    const http = new GatedHttpReceiver({
      signingSecret: options.signingSecret,
      port: options.port,
      host: options.host,
      processBeforeResponse: options.processBeforeResponse,
      log: options.log,
      now: Date.now,
      ...(options.readiness ? { readiness: options.readiness } : {}),
    });
    return new TrackedReceiver(http, inFlight, http);
  }
  if (!options.appToken) throw new Error('Slack Socket Mode needs an app-level token');
  const socket = new SocketModeReceiver({
    appToken: options.appToken,
    logger: sdkLogger(options.log),
    // Only the Socket Mode client reads these (no OAuth installer is configured).
    installerOptions: { clientOptions: options.apiUrl ? { slackApiUrl: options.apiUrl } : {} },
  });
  return new TrackedReceiver(socket, inFlight);
}
