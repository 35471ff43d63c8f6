import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One field the shared record offers a returning applicant, with where it came from. */
export interface PrefillValue {
  value: string | number | boolean | null | object;
  source: string;
  sourceCaseId: string;
  updatedAt: string;
}

/** The latest `sharing.record.updated` of a person: what their next form is pre-filled with. */
@Entity('applicant_prefill')
export class ApplicantPrefill {
  @PrimaryColumn({ name: 'applicant_id', type: 'text' })
  applicantId!: string;

  /** The record's version; an older or repeated announcement never replaces a newer one. */
  @Column({ type: 'integer' })
  version!: number;

  /** By form path. */
  @Column({ type: 'jsonb' })
  fields!: Record<string, PrefillValue>;
}
