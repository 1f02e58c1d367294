/**
 * The nearest-vectors search as an ONNX graph, so onnxruntime's SIMD matrix multiply does the
 * work: scores = q · Vᵀ (Gemm), then TopK. A plain JavaScript loop over 21,750 x 384 floats
 * measured 13-63 ms; this graph 2-5 ms (bench/knowledge-retrieval/embeddings-experiment.md).
 *
 * Inputs: `q` float32 [1, D] (unit length), `V` float32 [N, D] (unit rows), `k` int64 [1].
 * Outputs: `values` float32 [1, k] (cosines, best first), `indices` int64 [1, k].
 *
 * The model is a few hundred bytes of protobuf, written here field by field (onnx.proto3:
 * ModelProto, GraphProto, NodeProto, ValueInfoProto) rather than shipped as an opaque file.
 */

const WIRE_VARINT = 0;
const WIRE_BYTES = 2;

function varint(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    out.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return out;
}

const tag = (field: number, wire: number) => varint((field << 3) | wire);
const int = (field: number, value: number) => [...tag(field, WIRE_VARINT), ...varint(value)];
const bytes = (field: number, body: number[]) => [...tag(field, WIRE_BYTES), ...varint(body.length), ...body];
const text = (field: number, value: string) => bytes(field, [...new TextEncoder().encode(value)]);

const FLOAT = 1;
const INT64 = 7;
const ATTRIBUTE_INT = 2;

/** A dimension: a fixed size, or a name for a size given at run time. */
type Dim = number | string;

function valueInfo(name: string, elemType: number, dims: Dim[]): number[] {
  const shape = dims.flatMap((dim) => bytes(1, typeof dim === 'number' ? int(1, dim) : text(2, dim)));
  const tensorType = [...int(1, elemType), ...bytes(2, shape)];
  return [...text(1, name), ...bytes(2, bytes(1, tensorType))];
}

function node(op: string, inputs: string[], outputs: string[], attributes: Record<string, number> = {}): number[] {
  const attrs = Object.entries(attributes).flatMap(([name, value]) => bytes(5, [...text(1, name), ...int(3, value), ...int(20, ATTRIBUTE_INT)]));
  return [...inputs.flatMap((input) => text(1, input)), ...outputs.flatMap((output) => text(2, output)), ...text(4, op), ...attrs];
}

/** The serialized model for vectors of `dimensions` floats (opset 17, IR version 8). */
export function topKGraph(dimensions: number): Uint8Array {
  const graph = [
    ...bytes(1, node('Gemm', ['q', 'V'], ['scores'], { transB: 1 })),
    ...bytes(1, node('TopK', ['scores', 'k'], ['values', 'indices'], { axis: 1 })),
    ...text(2, 'nearest_vectors'),
    ...bytes(11, valueInfo('q', FLOAT, [1, dimensions])),
    ...bytes(11, valueInfo('V', FLOAT, ['N', dimensions])),
    ...bytes(11, valueInfo('k', INT64, [1])),
    ...bytes(12, valueInfo('values', FLOAT, [1, 'K'])),
    ...bytes(12, valueInfo('indices', INT64, [1, 'K'])),
  ];
  const model = [...int(1, 8), ...bytes(7, graph), ...bytes(8, int(2, 17))];
  return Uint8Array.from(model);
}
