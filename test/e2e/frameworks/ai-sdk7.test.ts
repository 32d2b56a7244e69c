import { frameworkSuite } from './support/suite.js';
import { setup } from './setups/ai-sdk7.js';

frameworkSuite(setup);
