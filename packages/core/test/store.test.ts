import { createMemoryStore } from '@fioco-flow/core';
import { runApplicationStoreContract } from '@fioco-flow/core/testing';

runApplicationStoreContract('memory store', () => createMemoryStore());
