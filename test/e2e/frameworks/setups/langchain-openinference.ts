/** LangChain.js traced by OpenInference (@arizeai/openinference-instrumentation-langchain, manual instrumentation). */
import type { Setup } from '../support/contract.js';
import { otelProvider } from '../support/tracing.js';
import { langchainApp } from '../apps/langchain.js';

export const setup: Setup = {
  id: 'langchain-openinference',
  framework: 'LangChain.js',
  instrumentation: 'OpenInference',
  packages: ['@langchain/core', '@langchain/openai', 'langchain', '@arizeai/openinference-instrumentation-langchain'],
  dialect: 'openinference',
  async start(env) {
    const provider = otelProvider(env);
    const { LangChainInstrumentation } = await import('@arizeai/openinference-instrumentation-langchain');
    const CallbackManager = await import('@langchain/core/callbacks/manager');
    new LangChainInstrumentation({ tracerProvider: provider as never }).manuallyInstrument(CallbackManager);
    return langchainApp({
      openaiBaseURL: env.openaiBaseURL,
      wrap: (_t, fn) => fn(),
      flush: () => provider.forceFlush(),
      close: () => provider.shutdown(),
    });
  },
};
