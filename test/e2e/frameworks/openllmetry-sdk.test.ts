import { frameworkSuite } from './support/suite.js';
import { setup } from './setups/openllmetry-sdk.js';

frameworkSuite(setup);
