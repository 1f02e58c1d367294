// Streams a finished reply with the API's server-sent event sequence: message_start, ping, then per
// block content_block_start / _delta / _stop, then message_delta (stop reason, usage) and message_stop.
import type { ServerResponse } from 'node:http';
import type { ResponseContentBlock, SimMessage } from './messages-api';

const JSON_CHUNK = 40;

function send(res: ServerResponse, event: string, data: object): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** Word-sized pieces, a few words each, like the model's token stream (deterministic, though). */
function textPieces(text: string): string[] {
  return text.match(/(?:\S+\s*){1,4}|\s+/g) ?? [];
}

function jsonPieces(json: string): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < json.length; start += JSON_CHUNK) pieces.push(json.slice(start, start + JSON_CHUNK));
  return pieces;
}

function streamBlock(res: ServerResponse, block: ResponseContentBlock, index: number): void {
  if (block.type === 'text') {
    send(res, 'content_block_start', { type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
    for (const text of textPieces(block.text)) {
      send(res, 'content_block_delta', { type: 'content_block_delta', index, delta: { type: 'text_delta', text } });
    }
  } else {
    const start = { type: 'tool_use', id: block.id, name: block.name, input: {} };
    send(res, 'content_block_start', { type: 'content_block_start', index, content_block: start });
    for (const partial_json of jsonPieces(JSON.stringify(block.input))) {
      const delta = { type: 'input_json_delta', partial_json };
      send(res, 'content_block_delta', { type: 'content_block_delta', index, delta });
    }
  }
  send(res, 'content_block_stop', { type: 'content_block_stop', index });
}

export function streamMessage(res: ServerResponse, message: SimMessage, requestId: string): void {
  if (res.destroyed) return;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'request-id': requestId,
  });
  const { usage } = message;
  send(res, 'message_start', {
    type: 'message_start',
    message: { ...message, content: [], stop_reason: null, stop_sequence: null, stop_details: null, usage: { ...usage, output_tokens: 1 } },
  });
  send(res, 'ping', { type: 'ping' });
  message.content.forEach((block, index) => streamBlock(res, block, index));
  send(res, 'message_delta', {
    type: 'message_delta',
    delta: { stop_reason: message.stop_reason, stop_sequence: null, stop_details: message.stop_details },
    usage: {
      input_tokens: usage.input_tokens,
      cache_creation_input_tokens: usage.cache_creation_input_tokens,
      cache_read_input_tokens: usage.cache_read_input_tokens,
      output_tokens: usage.output_tokens,
    },
  });
  send(res, 'message_stop', { type: 'message_stop' });
  res.end();
}
