/** The shape every live simulation returns: feature ids and one column per state field. */
export interface StateColumns {
  readonly ids: string[];
  readonly columns: Record<string, (number | null)[]>;
}
