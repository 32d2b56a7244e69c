/**
 * One classifier worker thread: loads every configured model (tokenizer of @huggingface/transformers from local files
 * only, ONNX session of onnxruntime-node), then answers batches of texts with each label's probability (softmax of the
 * logits). Runs off the main thread so inference never delays receiving, acknowledging or forwarding.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { join } from 'node:path';
import type { FromWorker, ToWorker, WorkerInit } from './protocol.js';

const init = workerData as WorkerInit;
const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);

interface Loaded {
  tokenizer: (
    texts: string[],
    opts: Record<string, unknown>,
  ) => Record<string, { data: BigInt64Array; dims: number[] }>;
  session: import('onnxruntime-node').InferenceSession;
  maxTokens: number;
}

function softmax(row: Float32Array | number[]): number[] {
  let max = -Infinity;
  for (const v of row) max = Math.max(max, v);
  const exps = Array.from(row, (v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

async function main(): Promise<void> {
  const ort = await import('onnxruntime-node');
  const transformers = await import('@huggingface/transformers');
  // No network at run time: models and tokenizers come from their local directories only.
  transformers.env.allowRemoteModels = false;
  transformers.env.allowLocalModels = true;
  const loaded: Loaded[] = [];
  for (const m of init.models) {
    try {
      const tokenizer = await transformers.AutoTokenizer.from_pretrained(m.directory, { local_files_only: true });
      const session = await ort.InferenceSession.create(join(m.directory, 'model.onnx'), {
        intraOpNumThreads: init.threads,
        interOpNumThreads: 1,
        executionProviders: ['cpu'],
      });
      loaded.push({ tokenizer: tokenizer as unknown as Loaded['tokenizer'], session, maxTokens: m.maxTokens });
    } catch (err) {
      post({
        type: 'load-error',
        model: m.name,
        message: err instanceof Error ? err.message.slice(0, 300) : 'load failed',
      });
      return;
    }
  }
  port.on('message', (msg: ToWorker) => {
    void (async () => {
      try {
        const m = loaded[msg.model]!;
        const enc = m.tokenizer(msg.texts, { padding: true, truncation: true, max_length: m.maxTokens });
        const feeds: Record<string, import('onnxruntime-node').Tensor> = {};
        const ids = enc.input_ids!;
        for (const name of m.session.inputNames) {
          const t =
            enc[name] ??
            (name === 'token_type_ids' ? { data: new BigInt64Array(ids.data.length), dims: ids.dims } : undefined);
          if (!t) throw new Error(`the model wants input ${name}, which the tokenizer does not produce`);
          feeds[name] = new ort.Tensor('int64', t.data, t.dims);
        }
        const out = await m.session.run(feeds);
        const logits = out.logits ?? out[m.session.outputNames[0]!]!;
        const [rows, cols] = logits.dims as [number, number];
        const data = logits.data as Float32Array;
        const probabilities: number[][] = [];
        for (let r = 0; r < rows; r++) probabilities.push(softmax(data.subarray(r * cols, (r + 1) * cols)));
        post({ type: 'result', id: msg.id, probabilities });
      } catch (err) {
        post({
          type: 'error',
          id: msg.id,
          message: err instanceof Error ? err.message.slice(0, 300) : 'inference failed',
        });
      }
    })();
  });
  post({ type: 'ready' });
}

void main();
