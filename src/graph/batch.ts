import { z } from 'zod';
import { GraphError } from './graph-error';
import { retryableStatuses, retryDelayMs } from './retry-policy';

/**
 * JSON batching for reads (docs/graph-contract.md §9.2), DataLoader-style: GET requests asked for within one task are
 * collected and sent as `POST /$batch`, 20 to a batch (Graph's limit), a few batches at a time; each caller still gets
 * its own answer, so each query keeps its own key. A lone request goes out as it is. Inner 429 and 503 answers are
 * retried after their own `Retry-After`, in a later batch.
 */
export const maxBatchSize = 20;
/** Batches on their way at once. */
export const batchesInFlight = 4;

export interface InnerAnswer {
  /** Set when the request was alone in its task: the caller sends it directly, no batch needed. */
  direct?: true;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

const batchAnswerSchema = z.looseObject({
  responses: z.array(z.looseObject({ id: z.string(), status: z.number(), headers: z.record(z.string(), z.string()).optional(), body: z.unknown() })),
});
export type BatchAnswer = z.infer<typeof batchAnswerSchema>;
export { batchAnswerSchema };

export interface BatcherOptions {
  /** Sends one `POST /$batch` with these inner requests (the client's send: token, retries of the batch itself). */
  postBatch: (requests: { id: string; method: 'GET'; url: string }[]) => Promise<BatchAnswer>;
  /** Retries of an inner 429 or 503 before its error is the caller's. */
  maxRetries: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Collects requests until the current task ends; injectable for tests. */
  schedule?: (flush: () => void) => void;
}

interface Waiting {
  url: string;
  signal?: AbortSignal;
  resolve: (answer: InnerAnswer) => void;
  reject: (error: unknown) => void;
}

/** `load(url)` gives the inner answer of a GET (url relative to the version), sent in a batch with its neighbours. */
export function createBatcher(options: BatcherOptions) {
  const schedule = options.schedule ?? ((flush) => setTimeout(flush, 0));
  let queue: Waiting[] = [];

  async function sendBatch(batch: Waiting[]) {
    const live = batch.filter((waiting) => !waiting.signal?.aborted);
    for (const waiting of batch) if (waiting.signal?.aborted) waiting.reject(waiting.signal.reason);
    if (live.length === 0) return;
    try {
      const answer = await options.postBatch(live.map((waiting, index) => ({ id: String(index + 1), method: 'GET', url: waiting.url })));
      const byId = new Map(answer.responses.map((response) => [response.id, response]));
      live.forEach((waiting, index) => {
        const response = byId.get(String(index + 1));
        if (!response) {
          waiting.reject(new GraphError({ status: 0, code: 'unexpectedResponse', message: 'Microsoft Graph left a request of a batch unanswered.' }));
          return;
        }
        waiting.resolve({ status: response.status, headers: response.headers ?? {}, body: response.body });
      });
    } catch (error) {
      for (const waiting of live) waiting.reject(error);
    }
  }

  async function flush() {
    const waiting = queue;
    queue = [];
    if (waiting.length === 1) {
      waiting[0]?.resolve({ direct: true, status: 0, headers: {} });
      return;
    }
    const batches: Waiting[][] = [];
    for (let start = 0; start < waiting.length; start += maxBatchSize) batches.push(waiting.slice(start, start + maxBatchSize));
    const workers = Array.from({ length: Math.min(batchesInFlight, batches.length) }, async () => {
      for (let batch = batches.shift(); batch; batch = batches.shift()) await sendBatch(batch);
    });
    await Promise.all(workers);
  }

  function enqueue(url: string, signal?: AbortSignal): Promise<InnerAnswer> {
    return new Promise((resolve, reject) => {
      if (queue.length === 0) schedule(() => void flush());
      queue.push({ url, signal, resolve, reject });
    });
  }

  return {
    async load(url: string, signal?: AbortSignal): Promise<InnerAnswer> {
      for (let attempt = 0; ; attempt++) {
        const answer = await enqueue(url, signal);
        if (answer.direct) return answer;
        if (!retryableStatuses.has(answer.status) || attempt >= options.maxRetries) return answer;
        const retryAfter = Number(answer.headers['Retry-After'] ?? answer.headers['retry-after']);
        await options.sleep(retryDelayMs(attempt, Number.isFinite(retryAfter) ? retryAfter : undefined), signal);
      }
    },
  };
}

/** An inner answer as a fetch Response, so the client reads it (schema, Graph errors) like a direct one. */
export function innerResponse(answer: InnerAnswer): Response {
  const noBody = answer.status === 204 || answer.status === 304 || answer.body === undefined;
  const text = noBody ? null : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  return new Response(text, { status: answer.status, headers: answer.headers });
}
