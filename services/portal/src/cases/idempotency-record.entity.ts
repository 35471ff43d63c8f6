import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A submission's Idempotency-Key: the same key and body again return the same case. */
@Entity('idempotency_record')
export class IdempotencyRecord {
  @PrimaryColumn({ type: 'text' })
  subject!: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'text' })
  idempotencyKey!: string;

  /** sha256 of the canonical request body; the same key with another body is refused. */
  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
