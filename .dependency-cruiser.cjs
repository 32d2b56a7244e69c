/**
 * The dependency rule (`npm run deps`, run by `npm run lint` and CI). README.md § Layers explains it.
 *
 * 1. processor/src folders form layers: a folder imports only folders of lower layers (or its own files). The order
 *    is strict, so no folder cycle can form; type-only imports count (tsPreCompilationDeps).
 * 2. Packages import each other only through their public entry points (`@tracehound/core`, `@tracehound/core/privacy`,
 *    `@tracehound/core/attributes`, `@tracehound/processor`, `@tracehound/processor/analyzer`,
 *    `@tracehound/instrumentation`, `@tracehound/instrumentation/register`): never a relative path into another
 *    package. Tests and benches may in addition use the shared secret fixture (core/test/fixtures/) and the fake
 *    provider (examples/fake-provider/).
 * 3. Shipped code never imports test code; no module-level cycle anywhere.
 */

/** processor/src, bottom to top. Members of one layer may import each other. */
const LAYERS = [
  ['errors.ts', 'config-section.ts', 'worker-thread.ts', 'log/', 'schema/', 'http/'], // foundation: error catalogue, config-section contract, worker start-up, logs, ajv, JSON API error answers
  ['otlp/'], // transport: OTLP messages, receivers, forwarder, in-flight budget
  ['metrics/'], // Prometheus registry helpers and the transport's metric families
  ['pipeline/'], // the stage contract and runner
  ['normalize/'], // dialects → Interaction
  ['rules/'], // the rule catalogue
  ['detect/'], // stateless content detectors
  ['behavior/'], // stateful detectors
  ['correlate/'], // trace-level state: identity inheritance, context provenance, analyse-once, idempotent finding ids
  ['score/'], // severity, risk, suppressions, the analyzer
  ['enrich/'], // span attributes and finding log records
  ['archive/'], // tamper-evident archive
  ['output/'], // finding sinks
  ['store/'], // the findings store (SQLite): findings, span summaries, sessions, verdicts, suppressions, review queue
  ['response/'], // automated response, verdict API, review loop
  ['api/'], // the findings API under /api/v1/ (docs/console.md)
  ['tiers/'], // optional asynchronous escalation tiers: ONNX classifiers in worker threads, an LLM judge
  ['config/'], // the validated configuration, assembled from every module's section
  ['engine/'], // composition root of detection: the detection stage and createEngine
  ['service/'], // the OTLP service: receivers → pipeline → forwarder, health, drain
  ['cli/', 'docs/', 'index.ts'], // entry points
];

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const folders = (layers) => `^processor/src/(${layers.flat().map(escapeRe).join('|')})`;

const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: 'processor-layers',
  comment: `processor/src/{${layer.join(',')}} must not import a higher layer (see LAYERS in .dependency-cruiser.cjs)`,
  severity: 'error',
  from: { path: folders([layer]) },
  to: { path: folders(LAYERS.slice(i + 1)) },
}));

const PACKAGES = '(core|processor|instrumentation|siem-content|dashboards)';
/** Test and benchmark code (and the evaluation/training scripts that drive the detectors on generated data). */
const DEV = `^(test/|${PACKAGES}/(test|bench)/|processor/scripts/)`;
const SHARED_TEST_SUPPORT = '^(core/test/fixtures/|examples/fake-provider/)';
/** The end-to-end rig decodes what its next hop received with the processor's proto definitions and next-hop helper. */
const E2E_SUPPORT = '^processor/(src/otlp/proto\\.ts|test/service/helpers\\.ts)$';

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-circular',
      comment: 'no import cycle between modules',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-reach-in-between-packages',
      comment:
        'a package imports another only through its public entry points (@tracehound/…), never by a relative path',
      severity: 'error',
      from: { path: `^${PACKAGES}/`, pathNot: DEV },
      to: {
        path: `^(${PACKAGES.slice(1, -1)}|scripts|examples|test)/`,
        pathNot: '^$1/',
        dependencyTypes: ['local'],
        dependencyTypesNot: ['aliased'],
      },
    },
    {
      name: 'no-reach-in-from-root',
      comment: 'scripts/ and examples/ use the packages through their public entry points',
      severity: 'error',
      from: { path: '^(scripts|examples)/' },
      to: { path: `^${PACKAGES}/`, dependencyTypes: ['local'], dependencyTypesNot: ['aliased'] },
    },
    {
      name: 'tests-reach-in-only-shared-support',
      comment:
        'tests use their own package’s internals, other packages through their public entry points, and the shared fixtures',
      severity: 'error',
      from: { path: `^${PACKAGES}/(test|bench|scripts)/` },
      to: {
        path: `^(${PACKAGES.slice(1, -1)}|scripts|examples|test)/`,
        pathNot: ['^$1/', SHARED_TEST_SUPPORT],
        dependencyTypes: ['local'],
        dependencyTypesNot: ['aliased'],
      },
    },
    {
      name: 'root-tests-reach-in-only-shared-support',
      comment: 'the end-to-end tests use the packages through their public entry points',
      severity: 'error',
      from: { path: '^test/' },
      to: {
        path: `^${PACKAGES}/`,
        pathNot: [SHARED_TEST_SUPPORT, E2E_SUPPORT],
        dependencyTypes: ['local'],
        dependencyTypesNot: ['aliased'],
      },
    },
    {
      name: 'console-talks-http-only',
      comment: 'the console (a browser app) reaches the processor over HTTP (/api/v1), never by importing a package',
      severity: 'error',
      from: { path: '^console/' },
      to: { path: `^(${PACKAGES.slice(1, -1)}|scripts|examples|test)/|@tracehound/` },
    },
    {
      name: 'no-test-code-in-shipped-code',
      comment: 'shipped code (src/) never imports tests, benches or scripts',
      severity: 'error',
      from: { path: '(^|/)src/' },
      to: { path: DEV },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.check.json' },
    enhancedResolveOptions: {
      conditionNames: ['@tracehound/source', 'import', 'require', 'node', 'default'],
      exportsFields: ['exports'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
