import { runApplicationStoreContract } from '@fioco-flow/core/testing';
import { describeOnEachDatabase } from './support/databases.js';
import { emptyStoreOn } from './support/shared-database.js';

describeOnEachDatabase('store contract', (database) => {
  runApplicationStoreContract('SQL store', () => emptyStoreOn(database()));
});
