import { frameworkSuite } from './support/suite.js';
import { setup } from './setups/langchain-openinference.js';

frameworkSuite(setup);
