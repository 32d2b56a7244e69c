/** OpenAI embeddings.create → GenAI embeddings attributes (the input is not captured: it is not a conversation). */
import * as A from '@tracehound/core/attributes';
import { openaiProvider } from './openai-common.js';
import { arr, num, rec, str, type OperationMapping } from './types.js';

export const openaiEmbeddingsMapping: OperationMapping = {
  operation: A.OP_EMBEDDINGS,
  provider: openaiProvider,
  request(p) {
    const attributes: Record<string, string[] | number> = {};
    if (typeof p.encoding_format === 'string') attributes[A.GEN_AI_REQUEST_ENCODING_FORMATS] = [p.encoding_format];
    const dims = num(p.dimensions);
    if (dims !== undefined) attributes[A.GEN_AI_EMBEDDINGS_DIMENSION_COUNT] = dims;
    return { model: str(p.model), attributes };
  },
  response(data) {
    const body = rec(data);
    if (!body) return {};
    const first = rec(arr(body.data)[0])?.embedding as { length?: unknown } | undefined;
    const dims = first && typeof first.length === 'number' ? first.length : undefined;
    const usage = rec(body.usage);
    return {
      responseModel: str(body.model),
      usage: { input: num(usage?.prompt_tokens) },
      attributes: dims !== undefined ? { [A.GEN_AI_EMBEDDINGS_DIMENSION_COUNT]: dims } : undefined,
    };
  },
};
