/**
 * What every framework setup provides to the acceptance suite: a small support app written the way that framework's
 * users write it (its own model client, prompt templates, retriever, tools, and its own way of naming the user and the
 * session), instrumented the way its documentation says, exporting spans through the exporter it is handed.
 */
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';

/** One conversation turn: who asks, in which session, under which system prompt, what, with which documents. */
export interface Turn {
  user: string;
  session: string;
  system: string;
  prompt: string;
  /** Knowledge-base documents for the RAG variants. */
  docs: string[];
}

export interface App {
  /** A plain turn: system prompt and user message. */
  chat(t: Turn): Promise<void>;
  /** RAG through the framework's retrieval path (retriever / vector index / embeddings / search tool). */
  retrieve(t: Turn): Promise<void>;
  /** The documents pasted into the system prompt by the app, no retriever. */
  pasteSystem(t: Turn): Promise<void>;
  /** The documents pasted into the user message by the app, no retriever. */
  pasteUser(t: Turn): Promise<void>;
  /** An agent with an `http_get` tool the model decides to call. */
  agent(t: Turn): Promise<void>;
  /** Export everything recorded so far. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface SetupEnv {
  /** Where spans go (the processor's OTLP exporter in e2e tests, an in-memory one when capturing fixtures). */
  exporter: SpanExporter;
  /** The fake provider's OpenAI base URL. */
  openaiBaseURL: string;
  serviceName: string;
}

export interface Setup {
  /** Stable id: test file name, fixture name, compatibility-matrix row. */
  id: string;
  framework: string;
  instrumentation: string;
  /** Packages whose installed versions the matrix reports. */
  packages: string[];
  /** The tracehound.dialect its model-call spans are read as. */
  dialect: string;
  /**
   * Cases this instrumentation cannot support, with the reason (what it does not record). The suite checks the gap
   * still holds — the rule is not raised and the model call is still read — so a fixed instrumentation fails the test
   * and the compatibility matrix gets updated.
   */
  gaps?: Record<string, string>;
  start(env: SetupEnv): Promise<App>;
}
