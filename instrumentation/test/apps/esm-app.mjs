// Sample ESM app: no Tracehound code at all. Started with
//   node --import @tracehound/instrumentation/register esm-app.mjs
// (the test points --import at the TypeScript source). Export goes to OTEL_EXPORTER_OTLP_TRACES_ENDPOINT.
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';

const openai = new OpenAI({ baseURL: process.env.FAKE_OPENAI_URL, apiKey: 'sk-test' });
const anthropic = new Anthropic({ baseURL: process.env.FAKE_ANTHROPIC_URL, apiKey: 'test' });

const stream = await openai.chat.completions.create({
  model: 'gpt-esm',
  stream: true,
  stream_options: { include_usage: true },
  messages: [{ role: 'user', content: 'hello from esm' }],
});
let text = '';
for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
const message = await anthropic.messages
  .stream({ model: 'claude-esm', max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] })
  .finalMessage();
process.stdout.write(`esm-app done: ${text} / ${message.content[0].text}\n`);
