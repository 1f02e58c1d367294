import dgram from 'node:dgram';
import type { Zone } from '../../lib/platform/dns/resolver';

export interface StubDnsServer {
  /** host:port for `Resolver.setServers`. */
  address: string;
  /** Every name asked, as it arrived on the wire (type first), for assertions. */
  queries: string[];
  close(): Promise<void>;
}

const TYPES: Record<number, string> = { 1: 'A', 15: 'MX', 16: 'TXT', 28: 'AAAA' };

/**
 * A real DNS server over UDP on a port the OS picks, answering TXT and A from a zone as a
 * real authority would: NXDOMAIN for an unknown name, an empty answer for a missing type.
 * Only what a resolver needs to read the answer; enough for Node's resolver (c-ares).
 */
export async function startStubDns(zone: Zone): Promise<StubDnsServer> {
  const records = new Map(Object.entries(zone).map(([name, byType]) => [name.toLowerCase().replace(/\.$/, ''), byType]));
  const queries: string[] = [];
  const socket = dgram.createSocket('udp4');
  socket.on('message', (query, peer) => {
    const question = readQuestion(query);
    if (!question) return;
    const type = TYPES[question.type] ?? String(question.type);
    queries.push(`${type} ${question.name}`);
    const byType = records.get(question.name.toLowerCase().replace(/\.$/, ''));
    const answers = byType?.[type] ?? [];
    const header = Buffer.alloc(12);
    query.copy(header, 0, 0, 2);
    header.writeUInt16BE(0x8180 | (byType ? 0 : 3), 2);
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(answers.length, 6);
    const body = answers.map((answer) => record(question.type, answer));
    socket.send(Buffer.concat([header, query.subarray(12, question.end), ...body]), peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${socket.address().port}`,
    queries,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

function readQuestion(query: Buffer): { name: string; type: number; end: number } | undefined {
  if (query.length < 17 || query.readUInt16BE(4) !== 1) return undefined;
  const labels: string[] = [];
  let at = 12;
  while (at < query.length && query[at] !== 0) {
    const length = query[at] ?? 0;
    labels.push(query.subarray(at + 1, at + 1 + length).toString('latin1'));
    at += 1 + length;
  }
  if (at + 5 > query.length) return undefined;
  return { name: labels.join('.'), type: query.readUInt16BE(at + 1), end: at + 5 };
}

function record(type: number, answer: string | string[]): Buffer {
  let data: Buffer;
  if (type === 1) data = Buffer.from(String(answer).split('.').map(Number));
  else {
    const chunks = (Array.isArray(answer) ? answer : [answer]).flatMap((text) => Buffer.from(text).toString('latin1').match(/[\s\S]{1,255}/g) ?? ['']);
    data = Buffer.concat(chunks.map((chunk) => Buffer.concat([Buffer.from([chunk.length]), Buffer.from(chunk, 'latin1')])));
  }
  const fixed = Buffer.alloc(12);
  fixed.writeUInt16BE(0xc00c, 0);
  fixed.writeUInt16BE(type, 2);
  fixed.writeUInt16BE(1, 4);
  fixed.writeUInt32BE(60, 6);
  fixed.writeUInt16BE(data.length, 10);
  return Buffer.concat([fixed, data]);
}
