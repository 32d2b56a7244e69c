import { frameworkSuite } from './support/suite.js';
import { setup } from './setups/langchain-openllmetry.js';

frameworkSuite(setup);
