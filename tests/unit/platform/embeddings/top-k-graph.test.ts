import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { topKGraph } from '../../../../lib/platform/embeddings/top-k-graph';

/** A deterministic stream of numbers (no Math.random: a failure must repeat). */
function numbers(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31 - 0.5;
  };
}

function unitRows(rows: number, dims: number, next: () => number): Float32Array {
  const matrix = new Float32Array(rows * dims);
  for (let row = 0; row < rows; row++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += (matrix[row * dims + d] = next()) ** 2;
    for (let d = 0; d < dims; d++) matrix[row * dims + d]! /= Math.sqrt(norm);
  }
  return matrix;
}

describe('the nearest-vectors graph', () => {
  it('is a valid ONNX model whose answer is the brute-force top k', async () => {
    const dims = 384;
    const rows = 2_000;
    const next = numbers(7);
    const matrix = unitRows(rows, dims, next);
    const query = unitRows(1, dims, next);
    const session = await ort.InferenceSession.create(topKGraph(dims));
    const out = await session.run({
      q: new ort.Tensor('float32', query, [1, dims]),
      V: new ort.Tensor('float32', matrix, [rows, dims]),
      k: new ort.Tensor('int64', BigInt64Array.from([10n]), [1]),
    });
    const scores = Array.from({ length: rows }, (_, row) => {
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += matrix[row * dims + d]! * query[d]!;
      return { row, dot };
    }).sort((a, b) => b.dot - a.dot);
    expect(Array.from(out.indices!.data as BigInt64Array, Number)).toEqual(scores.slice(0, 10).map((score) => score.row));
    Array.from(out.values!.data as Float32Array).forEach((value, i) => expect(value).toBeCloseTo(scores[i]!.dot, 5));
  });
});
