import { frameworkSuite } from './support/suite.js';
import { setup } from './setups/openai-agents-openinference.js';

frameworkSuite(setup);
