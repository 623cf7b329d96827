import type { Approval, DisposalRecord } from '../../retention/types.ts';
import type { Category, Label } from '../../types.ts';

export interface DisposalRow {
  seq: number; document_id: number; source_kind: string; source_root: string; folder: string; name_hash: string;
  document_type: string; label: Label; categories: string; policy_id: string; ground: string; dispose_after: string;
  approvers: string; deleted_at: string; permanent: number; answer: string; prev_hash: string; hash: string; seal: string;
}

export function recordOf(r: DisposalRow): DisposalRecord {
  return {
    seq: r.seq, documentId: r.document_id, sourceKind: r.source_kind, sourceRoot: r.source_root, folder: r.folder,
    nameHash: r.name_hash, documentType: r.document_type, label: r.label, categories: JSON.parse(r.categories) as Category[],
    policyId: r.policy_id, ground: r.ground, disposeAfter: r.dispose_after, approvers: JSON.parse(r.approvers) as Approval[],
    deletedAt: r.deleted_at, permanent: r.permanent === 1, answer: r.answer, prevHash: r.prev_hash, hash: r.hash, seal: r.seal,
  };
}

export interface IntentRow { document_id: number; version: string; started_at: string; permanent: number }

export function intentOf(r: IntentRow) {
  return { documentId: r.document_id, version: r.version, startedAt: r.started_at, permanent: r.permanent === 1 };
}
