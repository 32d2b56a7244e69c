export {
  startFakeProvider,
  type FakeProvider,
  type FakeRequest,
  type Responder,
  type ScriptedReply,
  type ScriptRequest,
} from './server.js';
