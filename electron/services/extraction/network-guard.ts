/**
 * Refuses every network access from the current thread: TCP/UDP/IPC sockets to remote hosts, DNS and fetch.
 * Installed first thing in the extraction process and in its OCR worker threads; blocked attempts are
 * counted (and broadcast from worker threads) so a test can prove that none happened.
 */
import { BroadcastChannel, isMainThread } from 'node:worker_threads';
import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';

const CHANNEL = 'sigilo-network-guard';
let blocked = 0;
let installed = false;
let listener: BroadcastChannel | undefined;

export function blockedNetworkAttempts(): number {
  return blocked;
}

function refuse(what: string): Error {
  blocked++;
  if (!isMainThread) {
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage(what);
    channel.close();
  }
  return new Error(`network access refused in the extraction process (${what})`);
}

export function installNetworkGuard(): void {
  if (installed) return;
  installed = true;
  if (isMainThread) {
    listener = new BroadcastChannel(CHANNEL);
    listener.onmessage = () => { blocked++; };
    listener.unref();
  }
  const originalConnect = net.Socket.prototype.connect;
  // Local IPC pipes (the fork channel is set up before this runs, but be permissive for unix sockets
  // only if ever needed) are refused too: extraction has no reason to connect anywhere.
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]): net.Socket {
    void originalConnect;
    const error = refuse('socket');
    process.nextTick(() => this.destroy(error));
    return this;
  } as typeof net.Socket.prototype.connect;
  dgram.Socket.prototype.send = function guardedSend(): void { throw refuse('udp'); } as typeof dgram.Socket.prototype.send;
  const refuseLookup = ((...args: unknown[]) => {
    const callback = args[args.length - 1];
    const error = refuse('dns');
    if (typeof callback === 'function') process.nextTick(() => (callback as (e: Error) => void)(error));
  }) as typeof dns.lookup;
  dns.lookup = refuseLookup;
  dns.promises.lookup = (async () => { throw refuse('dns'); }) as typeof dns.promises.lookup;
  dns.resolve = refuseLookup as unknown as typeof dns.resolve;
  globalThis.fetch = (async () => { throw refuse('fetch'); }) as typeof fetch;
}
