// Sample CommonJS app: calls register() first, then requires the SDKs (require-in-the-middle patches them).
// Run by test/apps.test.ts with `node --import tsx` so the package's TypeScript source can be required.
const { register, withIdentity, withTool } = require('../../src/index.ts');

const reg = register({ serviceName: 'sample-cjs-app', captureContent: 'full' });
const OpenAI = require('openai');
const Anthropic = require('@anthropic-ai/sdk');

async function main() {
  const openai = new OpenAI({ baseURL: process.env.FAKE_OPENAI_URL, apiKey: 'sk-test' });
  const anthropic = new Anthropic({ baseURL: process.env.FAKE_ANTHROPIC_URL, apiKey: 'test' });
  await withIdentity({ user: 'alice', session: 's-cjs', tenant: 'acme' }, async () => {
    const r = await openai.chat.completions.create({
      model: 'gpt-cjs',
      messages: [{ role: 'user', content: 'hello from cjs' }],
    });
    await withTool(
      { name: 'lookup', target: 'https://api.example.com/v1/items?id=1', decision: 'allowed' },
      async () => r.id,
    );
    await anthropic.messages.create({
      model: 'claude-cjs',
      max_tokens: 16,
      messages: [{ role: 'user', content: 'hi' }],
    });
  });
  await reg.shutdown();
  process.stdout.write('cjs-app done\n');
}

main().catch((err) => {
  process.stderr.write(`cjs-app failed: ${err && err.message}\n`);
  process.exit(1);
});
