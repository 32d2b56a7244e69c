import { frameworkSuite } from './support/suite.js';
import { setup } from './setups/ai-sdk6-openllmetry.js';

frameworkSuite(setup);
