// Sample ESM app started with `node --import @tracehound/instrumentation/register` that also calls register()
// itself, with the options in APP_REGISTER_OPTIONS (JSON). The hook's registration must take them in (instrumentation
// options) or say loudly which it cannot (tracer-provider options).
import OpenAI from 'openai';
import { register } from '@tracehound/instrumentation';

const registration = register(JSON.parse(process.env.APP_REGISTER_OPTIONS ?? '{}'));
const openai = new OpenAI({ baseURL: process.env.FAKE_OPENAI_URL, apiKey: 'sk-test' });
const r = await openai.chat.completions.create({
  model: 'gpt-esm-register',
  messages: [
    { role: 'system', content: 'You are the register test app.' },
    { role: 'user', content: 'mail me at jane.doe@example.com' },
  ],
});
await registration.forceFlush();
process.stdout.write(`esm-register-app done: ${r.choices[0].message.content}\n`);
