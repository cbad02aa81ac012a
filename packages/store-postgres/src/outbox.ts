import type { ApplicationEventRecord } from '@fioco-flow/core';
import { instantParam } from './rows.js';
import type { SqlClient } from './sql-client.js';

/** An event of the log that has not been delivered yet, with its place in the outbox. */
export interface OutboxEntry {
  /** Increases with every event written; the order to deliver in. */
  readonly position: number;
  readonly event: ApplicationEventRecord;
}

/** Options of {@link Outbox.publish}. */
export interface PublishOptions {
  /** Maximum number of events handed to `deliver` at once, 100 by default. */
  readonly limit?: number;
  /** When the events count as delivered, ISO 8601; the database's clock by default. */
  readonly publishedAt?: string;
}

/**
 * The event log read as an outbox, for notifying host systems (webhooks, a message broker) at least
 * once: an event stays pending until it is marked published, so a publisher that crashes between
 * delivering and marking delivers it again on its next run.
 */
export interface Outbox {
  /** The oldest pending events, at most `limit` (100 by default). */
  pending(options?: { readonly limit?: number }): Promise<OutboxEntry[]>;
  /** Marks events as delivered; returns how many were pending. */
  markPublished(positions: readonly number[], publishedAt?: string): Promise<number>;
  /**
   * Hands the oldest pending events to `deliver` and marks them published once it resolves; nothing
   * is marked when it throws. Runs in one transaction that locks the events it hands over
   * (`FOR UPDATE SKIP LOCKED`), so publishers in several instances never deliver the same event at
   * the same time. Returns how many events were published, 0 when none was pending.
   *
   * NOTE: on PGlite, which has one connection, every other query of the store waits while `deliver`
   * runs: keep deliveries short there, or read with `pending` and mark with `markPublished`.
   */
  publish(deliver: (entries: readonly OutboxEntry[]) => Promise<void>, options?: PublishOptions): Promise<number>;
}

interface OutboxRow {
  position: number | string;
  event: ApplicationEventRecord;
}

const defaultBatchSize = 100;

function batchSize(limit: number | undefined): number {
  const size = limit ?? defaultBatchSize;
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`Invalid limit ${size}: give a whole number of events, 1 or more.`);
  return size;
}

// `position` is a bigint column: pg returns it as a string, PGlite as a number.
const toEntry = (row: OutboxRow): OutboxEntry => ({ position: Number(row.position), event: row.event });

const pendingQuery = 'SELECT position, event FROM application_events WHERE published_at IS NULL ORDER BY position LIMIT $1';

const markQuery = `UPDATE application_events SET published_at = COALESCE($2::timestamptz, now())
  WHERE position = ANY($1::bigint[]) AND published_at IS NULL`;

/** Creates the outbox over the store's connection; `connection` throws once the store is closed. */
export function createOutbox(connection: () => SqlClient): Outbox {
  return {
    async pending(options = {}) {
      const { rows } = await connection().query<OutboxRow>(pendingQuery, [batchSize(options.limit)]);
      return rows.map(toEntry);
    },

    async markPublished(positions, publishedAt) {
      if (positions.length === 0) return 0;
      const marked = await connection().query(markQuery, [[...positions], instantParam(publishedAt ?? null, 'publishedAt')]);
      return marked.rowCount;
    },

    async publish(deliver, options = {}) {
      const limit = batchSize(options.limit);
      const publishedAt = instantParam(options.publishedAt ?? null, 'publishedAt');

      return connection().transaction(async (transaction) => {
        const { rows } = await transaction.query<OutboxRow>(`${pendingQuery} FOR UPDATE SKIP LOCKED`, [limit]);
        if (rows.length === 0) return 0;

        const entries = rows.map(toEntry);
        await deliver(entries);
        const marked = await transaction.query(markQuery, [entries.map((entry) => entry.position), publishedAt]);
        return marked.rowCount;
      });
    },
  };
}
