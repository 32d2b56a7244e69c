import { frameworkSuite } from './support/suite.js';
import { setup } from './setups/llamaindex-openllmetry.js';

frameworkSuite(setup);
