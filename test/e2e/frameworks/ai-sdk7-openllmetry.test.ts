import { frameworkSuite } from './support/suite.js';
import { setup } from './setups/ai-sdk7-openllmetry.js';

frameworkSuite(setup);
