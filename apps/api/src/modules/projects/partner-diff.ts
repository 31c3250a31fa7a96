/** A partner as a project should have it: the organisation, its role and its budget share. */
export interface PartnerState {
  organisationId: string;
  role: string | null;
  /** Normalised money string ("1500.00") or null. */
  budgetShare: string | null;
}

export interface StoredPartner extends PartnerState {
  id: string;
}

export interface PartnerDiff {
  /** Ids of stored partners no longer in the list. */
  remove: string[];
  /** Stored partners whose role or budget share changed, with their new values. */
  update: Array<{ id: string; role: string | null; budgetShare: string | null }>;
  /** Partners new to the project. */
  insert: PartnerState[];
}

/**
 * What turns the stored partner list into the wanted one, matched by organisation: partners
 * that stay keep their row (and id), so only real changes are written.
 */
export function diffPartners(stored: readonly StoredPartner[], wanted: readonly PartnerState[]): PartnerDiff {
  const byOrganisation = new Map(stored.map((p) => [p.organisationId, p]));
  const wantedOrganisations = new Set(wanted.map((p) => p.organisationId));
  const diff: PartnerDiff = {
    remove: stored.filter((p) => !wantedOrganisations.has(p.organisationId)).map((p) => p.id),
    update: [],
    insert: [],
  };
  for (const partner of wanted) {
    const existing = byOrganisation.get(partner.organisationId);
    if (!existing) {
      diff.insert.push(partner);
    } else if (existing.role !== partner.role || existing.budgetShare !== partner.budgetShare) {
      diff.update.push({ id: existing.id, role: partner.role, budgetShare: partner.budgetShare });
    }
  }
  return diff;
}
