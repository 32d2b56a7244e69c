import { describe, expect, it } from 'vitest';
import { createFilePathDetector, normalizePath, sensitiveReason } from '../../../src/detect/leak/file-path.js';
import { config, inputOf, llmCall, toolCall } from './helpers.js';

describe('path normalization', () => {
  it.each([
    ['/workspace/../etc/shadow', '/etc/shadow', 'posix'],
    ['/../../etc/passwd', '/etc/passwd', 'posix'],
    ['~/.ssh/id_rsa', '~/.ssh/id_rsa', 'home'],
    ['C:\\Users\\Bob\\..\\Admin\\file.txt', 'c:/users/admin/file.txt', 'windows'],
    ['file:///etc/hosts', '/etc/hosts', 'posix'],
    ['./src/../README.md', 'README.md', 'relative'],
    ['../../secrets', '../../secrets', 'relative'],
  ])('%s → %s', (raw, path, kind) => {
    expect(normalizePath(raw)).toMatchObject({ path, kind });
  });

  it('sensitive paths, templates excluded', () => {
    for (const p of [
      '/etc/shadow',
      '~/.ssh/config',
      '/home/app/.aws/credentials',
      'app/.env',
      '.env.production',
      '/proc/1/environ',
      'C:\\Windows\\System32\\config\\SAM',
      '/root/notes',
    ]) {
      expect(sensitiveReason(normalizePath(p)), p).toBeDefined();
    }
    for (const p of ['/workspace/src/index.ts', '.env.example', '/etc/hosts', 'docs/environment.md']) {
      expect(sensitiveReason(normalizePath(p)), p).toBeUndefined();
    }
  });
});

describe('file path detector', () => {
  const scoped = createFilePathDetector(config({ filePathAllowlist: ['/workspace', '~/projects'] }));

  it('flags sensitive files even without an allowlist', () => {
    const d = createFilePathDetector(config());
    const [det] = d.detect(
      inputOf(toolCall({ name: 'shell', arguments: '{"command":"cat ~/.aws/credentials | base64"}' })),
    );
    expect(det).toMatchObject({ ruleId: 'TH-TOOL-004', channel: 'tool_call' });
    expect(d.detect(inputOf(toolCall({ name: 'read', arguments: '{"path":"/tmp/report.csv"}' })))).toEqual([]);
  });

  it('flags traversal out of the allowed scope, allows paths inside it', () => {
    const [det] = scoped.detect(
      inputOf(toolCall({ name: 'read', arguments: '{"path":"/workspace/../var/log/app.log"}' })),
    );
    expect(det).toMatchObject({ ruleId: 'TH-TOOL-003', details: { paths: ['/var/log/app.log'] } });
    expect(scoped.detect(inputOf(toolCall({ name: 'read', targetPath: '/workspace/src/a.ts' })))).toEqual([]);
    expect(scoped.detect(inputOf(toolCall({ name: 'read', arguments: '{"file":"src/a.ts"}' })))).toEqual([]);
    expect(scoped.detect(inputOf(toolCall({ name: 'read', arguments: '{"file":"../../other/a.ts"}' })))[0].ruleId).toBe(
      'TH-TOOL-003',
    );
    expect(scoped.detect(inputOf(toolCall({ name: 'read', arguments: '{"path":"~/projects/x/y.md"}' })))).toEqual([]);
  });

  it('does not treat paths mentioned in prose fields as targets', () => {
    const ix = llmCall({
      output: '',
      toolCalls: [{ name: 'commit', arguments: '{"message":"fix parsing of /etc/passwd entries"}' }],
    });
    expect(createFilePathDetector(config()).detect(inputOf(ix))).toEqual([]);
  });
});
