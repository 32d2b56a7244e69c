/**
 * LangChain.js traced by OpenLLMetry: the OpenLLMetry SDK with its LangChain and OpenAI instrumentations (the second
 * patches the `openai` client @langchain/openai calls, so each model call is traced twice), identity as association
 * properties.
 */
import type { Setup } from '../support/contract.js';
import { openllmetry } from '../support/tracing.js';
import { langchainApp, langchainOpenAI } from '../apps/langchain.js';

export const setup: Setup = {
  id: 'langchain-openllmetry',
  framework: 'LangChain.js',
  instrumentation: 'OpenLLMetry (SDK: LangChain + OpenAI instrumentations)',
  packages: [
    '@langchain/core',
    '@langchain/openai',
    'langchain',
    '@traceloop/node-server-sdk',
    '@traceloop/instrumentation-langchain',
  ],
  dialect: 'openllmetry',
  async start(env) {
    const openai = langchainOpenAI() as { OpenAI: unknown };
    const traceloop = await openllmetry(env, { langchain: true, openAI: openai.OpenAI });
    return langchainApp({
      openaiBaseURL: env.openaiBaseURL,
      wrap: (t, fn) => traceloop.withAssociationProperties({ user_id: t.user, session_id: t.session }, fn),
      flush: () => traceloop.forceFlush(),
      close: async () => {},
    });
  },
};
